// Where a post quotes someone else ("> **lea_lit** wrote:", [quote="lea_lit, post:3"]…[/quote]) and who they are:
// what sits inside a quote was written by the quoted member, not by the post's author.

export interface QuoteBlock {
  start: number;
  end: number;
  /** The quoted member's name as the attribution writes it, with its offsets. */
  author?: { start: number; end: number; name: string };
}

const discourseQuote = /\[quote(?:=("?)([^"\],\n]+)[^\]\n]*\1)?\]([\s\S]*?)\[\/quote\]/giu;
const markdownQuoteLines = /(?:^|\n)((?:[ \t]*>[^\n]*(?:\n|$))+)/gu;
const markdownAttribution = /^[ \t]*>[ \t]*(?:\*\*|__)?@?([^*_\n]+?)(?:\*\*|__)?[ \t]+(?:wrote|said|a écrit|a ecrit|a dit)[ \t]*:/iu;

export function readQuotes(text: string): QuoteBlock[] {
  const quotes: QuoteBlock[] = [];
  if (text.includes('[quote') || text.includes('[QUOTE')) {
    for (const m of text.matchAll(discourseQuote)) {
      const name = m[2]?.trim();
      const block: QuoteBlock = { start: m.index, end: m.index + m[0].length };
      if (name) {
        const nameStart = m.index + m[0].indexOf(name);
        block.author = { start: nameStart, end: nameStart + name.length, name };
      }
      quotes.push(block);
    }
  }
  if (hasQuoteLine(text)) {
    for (const m of text.matchAll(markdownQuoteLines)) {
      const lines = m[1] ?? '';
      const start = m.index + m[0].length - lines.length;
      // "> Settings > Sync" inside a sentence is not a quote; a line that starts with ">" is.
      const block: QuoteBlock = { start, end: start + lines.replace(/\n$/u, '').length };
      const attribution = markdownAttribution.exec(lines);
      if (attribution?.[1]) {
        const name = attribution[1];
        const nameStart = start + lines.indexOf(name);
        block.author = { start: nameStart, end: nameStart + name.length, name };
      }
      quotes.push(block);
    }
  }
  return quotes.sort((a, b) => a.start - b.start);
}

/** Whether a line starts with ">" (after spaces): "->" and "a > b" are everywhere, quote lines are rare. */
function hasQuoteLine(text: string): boolean {
  for (let at = text.indexOf('>'); at !== -1; at = text.indexOf('>', at + 1)) {
    let before = at - 1;
    while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before -= 1;
    if (before < 0 || text[before] === '\n') return true;
  }
  return false;
}

export function quoteAt(quotes: readonly QuoteBlock[], offset: number): QuoteBlock | undefined {
  return quotes.find((q) => q.start <= offset && offset < q.end);
}
