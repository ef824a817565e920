// The day and month before a year are found with any word where the month stands, then the word is checked
// against the months: the answer must be the one of the pattern with the months spelled out.
import { dayMonthLengthAtEnd } from '../../src/pii/calendarDate';

const months = [
  'january', 'jan', 'february', 'feb', 'march', 'mar', 'april', 'apr', 'may', 'june', 'jun', 'july', 'jul', 'august', 'aug',
  'september', 'sept', 'sep', 'october', 'oct', 'november', 'nov', 'december', 'dec', 'janvier', 'janv', 'février', 'fevrier',
  'févr', 'fevr', 'fév', 'fev', 'mars', 'avril', 'avr', 'mai', 'juin', 'juillet', 'juil', 'août', 'aout', 'septembre',
  'octobre', 'novembre', 'décembre', 'decembre', 'déc', 'januar', 'jänner', 'februar', 'märz', 'maerz', 'juni', 'juli',
  'oktober', 'dezember',
].sort((a, b) => b.length - a.length);
const month = String.raw`(?:${months.join('|')})\.?`;
const day = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const ordinal = String.raw`(?:st|nd|rd|th|er|re|e|\.)?`;
const gap = String.raw`[ \u00a0]+`;
const reference = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.\/-])(?:${day}${ordinal}${gap}(?:of${gap})?${month},?|${month}${gap}${day}${ordinal},?)${gap}$`,
  'iu',
);

function expected(text: string): number {
  return reference.exec(text)?.[0].length ?? -1;
}

describe('the day and month before a year', () => {
  const heads = ['', 'born ', 'le ', 'x', '1', '.', 'é', '😀 ', 'on the ', 'Sat ', 'Mon, '];
  const dates = [
    '12 March ', 'March 12th, ', '1er mars ', '12. März ', '3 of Sept. ', 'SEPT 3, ', 'sepT. 30 ', '31 DÉCEMBRE ', '5 AOÛT ',
    '5 Août, ', '7 JÄNNER ', '2nd ſept ', 'Oct 0 ', 'Oct 32 ', '12 Marchy ', '12 xmarch ', '12 mar.. ', '12 mar , ',
    '12\u00a0juin\u00a0', '12 of ', 'of March ', '9 Kelvin ', '9 o\u212Atober ', '9 \u212Aoktober ', 'May 5 of ', 'may 5e ',
    'mai 5re, ', '5th 6 may ', 'may 5 6 ', '12 😀 ', '😀 12 ', '12 İan ', '12 ıan ', '12 mär\u0307z ', 'june 12 march ',
    '12 juin  ', '1 jan ', 'jan 1 ', '12-march ', '12 march', ' march 3 ', '1 auguſt ', 'MARſ 3 ',
  ];
  const samples = heads.flatMap((head) => dates.map((date) => head + date));

  it.each(samples)('agrees with the pattern with the months on %j', (text) => {
    expect(dayMonthLengthAtEnd(text)).toBe(expected(text));
  });

  it('finds the day and month written either way, in any case', () => {
    expect(dayMonthLengthAtEnd('born 12 March ')).toBe('12 March '.length);
    expect(dayMonthLengthAtEnd('on SEPT. 3rd, ')).toBe('SEPT. 3rd, '.length);
    expect(dayMonthLengthAtEnd('9 o\u212Atober ')).toBe(10);
    expect(dayMonthLengthAtEnd('12 Marchy ')).toBe(-1);
  });
});
