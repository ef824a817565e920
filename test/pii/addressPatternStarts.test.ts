// The offsets where an address pattern may start hold every offset where a global search of it finds a match.
import { houseNumberStartsIn, mergedStarts, numberStartsIn, postBoxStartsIn, streetBeforeNumberStartsIn } from '../../src/pii/addressPatternStarts';
import { numberFirstAddressPattern, streetAlonePattern, streetFirstAddressPattern } from '../../src/pii/postalAddress';

const texts = [
  'Envoyez à : 22 r. Sainte-Catherine, 93100 Montreuil, merci',
  'Elle m’avait donné : Rue Haute 69, 6000 Charleroi, ok. Avenue de la Gare 24, 1700 Fribourg',
  'She gave me Bahnhofstr. 93, 04109 Leipzig, and P.O. Box 104, 75009 Paris, BP 12 75001 Paris',
  'Hannah\nKastanienallee 3\n80331 München\nÜberseering 12, 22297 Hamburg',
  'Ship to: Flat 5, 48 Beech Crescent, Leeds LS6 2AB; 4626 Riverside Drive, Apt 2A, PORTLAND, OR 97214',
  'I live at 221B Baker Street, and Calle Mayor 5, 28013 Madrid; x12 Rue Basse 4, 6000 Charleroi',
  'Rue du 8 Mai 1945 12, 75001 Paris; Avenue Jean-Jaurès 3 / Place d’Italie 9, 75013 Paris',
];

function digitRunStarts(text: string): number[] {
  const starts: number[] = [];
  for (let at = 0; at < text.length; at++) if (/\d/u.test(text.charAt(at)) && !/\d/u.test(text.charAt(at - 1))) starts.push(at);
  return starts;
}

function matchStarts(pattern: RegExp, text: string): number[] {
  return [...text.matchAll(pattern)].map((m) => m.index);
}

function isAscending(values: readonly number[]): boolean {
  return values.every((v, i) => i === 0 || (values[i - 1] ?? 0) < v);
}

describe('address pattern starts', () => {
  it.each(texts)('hold every start of the three patterns, ascending, in every zone: %j', (text) => {
    for (const [zoneStart, zoneEnd] of [[0, text.length], [3, text.length - 5], [12, 60]] as const) {
      const part = text.slice(zoneStart, zoneEnd);
      const numbers = numberStartsIn(text, digitRunStarts(text), zoneStart, zoneEnd);
      expect(numbers).toEqual(digitRunStarts(part));
      const withBoxes = mergedStarts(houseNumberStartsIn(part, numbers), postBoxStartsIn(part));
      const streets = streetBeforeNumberStartsIn(part, numbers);
      const alone = mergedStarts(houseNumberStartsIn(part, numbers), streets);
      for (const starts of [withBoxes, streets, alone]) expect(isAscending(starts)).toBe(true);
      expect(withBoxes).toEqual(expect.arrayContaining(matchStarts(numberFirstAddressPattern, part)));
      expect(streets).toEqual(expect.arrayContaining(matchStarts(streetFirstAddressPattern, part)));
      expect(alone).toEqual(expect.arrayContaining(matchStarts(streetAlonePattern, part)));
    }
  });

  it('of a street before its number are the capitals of its line before a number after a space', () => {
    const part = 'Rue Haute\nCity Of x 12, and Z9 Big Road 7';
    expect(streetBeforeNumberStartsIn(part, digitRunStarts(part))).toEqual([10, 15, 28, 31, 35]);
  });

  it('of a house number are short runs of digits before a space, a comma or a letter, after no letter', () => {
    const part = '12 rue, 221B, 142bis, 7,8 x9 10:30 123456 street 4.2 99999\t';
    expect(houseNumberStartsIn(part, digitRunStarts(part))).toEqual([0, 8, 14, 22, 24, 32, 51, 53]);
  });

  it('of a post-office box are its first words', () => {
    expect(postBoxStartsIn('PO Box 12, P.O. Box 3, BP 7, Postfach 9, Boîte postale 4, Bob 5')).toEqual([0, 11, 23, 29, 41]);
  });

  it('merge two ascending lists into one', () => {
    expect(mergedStarts([1, 5, 9], [2, 5, 12])).toEqual([1, 2, 5, 9, 12]);
    expect(mergedStarts([], [3])).toEqual([3]);
  });
});
