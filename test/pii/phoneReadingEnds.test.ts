// The phone recognizer compares a number with the requester's only when one of theirs ends in its last two digits.
// That is exact because the parser rewrites only the start of a number — dialling prefix, calling code, trunk
// prefix, a country's transform rule — and never its end: checked here against libphonenumber-js itself, on
// random numbers and on every country's example numbers cut short, in every shape a candidate can have.
import type * as PhoneCore from 'libphonenumber-js/core';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

const { getCountries, getCountryCallingCode, Metadata } = require('libphonenumber-js/core') as typeof PhoneCore;
const metadata = require('libphonenumber-js/metadata.max.json') as PhoneCore.MetadataJson;
const examples = require('libphonenumber-js/examples.mobile.json') as Record<string, string>;
const countries = getCountries(metadata);
// The countries whose numbering plans rewrite a number's start with a transform rule, and common defaults.
const defaults: CountryCode[] = ['FR', 'GB', 'US', 'DE', 'IT', 'AR', 'BR', 'JP', 'AG', 'JE', 'GG', 'IM', 'SM', 'MG', 'NF', 'GA', 'CC', 'CX'];

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** For every possible reading of `written` in `country`: its E.164 form and the digits written, when they end differently. */
function mismatch(written: string, country: CountryCode): string | undefined {
  const digits = written.replace(/\D/gu, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  const number = parsePhoneNumberFromString(written, country);
  if (number === undefined || !number.isPossible()) return undefined;
  return number.number.slice(-2) === digits.slice(-2) ? undefined : `${written} in ${country} reads ${number.number}`;
}

describe('a phone number read in any country', () => {
  it('ends in the last two digits written, for random numbers in every shape', () => {
    const random = seeded(1);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const mismatches: string[] = [];
    let read = 0;
    for (let i = 0; i < 40000; i++) {
      let body = '';
      for (let k = 2 + Math.floor(random() * 14); k > 0; k--) body += String(Math.floor(random() * 10));
      const callingCode = getCountryCallingCode(pick(countries), metadata);
      const written = pick([`+${callingCode} ${body}`, `00${callingCode}${body}`, `011${callingCode}${body}`, body, `0${body}`, `(0)${body}`, `1 ${body}`, `0 15 ${body}`]);
      const country = random() < 0.5 ? pick(countries) : pick(defaults);
      const found = mismatch(written, country);
      if (parsePhoneNumberFromString(written, country)?.isPossible()) read += 1;
      if (found !== undefined) mismatches.push(found);
    }
    expect(mismatches).toEqual([]);
    expect(read).toBeGreaterThan(3000);
  });

  it("ends in the last two digits written, for each country's example numbers, whole, cut short and altered", () => {
    const random = seeded(2);
    const plan = new Metadata(metadata);
    const mismatches: string[] = [];
    for (const country of countries) {
      const example = examples[country];
      if (example === undefined) continue;
      plan.selectNumberingPlan(country);
      // The numbering plan's trunk prefix ('0' in France), which the package's types leave out.
      const trunk = (plan.numberingPlan as unknown as { nationalPrefix(): string | undefined } | undefined)?.nationalPrefix() ?? '';
      const callingCode = getCountryCallingCode(country, metadata);
      for (let cut = 0; cut <= Math.min(5, example.length - 4); cut++) {
        for (let change = 0; change < 2; change++) {
          let tail = example.slice(cut);
          const at = Math.floor(random() * tail.length);
          if (change > 0) tail = tail.slice(0, at) + String(Math.floor(random() * 10)) + tail.slice(at + 1);
          const shapes = [tail, trunk + tail, `+${callingCode}${tail}`, `00${callingCode}${tail}`, `${trunk} ${tail.slice(0, 3)} ${tail.slice(3)}`, `1${tail}`, `${trunk}${tail.slice(0, 2)}15${tail.slice(2)}`];
          for (const written of shapes) {
            for (const reader of [country, ...defaults]) {
              const found = mismatch(written, reader);
              if (found !== undefined) mismatches.push(found);
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
