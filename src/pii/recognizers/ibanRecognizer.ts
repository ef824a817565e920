// Finds IBANs of any country ibantools knows, compact or grouped by four, in any case: the country's length and
// format and the mod-97 check must all hold. A BIC, which has no check digits, is never one.
import type * as Ibantools from 'ibantools' with { 'resolution-mode': 'import' };
import type { Recognizer } from '../recognizer';
import type { Span } from '../types';

// ibantools ships a CommonJS build for require() but declares its types as an ES module, which TypeScript will not
// let a CommonJS module import: the types come from the declaration, the code from the CommonJS build.
const { getCountrySpecifications, isValidIBAN } = require('ibantools') as typeof Ibantools;

// The candidate runs long; the country's own length decides where the IBAN ends ("… 8606 571 merci").
const candidatePattern = /(?<![\p{L}\p{N}])[a-z]{2}\d{2}(?:[ \u00a0]?[a-z0-9]){8,32}/giu;
const alphanumeric = /[a-z0-9]/iu;
const lengths = new Map(
  Object.entries(getCountrySpecifications()).flatMap(([code, spec]) => (spec.chars ? [[code, spec.chars] as const] : [])),
);

export const ibanRecognizer: Recognizer = {
  name: 'iban',
  recognize(text) {
    const spans: Span[] = [];
    candidatePattern.lastIndex = 0;
    // A long candidate may swallow the start of the next IBAN, so the search resumes just after each candidate's
    // start, or at the end of an IBAN found.
    for (let match = candidatePattern.exec(text); match !== null; match = candidatePattern.exec(text)) {
      const written = match[0];
      candidatePattern.lastIndex = match.index + 1;
      const length = lengths.get(written.slice(0, 2).toUpperCase());
      if (length === undefined) continue;
      const end = endOfIban(written, length);
      if (end === undefined || alphanumeric.test(written.charAt(end))) continue;
      const electronic = written.slice(0, end).replace(/[ \u00a0]/gu, '').toUpperCase();
      if (!isValidIBAN(electronic)) continue;
      spans.push({ start: match.index, end: match.index + end, type: 'iban', owner: 'other', score: 0.98 });
      candidatePattern.lastIndex = match.index + end;
    }
    return spans;
  },
};

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
