// Finds the passages a requester quoted, as written in the post: case and runs of white space may differ.
// In rendered HTML (html: true) words may also be parted by &nbsp; or <br>, as a line break is rendered; other
// tags are not crossed, so that a replacement never leaves an element half open.
export function findPassages(text: string, quotes: string[], options: { html?: boolean } = {}): { start: number; end: number }[] {
  const between = options.html ? '(?:\\s|&nbsp;|<br\\s*/?>)+' : '\\s+';
  const spans: { start: number; end: number }[] = [];
  for (const quote of quotes) {
    const words = quote.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (words.length === 0) continue;
    const pattern = new RegExp(words.join(between), 'giu');
    for (const match of text.matchAll(pattern)) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  // Two quotes may overlap in the post: they become one span, so a redaction removes both whole.
  const merged: { start: number; end: number }[] = [];
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
