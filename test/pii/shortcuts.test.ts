// The detector's shortcuts — words read by hand, numbers found from their digits, addresses from their "@", phone
// numbers read one country at a time — must find exactly what the plain patterns and full readings find.
import { anchoredMatches, stickyCopy } from '../../src/pii/anchoredMatches';
import { emailPattern, localPartStart } from '../../src/pii/emailAddress';
import { countriesToTry, PhoneReadings, readPhone } from '../../src/pii/phoneNumber';
import { TextFacts } from '../../src/pii/textFacts';
import { wordBounds } from '../../src/pii/wordBounds';

const tricky = [
  "Merci Hélène-Marie d'Arc, l’été à Saint-Étienne !",
  'e\u0301te\u0301 cafe\u0301s -leading trailing- it\'s',
  'Math 𝐀𝐁𝐂 and emoji 👋 Zoë 𝒳y',
  'lone \ud800 surrogate \udc00 here',
  '',
];

describe("the detector's shortcuts", () => {
  it('read the same words as the word pattern, with marks, joiners, astral letters and lone surrogates', () => {
    const pattern = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;
    for (const text of tricky) {
      const expected = [...text.matchAll(pattern)].flatMap((m) => [m.index, m.index + m[0].length]);
      expect(wordBounds(text)).toEqual(expected);
    }
  });

  it('know where digit runs start and how many digits a grouped number holds', () => {
    const text = 'Tel 06 12-34.56 (78), card 4242 4242 4242 4242; 2023a7';
    const facts = new TextFacts(text);
    expect(facts.digitRunStarts).toEqual([...text.matchAll(/\d+/gu)].map((m) => m.index));
    for (const count of [1, 4, 7, 10, 11, 16, 17]) {
      expect(facts.hasDigitStretch(count)).toBe(new RegExp(String.raw`\d(?:[ \u00a0().+\/-]*\d){${count - 1}}`, 'u').test(text));
    }
  });

  it('find from the "@" the same email addresses as a scan of the whole text', () => {
    const texts = ['a@b.com.x@y.com', 'x.@y.com and .z@y.com', '𝐚𝐛@b.com, marie@free.fr@', 'a@b.c@d.fr', 'no address at all'];
    const sticky = stickyCopy(emailPattern);
    for (const text of texts) {
      const starts: number[] = [];
      for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) starts.push(localPartStart(text, at));
      const found = anchoredMatches(sticky, text, starts).map((m) => [m.index, m[0]]);
      expect(found).toEqual([...text.matchAll(emailPattern)].map((m) => [m.index, m[0]]));
    }
  });

  it("read a phone number's countries lazily, with the answers of a full reading", () => {
    const countries = countriesToTry('FR');
    for (const written of ['06 39 98 90 27', '212-555-0165', '+44 7700 900742', '0044 20 7946 0728', '01 99 00 39 11', '077 564 86 53']) {
      const all = readPhone(written, countries);
      const lazy = new PhoneReadings(written, countries);
      expect(lazy.some((r) => r.valid)).toBe(all.some((r) => r.valid));
      expect(lazy.readAs('FR')?.e164).toBe(all.find((r) => r.readAs === 'FR')?.e164);
      for (const reading of all) {
        const e164s = new Set([reading.e164]);
        expect(new PhoneReadings(written, countries).isOneOf(e164s, new Set([reading.callingCode]))).toBe(true);
      }
      expect(lazy.all().map((r) => [r.e164, r.valid, r.readAs])).toEqual(all.map((r) => [r.e164, r.valid, r.readAs]));
    }
  });
});
