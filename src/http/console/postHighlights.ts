// How a post reads on the console's request page: each text with its findings marked — the requester's own,
// someone else's, or switched off — and the same text as it will read once the chosen findings are redacted,
// with the replacement the redaction itself uses (every copy of each chosen text, longest first).
import { placeholderFor, replaceAllOccurrences } from '../../pii/redaction';
import type { RedactableType } from '../../pii/types';
import type { ReviewFinding } from '../../domain/reviewView';

export type MarkableFinding = Pick<ReviewFinding, 'id' | 'location' | 'start' | 'end' | 'type' | 'owner' | 'text'>;

/** Escapes text for an HTML element's content or a quoted attribute. */
export function escapeHtml(text: string): string {
  // A carriage return written as is would reach the page as a line feed (HTML normalises line ends), and the
  // offsets the page's script reads from the text would then drift from the server's.
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\r/g, '&#13;');
}

/** The mark class a finding shows with: switched off, or whose information it is. */
export const markClass = (finding: Pick<MarkableFinding, 'owner'>, chosen: boolean): 'requester' | 'other' | 'off' =>
  !chosen ? 'off' : finding.owner === 'requester' ? 'requester' : 'other';

/**
 * The text as HTML, each finding inside a <mark>. Overlapping findings are cut where any of them starts or ends,
 * so that marks never nest; a piece covered by several shows the strongest case (someone else's, then the
 * requester's, then off) and names all of them in data-findings, for the page's script.
 */
export function markedHtml(text: string, findings: readonly MarkableFinding[], chosen: ReadonlySet<string>, label: (f: MarkableFinding) => string): string {
  const inside = findings.filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.start < f.end && f.end <= text.length);
  const cuts = [...new Set([0, text.length, ...inside.flatMap((f) => [f.start, f.end])])].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] as number;
    const to = cuts[i + 1] as number;
    const piece = escapeHtml(text.slice(from, to));
    const covering = inside.filter((f) => f.start <= from && f.end >= to);
    if (covering.length === 0) {
      html += piece;
      continue;
    }
    const classes = covering.map((f) => markClass(f, chosen.has(f.id)));
    const cls = classes.includes('other') ? 'other' : classes.includes('requester') ? 'requester' : 'off';
    const ending = covering.filter((f) => f.end === to).map(label);
    const starting = covering.find((f) => f.start === from);
    html +=
      `<mark class="${cls}" data-findings="${covering.map((f) => escapeHtml(f.id)).join(' ')}"` +
      (starting ? ` id="mark-${escapeHtml(starting.id)}"` : '') +
      (ending.length > 0 ? ` data-label="${escapeHtml(ending.join(', '))}"` : '') +
      `>${piece}</mark>`;
  }
  return html;
}

/** Each text of the post as it will read after the redaction of the chosen findings of that post. */
export function previewTexts(texts: readonly { location: string; text: string }[], findings: readonly MarkableFinding[], chosen: ReadonlySet<string>): Map<string, string> {
  const targets = findings.filter((f) => chosen.has(f.id) && f.text).map((f) => ({ text: f.text as string, type: f.type as RedactableType }));
  return new Map(texts.map((t) => [t.location, replaceAllOccurrences(t.text, targets)]));
}

/** What the redaction writes in place of a finding, for the page's script to preview without the server. */
export const placeholderOf = (type: string): string => placeholderFor(type as RedactableType) ?? placeholderFor('passage');
