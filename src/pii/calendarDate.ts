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
// The day and month before a year, with any word where the month stands, checked against the months in code: the
// months spelled out in the pattern, compiled case-insensitive, were about 100 KB of machine code run for most
// posts. A month is a whole word there (spaces before it, ". , " or a space after it), so each match holds one
// candidate word, and the first match whose word is a month is the first match of the pattern with the months.
const monthWord = String.raw`[^\s\d.,]+`;
const writtenDayMonthBefore = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.\/-])(?:${day}${ordinal}${gap}(?:of${gap})?(${monthWord})\.?,?|(${monthWord})\.?${gap}${day}${ordinal},?)${gap}$`,
  'giu',
);
const monthSet = new Set(months);

/** The length of the day and month that `before` ends with ("12 March ", "March 12th, "), or -1. */
export function dayMonthLengthAtEnd(before: string): number {
  writtenDayMonthBefore.lastIndex = 0;
  for (let m = writtenDayMonthBefore.exec(before); m !== null; m = writtenDayMonthBefore.exec(before)) {
    if (isMonth(m[1] ?? m[2] ?? '')) return m[0].length;
    // On from the next character (a whole one: the pattern reads code points).
    writtenDayMonthBefore.lastIndex = m.index + (isLeadSurrogate(before.charCodeAt(m.index)) ? 2 : 1);
  }
  return -1;
}

function isLeadSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Whether a word is a month as the `iu` flags compare: each character folded by Unicode simple case folding. On
 * the months' letters that is lower case, but for ſ (long s) and K (Kelvin sign), which fold to s and k.
 */
function isMonth(word: string): boolean {
  if (word.length > 9) return false;
  return monthSet.has(word.toLowerCase().replace(/[ſ\u212a]/gu, (c) => (c === 'ſ' ? 's' : 'k')));
}

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
    const length = dayMonthLengthAtEnd(text.slice(Math.max(0, m.index - 24), m.index));
    if (length !== -1) dates.push({ start: m.index - length, end: m.index + m[0].length });
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
