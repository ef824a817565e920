// The anchor scan gives what localityAnchorPattern gives, on the shapes each of its branches reads and on the
// near misses around them.
import { localityAnchorsIn } from '../../src/pii/localityAnchors';
import { localityAnchorPattern } from '../../src/pii/postalAddress';

function digitRunStarts(text: string): number[] {
  const starts: number[] = [];
  for (let at = 0; at < text.length; at++) if (/\d/u.test(text.charAt(at)) && !/\d/u.test(text.charAt(at - 1))) starts.push(at);
  return starts;
}

function byPattern(text: string) {
  return [...text.matchAll(localityAnchorPattern)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    postcode: m.groups?.postcode !== undefined || m.groups?.lowerCasePostcode !== undefined,
  }));
}

const texts = [
  '12 rue du Helder, 75009 Paris',
  '123456 Paris and 1234 Bern, 12 AB',
  'Asheville, NC 28801 and Portland OR 97214-1234',
  '4626 Riverside Drive,\nPORTLAND, OR 97214',
  'Leeds LS6 2AB, London,N16 7UJ',
  ', 1700 fribourg\n 04109 leipzig, 123 paris,\t12345 \u00a0évry',
  '5AB 5ABc 5AÉ 12AB3 ,AB ,ABC ,\u00a0QC\nON',
  'D-80331 München, 13006 Marseille Cedex 2, 75009 Élancourt',
  'version 2.0.1 at 10:30 on 12/03/2024, call 06 12 34 56 78',
  'x 12345, 12345 x, a 12345\n, 1234 , 12345\n',
  'no digits, but a code\nNY and ,CA.',
  '',
  '7',
  '12345 𝐀bc, 12345 𝐚bc',
];

describe('locality anchors', () => {
  it.each(texts)('are the matches of the anchor pattern: %j', (text) => {
    expect(localityAnchorsIn(text, digitRunStarts(text))).toEqual(byPattern(text));
  });

  it('tell a postcode before a city from a state code', () => {
    expect(localityAnchorsIn('Paris 75009 Paris, NC', digitRunStarts('Paris 75009 Paris, NC'))).toEqual([
      { start: 6, end: 13, postcode: true },
      { start: 17, end: 21, postcode: false },
    ]);
  });
});
