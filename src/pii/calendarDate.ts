// How people write a full calendar date in English, French and German posts: "12/03/1985", "1985-03-12",
// "12 March 1985", "March 12th, 1985", "le 3 février 1990", "1er mars 1990", "12. März 1985".
import { anchoredMatches, stickyCopy } from './anchoredMatches';

const months = [
  // English, with the abbreviations people use
  'january', 'jan', 'february', 'feb', 'march', 'mar', 'april', 'apr', 'may', 'june', 'jun', 'july', 'jul', 'august', 'aug',
  'september', 'sept', 'sep', 'october', 'oct', 'november', 'nov', 'december', 'dec',
  // French, with and without accents
  'janvier', 'janv', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'fev', 'mars', 'avril', 'avr', 'mai', 'juin', 'juillet', 'juil',
  'août', 'aout', 'septembre', 'octobre', 'novembre', 'décembre', 'decembre', 'déc',
  // German
  'januar', 'jänner', 'februar', 'märz', 'maerz', 'juni', 'juli', 'oktober', 'dezember',
].sort((a, b) => b.length - a.length);

const month = String.raw`(?:${months.join('|')})\.?`;
const day = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const ordinal = String.raw`(?:st|nd|rd|th|er|re|e|\.)?`;
const year = String.raw`(?:1[89]\d{2}|20\d{2})`;
const gap = String.raw`[ \u00a0]+`;

const boundaryAfter = String.raw`(?![\p{L}\p{N}_]|[\/.\-]\p{N})`;

// 12/03/1985, 12.03.85, 03-12-1985 (either order: the US writes the month first), 1985-03-12. Like the year
// below, a numeric date starts a run of digits: both are tried only there.
export const numericDatePattern = stickyCopy(new RegExp(
  String.raw`(?<![\p{L}\p{N}_.\/-])(?:\d{1,2}([\/.\-])\d{1,2}\1(?:${year}|\d{2})|${year}([\/.\-])\d{1,2}\2\d{1,2})${boundaryAfter}`,
  'gu',
));
// A written date is found from its year, the rarer part, and read backwards: "12 March ", "March 12th, ", "1er mars ".
export const yearPattern = stickyCopy(new RegExp(String.raw`${year}(?<=[ \u00a0,]\d{4})${boundaryAfter}`, 'gu'));
const writtenDayMonthBefore = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.\/-])(?:${day}${ordinal}${gap}(?:of${gap})?${month},?|${month}${gap}${day}${ordinal},?)${gap}$`,
  'iu',
);

/** Every full date written in one of the ways above, in order of position, given where the text's digit runs start. */
export function findCalendarDates(text: string, digitRunStarts: readonly number[]): { start: number; end: number }[] {
  const dates: { start: number; end: number }[] = [];
  // Most runs of digits are neither: the patterns run only where a separator or the space before a year says they may.
  const numericStarts = digitRunStarts.filter((at) => separatorFollows(text, at));
  const yearStarts = digitRunStarts.filter((at) => mayStartYear(text, at));
  for (const m of anchoredMatches(numericDatePattern, text, numericStarts)) {
    if (isPlausibleDate(m[0])) dates.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const m of anchoredMatches(yearPattern, text, yearStarts)) {
    const before = writtenDayMonthBefore.exec(text.slice(Math.max(0, m.index - 24), m.index));
    if (before !== null) dates.push({ start: m.index - before[0].length, end: m.index + m[0].length });
  }
  return dates.sort((a, b) => a.start - b.start);
}

/** "/", "." or "-" after the first one, two or four digits: where a numeric date's first separator must be. */
export function separatorFollows(text: string, at: number): boolean {
  return isDateSeparator(text.charCodeAt(at + 1)) || isDateSeparator(text.charCodeAt(at + 2)) || isDateSeparator(text.charCodeAt(at + 4));
}

function isDateSeparator(code: number): boolean {
  return code === 47 || code === 46 || code === 45;
}

/** A year starts with 1 or 2, after a space, a no-break space or a comma. */
export function mayStartYear(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const first = text.charCodeAt(at);
  return (before === 32 || before === 0xa0 || before === 44) && (first === 49 || first === 50);
}

/** Whether the numbers of a numeric date can be a real day and month, in day-first or month-first order. */
function isPlausibleDate(written: string): boolean {
  const numbers = written.match(/\d+/gu);
  if (numbers === null || numbers.length !== 3) return true; // a written month: the pattern already bounds the day
  const [a = 0, b = 0, c = 0] = numbers.map(Number);
  const [first, second] = (numbers[0]?.length ?? 0) === 4 ? [b, c] : [a, b];
  const dayMonth = first >= 1 && first <= 31 && second >= 1 && second <= 12;
  const monthDay = first >= 1 && first <= 12 && second >= 1 && second <= 31;
  return dayMonth || monthDay;
}
