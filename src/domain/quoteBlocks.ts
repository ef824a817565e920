// Where a post quotes someone: the character ranges of quoted text in a post's source (markdown "> " lines,
// [quote] BBCode in its phpBB and Discourse forms) and in its rendered HTML (<blockquote>, Discourse's
// <aside class="quote">). Pure: the quote redaction uses it to touch only what other posts quote.

export interface Range {
  start: number;
  end: number;
}

/** Quoted ranges of a post's source text (body or revision), outermost only, sorted and disjoint. */
export function sourceQuoteRanges(text: string): Range[] {
  return outermost([...markdownQuoteRanges(text), ...bbcodeQuoteRanges(text)]);
}

/** Quoted ranges of a post's rendered HTML, outermost only, sorted and disjoint. */
export function htmlQuoteRanges(html: string): Range[] {
  const ranges: Range[] = [];
  const open: { start: number; quote: boolean; tag: string }[] = [];
  // Asides that are not quotes (Discourse oneboxes) are tracked too, so that their closing tags pair correctly.
  for (const match of html.matchAll(/<(\/?)(blockquote|aside)\b([^>]*)>/giu)) {
    const tag = (match[2] as string).toLowerCase();
    if (!match[1]) {
      const quote = tag === 'blockquote' || /\bclass\s*=\s*(["']?)[^"'>]*\bquote\b/iu.test(match[3] ?? '');
      open.push({ start: match.index, quote, tag });
      continue;
    }
    const at = open.map((o) => o.tag).lastIndexOf(tag);
    if (at < 0) continue; // a stray closing tag closes nothing
    // Elements opened inside and never closed end where their parent does, as a browser reads them.
    for (const element of open.splice(at)) if (element.quote) ranges.push({ start: element.start, end: match.index + match[0].length });
  }
  // An element never closed runs to the end, as a browser shows it.
  for (const element of open) if (element.quote) ranges.push({ start: element.start, end: html.length });
  return outermost(ranges);
}

/**
 * Runs of lines that start with ">" (after at most three spaces), outside fenced code blocks. Nested "> >" lines
 * belong to the same run; a line without ">" ends it (no lazy continuation).
 */
function markdownQuoteRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let fence: string | null = null;
  let offset = 0;
  let current: Range | null = null;
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/u.exec(line)?.[1];
    if (fenceMark && (fence === null || fenceMark.startsWith(fence))) fence = fence === null ? fenceMark : null;
    const quoted = fence === null && !fenceMark && /^ {0,3}>/u.test(line);
    if (quoted) {
      if (current) current.end = end;
      else current = { start: offset, end };
    } else if (current) {
      ranges.push(current);
      current = null;
    }
    offset = end + 1;
  }
  if (current) ranges.push(current);
  return ranges;
}

/**
 * [quote]…[/quote], [quote=name]…, [quote="user, post:1, topic:2"]…, [quote name="…"]…, in any case, nested.
 * A closing tag closes the innermost open quote; a stray one is ignored. A quote never closed runs to the end
 * of the text: what follows an opening tag was meant as a quote, and a redaction errs towards removing it.
 */
function bbcodeQuoteRanges(text: string): Range[] {
  const ranges: Range[] = [];
  const open: number[] = [];
  for (const match of text.matchAll(/\[(\/?)quote(?:[=\s][^\]\n]*)?\]/giu)) {
    if (!match[1]) {
      open.push(match.index);
      continue;
    }
    const start = open.pop();
    if (start !== undefined) ranges.push({ start, end: match.index + match[0].length });
  }
  for (const start of open) ranges.push({ start, end: text.length });
  return ranges;
}

/** Keeps the ranges no other range contains, merging those that overlap. */
function outermost(ranges: Range[]): Range[] {
  const merged: Range[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = merged.at(-1);
    if (last && range.start < last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
