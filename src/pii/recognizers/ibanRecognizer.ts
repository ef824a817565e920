// Finds IBANs of any country ibantools knows, compact or grouped by four, in any case: the country's length and
// format and the mod-97 check must all hold. A BIC, which has no check digits, is never one.
import type * as Ibantools from 'ibantools' with { 'resolution-mode': 'import' };
import { stickyCopy } from '../anchoredMatches';
import type { Recognizer } from '../recognizer';
import { factsOf } from '../textFacts';
import type { Span } from '../types';

// ibantools ships a CommonJS build for require() but declares its types as an ES module, which TypeScript will not
// let a CommonJS module import: the types come from the declaration, the code from the CommonJS build.
const { getCountrySpecifications, isValidIBAN } = require('ibantools') as typeof Ibantools;

// The candidate runs long; the country's own length decides where the IBAN ends ("… 8606 571 merci"). Its check
// digits start a run of digits right after two letters: it is tried only there.
const candidatePattern = stickyCopy(/(?<![\p{L}\p{N}])[a-z]{2}\d{2}(?:[ \u00a0]?[a-z0-9]){8,32}/giu);
const alphanumeric = /[a-z0-9]/iu;
const lengths = new Map(
  Object.entries(getCountrySpecifications()).flatMap(([code, spec]) => (spec.chars ? [[code, spec.chars] as const] : [])),
);

export const ibanRecognizer: Recognizer = {
  name: 'iban',
  recognize(text, context) {
    const spans: Span[] = [];
    // A long candidate may swallow the start of the next IBAN, so the search resumes just after each candidate's
    // start, or at the end of an IBAN found.
    let from = 0;
    for (const digits of factsOf(text, context).digitRunStarts) {
      if (digits - 2 < from || !isCountryLetter(text.charCodeAt(digits - 2)) || !isCountryLetter(text.charCodeAt(digits - 1))) continue;
      candidatePattern.lastIndex = digits - 2;
      const match = candidatePattern.exec(text);
      if (match === null) continue;
      const written = match[0];
      from = match.index + 1;
      const length = lengths.get(written.slice(0, 2).toUpperCase());
      if (length === undefined) continue;
      const end = endOfIban(written, length);
      if (end === undefined || alphanumeric.test(written.charAt(end))) continue;
      const electronic = written.slice(0, end).replace(/[ \u00a0]/gu, '').toUpperCase();
      if (!isValidIBAN(electronic)) continue;
      spans.push({ start: match.index, end: match.index + end, type: 'iban', owner: 'other', score: 0.98 });
      from = match.index + end;
    }
    return spans;
  },
};

/** What [a-z] matches in a case-insensitive Unicode pattern: ASCII letters, and "ſ" and the Kelvin sign. */
function isCountryLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 0x17f || code === 0x212a;
}

/** The offset just after the `length`-th letter or digit, or undefined if the candidate is shorter. */
function endOfIban(written: string, length: number): number | undefined {
  let seen = 0;
  for (let i = 0; i < written.length; i++) {
    if (written[i] === ' ' || written[i] === '\u00a0') continue;
    seen += 1;
    if (seen === length) return i + 1;
  }
  return undefined;
}
