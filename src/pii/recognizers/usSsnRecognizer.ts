// Finds US social security numbers. "AAA-GG-SSSS" is found on its shape; spaced or unbroken, nine digits are
// only one after words such as "SSN" or "social security". Numbers never issued (area 000, 666, 9xx, group 00,
// serial 0000) are not.
import { anchoredMatches, stickyCopy } from '../anchoredMatches';
import { cueWords } from '../cueWords';
import type { Recognizer } from '../recognizer';
import { factsOf } from '../textFacts';
import type { Span } from '../types';

// A number starts a run of digits: it is tried only there.
export const ssnPattern = stickyCopy(/(?<![\p{L}\p{N}_\-.\/])(\d{3})([ \u00a0-]?)(\d{2})\2(\d{4})(?![\p{L}\p{N}_]|[\-.\/]\p{N})/gu);
const ssnCues = cueWords(['ssn', 'social security', 'social security number', 'social sec', 'taxpayer id']);
const otherNumberBefore =
  /(?<!\p{L})(?:order|commande|cmd|invoice|facture|ticket|tracking|suivi|colis|isbn|serial|ref|phone|tel|t[ée]l|call|fax|mobile)\b[^\n]{0,20}$/iu;

export const usSsnRecognizer: Recognizer = {
  name: 'us ssn',
  recognize(text, context) {
    const spans: Span[] = [];
    const facts = factsOf(text, context);
    // Nine digits in a row, or posts are spared the pattern.
    if (!facts.hasDigitStretch(9)) return spans;
    for (const match of anchoredMatches(ssnPattern, text, facts.digitRunStarts)) {
      const [written, area = '', separator, group = '', serial = ''] = match;
      if (!isIssuable(area, group, serial)) continue;
      const before = text.slice(Math.max(0, match.index - 100), match.index);
      const announced = ssnCues.test(before) || ssnCues.test(text.slice(match.index + written.length, match.index + written.length + 30));
      if (separator !== '-' && !announced) continue;
      if (!announced && otherNumberBefore.test(before)) continue;
      spans.push({ start: match.index, end: match.index + written.length, type: 'national_id', owner: 'other', score: announced ? 0.95 : 0.75 });
    }
    return spans;
  },
};

function isIssuable(area: string, group: string, serial: string): boolean {
  return area !== '000' && area !== '666' && !area.startsWith('9') && group !== '00' && serial !== '0000';
}
