// Rewrites text with personal information replaced by a short placeholder saying what was there, so a
// reader of the edited post understands that something was removed and why the sentence reads oddly.
import type { RedactableType } from './types';

const placeholders: Record<RedactableType, string> = {
  email: '[email removed]',
  phone: '[phone removed]',
  person: '[name removed]',
  address: '[address removed]',
  ip_address: '[IP address removed]',
  credit_card: '[card number removed]',
  iban: '[IBAN removed]',
  national_id: '[ID number removed]',
  date_of_birth: '[date of birth removed]',
  profile_url: '[profile link removed]',
  username: '[username removed]',
  passage: '[passage removed]',
};

export function placeholderFor(type: RedactableType): string {
  return placeholders[type];
}

/** Replaces each span with its placeholder. Spans may come in any order but must not overlap. */
export function redactSpans(text: string, spans: readonly { start: number; end: number; type: RedactableType }[]): string {
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  let previousEnd = 0;
  for (const span of ordered) {
    const { start, end } = span;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
      throw new RangeError(`span ${start}-${end} is outside the text (length ${text.length}) or empty`);
    }
    // An offset between the two halves of an emoji would leave half a character behind.
    if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
      throw new RangeError(`span ${start}-${end} cuts a character in two`);
    }
    if (start < previousEnd) throw new RangeError(`span ${start}-${end} overlaps the span before it`);
    previousEnd = end;
  }
  let rewritten = '';
  let cursor = 0;
  for (const span of ordered) {
    rewritten += text.slice(cursor, span.start) + placeholderFor(span.type);
    cursor = span.end;
  }
  return rewritten + text.slice(cursor);
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * Replaces every occurrence of each target string, longest first so "Marie Dupont" is not left as
 * "[name removed] Dupont". With html, the target is also found in its HTML-escaped form, as a forum stores it.
 */
export function replaceAllOccurrences(
  text: string,
  targets: readonly { text: string; type: RedactableType }[],
  options: { html?: boolean } = {},
): string {
  const replacements = new Map<string, string>();
  const byLength = [...targets].filter((t) => t.text !== '').sort((a, b) => b.text.length - a.text.length);
  for (const target of byLength) {
    const placeholder = options.html ? escapeHtml(placeholderFor(target.type)) : placeholderFor(target.type);
    const forms = options.html ? [target.text, escapeHtml(target.text), escapeHtml(target.text, '&#x27;')] : [target.text];
    for (const form of forms) if (!replacements.has(form)) replacements.set(form, placeholder);
  }
  if (replacements.size === 0) return text;
  // One pass with the longest alternatives first: at each position the longest target wins, and a
  // placeholder already written is never searched again.
  const needles = [...replacements.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(needles.map(escapeRegExp).join('|'), 'gu');
  return text.replace(pattern, (found) => replacements.get(found) ?? found);
}

/** Text as a forum's rendered HTML stores it; apostrophes come as &#39; or &#x27; depending on the renderer. */
export function escapeHtml(value: string, apostrophe = '&#39;'): string {
  return value
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, apostrophe);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
