// The offsets where an address pattern may start hold every offset where a global search of it finds a match.
import { addressPatternStarts } from '../../src/pii/addressPatternStarts';
import { numberFirstAddressPattern, streetAlonePattern, streetFirstAddressPattern } from '../../src/pii/postalAddress';

const texts = [
  'Envoyez à : 22 r. Sainte-Catherine, 93100 Montreuil, merci',
  'Elle m’avait donné : Rue Haute 69, 6000 Charleroi, ok. Avenue de la Gare 24, 1700 Fribourg',
  'She gave me Bahnhofstr. 93, 04109 Leipzig, and P.O. Box 104, 75009 Paris, BP 12 75001 Paris',
  'Hannah\nKastanienallee 3\n80331 München\nÜberseering 12, 22297 Hamburg',
  'Ship to: Flat 5, 48 Beech Crescent, Leeds LS6 2AB; 4626 Riverside Drive, Apt 2A, PORTLAND, OR 97214',
  'I live at 221B Baker Street, and Calle Mayor 5, 28013 Madrid; x12 Rue Basse 4, 6000 Charleroi',
];

function matchStarts(pattern: RegExp, text: string): number[] {
  return [...text.matchAll(pattern)].map((m) => m.index);
}

function isAscending(values: readonly number[]): boolean {
  return values.every((v, i) => i === 0 || (values[i - 1] ?? 0) < v);
}

describe('address pattern starts', () => {
  it.each(texts)('hold every start of the three patterns, ascending: %j', (text) => {
    const numbers = addressPatternStarts(text, { numbers: true, postBoxes: true });
    const streets = addressPatternStarts(text, { streetsBeforeNumbers: true });
    const alone = addressPatternStarts(text, { numbers: true, streetsBeforeNumbers: true });
    for (const starts of [numbers, streets, alone]) expect(isAscending(starts)).toBe(true);
    expect(numbers).toEqual(expect.arrayContaining(matchStarts(numberFirstAddressPattern, text)));
    expect(streets).toEqual(expect.arrayContaining(matchStarts(streetFirstAddressPattern, text)));
    expect(alone).toEqual(expect.arrayContaining(matchStarts(streetAlonePattern, text)));
  });

  it('are every run of digits, "P" or "B" at a word start, and capitals with a number later on their line', () => {
    expect(addressPatternStarts('v12 and 34', { numbers: true })).toEqual([1, 8]);
    expect(addressPatternStarts('aPO xB Bo', { postBoxes: true })).toEqual([7]);
    expect(addressPatternStarts('Rue Haute\nCity 12', { streetsBeforeNumbers: true })).toEqual([10]);
    expect(addressPatternStarts('PO Box 12 and Bo', { numbers: true, postBoxes: true })).toEqual([0, 3, 7, 14]);
  });
});
