// The social security, national insurance and IPv4 patterns are tried only near runs of digits: there they must find
// what a scan of the whole text finds, in the same order.
import { anchoredMatches } from '../../src/pii/anchoredMatches';
import { dotEndsFirstPart, ipv4Pattern } from '../../src/pii/recognizers/ipAddressRecognizer';
import { lettersBefore, ninoPattern } from '../../src/pii/recognizers/ukNinoRecognizer';
import { ssnPattern } from '../../src/pii/recognizers/usSsnRecognizer';
import { TextFacts } from '../../src/pii/textFacts';

function globalCopy(sticky: RegExp): RegExp {
  return new RegExp(sticky.source, sticky.flags.replace('y', '') + 'g');
}

function textsOf(pieces: string[], count: number): string[] {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: next(10) }, () => pieces[next(pieces.length)]).join(''));
}

describe('numbers tried near their runs of digits', () => {
  it('find the social security numbers a whole scan finds', () => {
    const texts = textsOf(['123', '45', '6789', '078-05-1120', '219 09 9999', '-', ' ', '\u00a0', '/', '.', 'x', 'SSN ', '1', '\n'], 4000);
    let found = 0;
    for (const text of texts) {
      const expected = [...text.matchAll(globalCopy(ssnPattern))].map((m) => [m.index, m[0]]);
      found += expected.length;
      expect(anchoredMatches(ssnPattern, text, new TextFacts(text).digitRunStarts).map((m) => [m.index, m[0]])).toEqual(expected);
    }
    expect(found).toBeGreaterThan(200);
  });

  it('find the national insurance numbers a whole scan finds', () => {
    const texts = textsOf(['AB', 'ab', 'Ce', 'QQ', 'ſK', 'K', '12', '34', '56', 'C', 'd', ' ', '\u00a0', 'AB123456C', 'ab 12 34 56 c', 'JH 123456 D', 'ſK123456C', 'S\u212a123456C', 'Tſ 12 34 56 D', 'x', '7', '\n'], 4000);
    let found = 0;
    for (const text of texts) {
      const expected = [...text.matchAll(globalCopy(ninoPattern))].map((m) => [m.index, m[0]]);
      found += expected.length;
      const starts = lettersBefore(text, new TextFacts(text).digitRunStarts);
      expect(anchoredMatches(ninoPattern, text, starts).map((m) => [m.index, m[0]])).toEqual(expected);
    }
    expect(found).toBeGreaterThan(150);
  });

  it('find the IPv4 addresses a whole scan finds', () => {
    const texts = textsOf(['1', '25', '255', '256', '192.168.1.1', '81.2.69.160', '.', '-', 'v', ' ', '0', '1234', 'a', ':80', '\n'], 4000);
    let found = 0;
    for (const text of texts) {
      const expected = [...text.matchAll(globalCopy(ipv4Pattern))].map((m) => [m.index, m[0]]);
      found += expected.length;
      const starts = new TextFacts(text).digitRunStarts.filter((at) => dotEndsFirstPart(text, at));
      expect(anchoredMatches(ipv4Pattern, text, starts).map((m) => [m.index, m[0]])).toEqual(expected);
    }
    expect(found).toBeGreaterThan(150);
  });
});
