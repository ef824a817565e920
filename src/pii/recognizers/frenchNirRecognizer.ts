// Finds French social security numbers (NIR): sex, year, month, département (2A/2B for Corsica, three digits
// overseas), commune, order and the two-digit key 97 − (number mod 97), compact or spaced as the carte Vitale prints it.
import { anchoredMatches, stickyCopy } from '../anchoredMatches';
import type { Recognizer } from '../recognizer';
import { factsOf } from '../textFacts';
import type { Span } from '../types';

const gap = String.raw`[ \u00a0.\-]?`;
// A NIR starts a run of digits: it is tried only there.
const nirPattern = stickyCopy(new RegExp(
  String.raw`(?<![\p{L}\p{N}])[1-478]${gap}\d{2}${gap}(?:0[1-9]|1[0-2]|[2-9]\d)${gap}` +
    String.raw`(?:(?:\d{2}|2[ab])${gap}\d{3}|9[78]\d${gap}\d{2})${gap}\d{3}${gap}\d{2}(?![\p{L}\p{N}]|[.,\-]\p{N})`,
  'giu',
));
// A number with the right shape and key after one of these words is something else's reference.
const otherNumberBefore =
  /(?<!\p{L})(?:order|commande|cmd|invoice|facture|ticket|tracking|suivi|colis|siret|siren|account|compte)(?:[\s:#°.-]*(?:n[°o]|no\.|num[ée]ro|number|de|du|of))*[\s:#°.-]*$/iu;

export const frenchNirRecognizer: Recognizer = {
  name: 'french nir',
  recognize(text, context) {
    const spans: Span[] = [];
    const facts = factsOf(text, context);
    // Fifteen digits, or eight after Corsica's "2A" or "2B": posts without that many in a row are spared the pattern.
    if (!facts.hasDigitStretch(8)) return spans;
    for (const match of anchoredMatches(nirPattern, text, facts.digitRunStarts)) {
      const bare = match[0].replace(/[ \u00a0.\-]/gu, '').toUpperCase();
      if (!hasValidKey(bare)) continue;
      if (otherNumberBefore.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
      spans.push({ start: match.index, end: match.index + match[0].length, type: 'national_id', owner: 'other', score: 0.95 });
    }
    return spans;
  },
};

/** The key makes 97 divide the whole number; Corsica's 2A and 2B count as 19 and 18 in the sum. */
function hasValidKey(bare: string): boolean {
  const body = bare.slice(0, 13).replace('2A', '19').replace('2B', '18');
  if (!/^\d{13}$/u.test(body)) return false;
  return 97 - (Number(body) % 97) === Number(bare.slice(13));
}
