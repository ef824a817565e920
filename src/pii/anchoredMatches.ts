// Runs a pattern only where its matches can start, rather than at every character of a post: many patterns of
// the detector begin with a run of digits or end their first part at an "@", which a post holds in a few places.
// Tried at each possible start in order, and after a match only from its end on, a sticky copy of the pattern
// finds exactly the matches that a global scan would (for patterns that never match the empty string).

/** A copy of a global pattern that matches only at lastIndex. */
export function stickyCopy(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y');
}

/** The match that starts exactly at `start`, or null: a sticky pattern, or a function that runs one. */
export type MatchAt = (text: string, start: number) => RegExpExecArray | null;

/**
 * The matches of `sticky` (see stickyCopy) in `text`, when every match must start at one of `starts`
 * (ascending): the same matches, in the same order, as the global pattern's matchAll. A match that `accept`
 * turns away counts as none: the search goes on from the next start, as a global scan retried from there would.
 */
export function anchoredMatches(sticky: RegExp | MatchAt, text: string, starts: Iterable<number>, accept?: (match: RegExpExecArray) => boolean): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let from = 0;
  for (const start of starts) {
    if (start < from) continue;
    let match: RegExpExecArray | null;
    if (typeof sticky === 'function') match = sticky(text, start);
    else {
      sticky.lastIndex = start;
      match = sticky.exec(text);
    }
    if (match === null || (accept !== undefined && !accept(match))) continue;
    found.push(match);
    from = start + match[0].length;
  }
  return found;
}

/**
 * A sticky matcher that runs `ascii`, a copy of `unicode` with \p{..} classes written as the ASCII characters they
 * hold, wherever the text it can read is ASCII, and `unicode` elsewhere. The \p{..} classes compile to tens of KB
 * of machine code per pattern, which evicts the CPU caches on every post; the ASCII copies compile to a few KB.
 * The pattern must read, from its start, only characters for which `isRunChar` holds, and the one character before
 * the start and the one that ends that run: when those two are ASCII, so is everything it reads.
 */
export function asciiWhereTheTextIs(ascii: RegExp, unicode: RegExp, isRunChar: (code: number) => boolean): MatchAt {
  return (text, start) => {
    let end = start;
    while (end < text.length && isRunChar(text.charCodeAt(end))) end++;
    const isAscii = (start === 0 || text.charCodeAt(start - 1) < 0x80) && (end === text.length || text.charCodeAt(end) < 0x80);
    const pattern = isAscii ? ascii : unicode;
    pattern.lastIndex = start;
    return pattern.exec(text);
  };
}

/** Every offset of `character` in `text`, ascending: the starts of patterns that begin with it. */
export function positionsOf(text: string, character: string): number[] {
  const positions: number[] = [];
  for (let at = text.indexOf(character); at !== -1; at = text.indexOf(character, at + 1)) positions.push(at);
  return positions;
}
