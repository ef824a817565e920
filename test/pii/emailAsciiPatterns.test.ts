// emailStartingAt and isEmailAddress read ASCII text with ASCII classes: they must agree with emailPattern and
// with the whole-address pattern on every text, ASCII or not.
import { emailPattern, emailStartingAt, isEmailAddress } from '../../src/pii/emailAddress';

const reference = new RegExp(emailPattern.source, 'uy');
const wholeReference = new RegExp(`^(?:${emailPattern.source.replace(/^\(\?<!\[[^\]]*\]\)/u, '').replace(/\(\?!\[[^\]]*\]\)$/u, '')})$`, 'u');

const texts = [
  'write to marie.dupont@free.fr today', 'a@b.fr', 'a@b.fré', 'é@b.fr', 'xa@b.fr', 'a@b.f', 'a@b.fr@', 'a@b.fr-',
  'a@b.frdé', 'a@b.fr2', 'a@b-c.co.uk.', '.a@b.fr', 'a.@b.fr', 'a@b..fr', 'a@@b.fr', 'Marie.Dupont@Free.FR,',
  'marie@free.fr—', 'marie@free.fr\u00a0', 'ma rie@free.fr', 'élodie@free.fr', 'm@frée.fr', 'm@free.fr😀', '😀m@free.fr',
  'a@b.fr𝒜', 'a+b%c_d-e@x-y.z.ab', '_@_.ab', '-@-.ab', 'a@b.c1', 'a@1.2.ab', 'x@y.zz\n', 'x@y.zzK', 'x@y.zzſ',
];

describe('emailStartingAt', () => {
  it.each(texts)('finds what emailPattern finds at each start of %j', (text) => {
    for (let start = 0; start < text.length; start++) {
      reference.lastIndex = start;
      const expected = reference.exec(text);
      const found = emailStartingAt(text, start);
      expect(found?.[0]).toBe(expected?.[0]);
      expect(found?.index).toBe(expected?.index);
    }
  });

  it('finds an ASCII address and one with accents', () => {
    expect(emailStartingAt('to a.b@c.fr!', 3)?.[0]).toBe('a.b@c.fr');
    expect(emailStartingAt('to a@b.fré', 3)?.[0]).toBe('a@b.fré');
    expect(emailStartingAt('to xa@b.fr', 4)).toBeNull();
  });
});

describe('isEmailAddress', () => {
  it.each(texts)('agrees with the whole-address pattern on %j', (text) => {
    expect(isEmailAddress(text)).toBe(wholeReference.test(text));
    expect(isEmailAddress(text.trim())).toBe(wholeReference.test(text.trim()));
  });

  it('accepts whole addresses only', () => {
    expect(isEmailAddress('marie@free.fr')).toBe(true);
    expect(isEmailAddress('élodie@frée.fr')).toBe(true);
    expect(isEmailAddress('marie@free.fr ')).toBe(false);
    expect(isEmailAddress('marie@free.f')).toBe(false);
  });
});
