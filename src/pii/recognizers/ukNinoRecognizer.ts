// Finds UK National Insurance numbers: two letters from the allowed set, six digits and a suffix A to D, compact
// or spaced in pairs. Capitals are enough; typed in lower case, it needs "national insurance" or "NI" nearby.
import { anchoredMatches, stickyCopy } from '../anchoredMatches';
import { cueWords } from '../cueWords';
import type { Recognizer } from '../recognizer';
import { factsOf } from '../textFacts';
import type { Span } from '../types';

// D, F, I, Q, U and V are never used; O is never the second letter; BG, GB, KN, NK, NT, TN and ZZ are not allocated.
// Its digits start a run two or three characters in ("AB123456C", "AB 12 34 56 C"): it is tried only there.
export const ninoPattern = stickyCopy(
  /(?<![\p{L}\p{N}])(?!bg|gb|kn|nk|nt|tn|zz)[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z][ \u00a0]?\d{2}[ \u00a0]?\d{2}[ \u00a0]?\d{2}[ \u00a0]?[a-d](?![\p{L}\p{N}])/giu,
);
const ninoCues = cueWords(['national insurance', 'nino', 'ni number', 'ni no', 'nin']);

export const ukNinoRecognizer: Recognizer = {
  name: 'uk nino',
  recognize(text, context) {
    const spans: Span[] = [];
    const facts = factsOf(text, context);
    // Six digits in a row, or posts are spared the pattern.
    if (!facts.hasDigitStretch(6)) return spans;
    for (const match of anchoredMatches(ninoPattern, text, lettersBefore(text, facts.digitRunStarts))) {
      const written = match[0];
      const capitals = written === written.toUpperCase();
      if (!capitals && !ninoCues.test(text.slice(Math.max(0, match.index - 100), match.index))) continue;
      spans.push({ start: match.index, end: match.index + written.length, type: 'national_id', owner: 'other', score: capitals ? 0.9 : 0.8 });
    }
    return spans;
  },
};

/**
 * Where a number's two letters would start, before each run of digits: three characters back when a space
 * precedes the digits, two when a letter does.
 */
export function* lettersBefore(text: string, digitRunStarts: readonly number[]): Generator<number> {
  for (const at of digitRunStarts) {
    const before = text.charCodeAt(at - 1);
    if (at >= 3 && (before === 32 || before === 0xa0)) yield at - 3;
    else if (at >= 2 && isPatternLetter(before)) yield at - 2;
  }
}

/** What [a-z] matches in a case-insensitive Unicode pattern: ASCII letters, and "ſ" and the Kelvin sign. */
function isPatternLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 0x17f || code === 0x212a;
}
