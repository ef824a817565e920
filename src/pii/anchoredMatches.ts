// Runs a pattern only where its matches can start, rather than at every character of a post: many patterns of
// the detector begin with a run of digits or end their first part at an "@", which a post holds in a few places.
// Tried at each possible start in order, and after a match only from its end on, a sticky copy of the pattern
// finds exactly the matches that a global scan would (for patterns that never match the empty string).

/** A copy of a global pattern that matches only at lastIndex. */
export function stickyCopy(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y');
}

/**
 * The matches of `sticky` (see stickyCopy) in `text`, when every match must start at one of `starts`
 * (ascending): the same matches, in the same order, as the global pattern's matchAll.
 */
export function anchoredMatches(sticky: RegExp, text: string, starts: Iterable<number>): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let from = 0;
  for (const start of starts) {
    if (start < from) continue;
    sticky.lastIndex = start;
    const match = sticky.exec(text);
    if (match === null) continue;
    found.push(match);
    from = start + match[0].length;
  }
  return found;
}
