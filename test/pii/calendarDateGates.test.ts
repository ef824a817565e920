// The date patterns are tried only where a cheap look at the characters says they may match: that look must
// never turn away a place where a pattern matches.
import { mayStartYear, numericDatePattern, separatorFollows, yearPattern } from '../../src/pii/calendarDate';

function datelikeTexts(count: number): string[] {
  const pieces = ['1', '3', '12', '31', '1985', '2023', '85', '/', '.', '-', ' ', '\u00a0', ',', 'March', 'le', 'né', 'x', '\n', '0'];
  let seed = 4242;
  const next = (n: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  const numbers = ['1', '07', '12', '31', '45', '85', '1985', '2023', '123'];
  const separators = ['/', '.', '-', ' '];
  // A date, or nearly one: three numbers and two separators, the same or not.
  const datelike = () => {
    const pick = (list: string[]) => list[next(list.length)] ?? '';
    const separator = pick(separators);
    return pick(numbers) + separator + pick(numbers) + (next(4) === 0 ? pick(separators) : separator) + pick(numbers);
  };
  return Array.from({ length: count }, () => Array.from({ length: next(8) }, () => (next(2) === 0 ? datelike() : pieces[next(pieces.length)])).join(''));
}

describe('where a calendar date may start', () => {
  const texts = ['12/03/1985', '1985-03-12', 'born 3.4.85', 'on 12 March 1985, and', '2/2/2020-1', ...datelikeTexts(5000)];

  it('lets through every place a numeric date matches', () => {
    let matched = 0;
    for (const text of texts) {
      for (let at = 0; at < text.length; at++) {
        numericDatePattern.lastIndex = at;
        if (numericDatePattern.exec(text) === null) continue;
        matched += 1;
        expect([text, at, separatorFollows(text, at)]).toEqual([text, at, true]);
      }
    }
    expect(matched).toBeGreaterThan(100);
  });

  it('lets through every place a year matches', () => {
    let matched = 0;
    for (const text of texts) {
      for (let at = 0; at < text.length; at++) {
        yearPattern.lastIndex = at;
        if (yearPattern.exec(text) === null) continue;
        matched += 1;
        expect([text, at, mayStartYear(text, at)]).toEqual([text, at, true]);
      }
    }
    expect(matched).toBeGreaterThan(100);
  });
});
