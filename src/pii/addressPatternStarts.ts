// Where postalAddress.ts's address patterns may start a match inside a zone of a post: a run of digits (a house
// number), a post-office box's first word, or a capitalised word before a number on its line (a street written
// before its number). Running a sticky pattern at these offsets alone finds what a global search finds, without the
// pattern's look-behind being tried at every character. They are read from the runs of digits the detector has
// already located, never by walking the whole zone: a loop over every character costs more than the patterns.

/**
 * Where the runs of digits of the zone [zoneStart, zoneEnd) of `text` start, as offsets in the zone; a run that
 * started before the zone starts the zone.
 */
export function numberStartsIn(text: string, digitRunStarts: readonly number[], zoneStart: number, zoneEnd: number): number[] {
  const starts: number[] = [];
  const first = text.charCodeAt(zoneStart);
  if (first >= 48 && first <= 57) starts.push(0);
  for (const runStart of digitRunStarts) {
    if (runStart >= zoneEnd) break;
    if (runStart > zoneStart) starts.push(runStart - zoneStart);
  }
  return starts;
}

/**
 * Of the runs of digits at `numberStarts` in `part`, those that may be a house number as the address patterns read
 * one: after no ASCII letter, at most five digits, then a space, a comma or a letter ("12 ", "12, ", "221B", "142bis").
 */
export function houseNumberStartsIn(part: string, numberStarts: readonly number[]): number[] {
  const starts: number[] = [];
  for (const start of numberStarts) {
    const before = part.charCodeAt(start - 1);
    if ((before >= 65 && before <= 90) || (before >= 97 && before <= 122)) continue;
    let end = start + 1;
    while (end - start <= 5 && isDigit(part.charCodeAt(end))) end += 1;
    if (end - start > 5) continue;
    const after = part.charCodeAt(end);
    if (isSpace(after) || after === 44 || (after >= 65 && after <= 90) || (after >= 97 && after <= 122)) starts.push(start);
  }
  return starts;
}

// The words a post-office box starts with, as postalAddress.ts's numberFirstAddressPattern spells them; none holds a
// start of another, so a global search of them misses no start.
const postBoxWord = /P\.?[ \t\u00a0]?O\.?[ \t\u00a0]?Box|PO[ \t\u00a0]Box|Bo[îi]te[ \t\u00a0]postale|BP|Postfach/gu;

/** Where a post-office box may start in `part`: "PO Box", "P.O. Box", "BP", "Boîte postale", "Postfach". */
export function postBoxStartsIn(part: string): number[] {
  const starts: number[] = [];
  postBoxWord.lastIndex = 0;
  for (let match = postBoxWord.exec(part); match !== null; match = postBoxWord.exec(part)) starts.push(match.index);
  return starts;
}

/**
 * Where a street written before its number may start in `part`, given where its runs of digits start (ascending):
 * a capital, or any non-ASCII character, after no ASCII letter or digit, with only the characters of a street's
 * words and spaces between it and a number after a space (and maybe a comma).
 */
export function streetBeforeNumberStartsIn(part: string, numberStarts: readonly number[]): number[] {
  const starts: number[] = [];
  // Where the last walk back stopped: a later walk that reaches it has found its starts already.
  let walkedFrom = -1;
  for (const number of numberStarts) {
    let k = number - 1;
    if (!isSpace(part.charCodeAt(k))) continue;
    while (isSpace(part.charCodeAt(k))) k -= 1;
    if (part.charCodeAt(k) === 44) k -= 1;
    // Found nearest first; all of them lie after the last walk's number, so after the starts it found.
    const found: number[] = [];
    for (; k > walkedFrom && isStreetCharacter(part.charCodeAt(k)); k--) {
      const code = part.charCodeAt(k);
      if (((code >= 65 && code <= 90) || code >= 128) && !isAsciiLetterOrDigit(part.charCodeAt(k - 1))) found.push(k);
    }
    for (let i = found.length - 1; i >= 0; i--) starts.push(found[i] ?? 0);
    walkedFrom = number;
  }
  return starts;
}

/** Two ascending lists of offsets as one. */
export function mergedStarts(a: readonly number[], b: readonly number[]): number[] {
  if (a.length === 0) return b as number[];
  if (b.length === 0) return a as number[];
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i] ?? Infinity;
    const y = b[j] ?? Infinity;
    if (x <= y) {
      merged.push(x);
      i += 1;
      if (x === y) j += 1;
    } else {
      merged.push(y);
      j += 1;
    }
  }
  return merged;
}

/** Letters (any non-ASCII character may be one), digits, "'", ".", "-" and spaces: what a street's words hold. */
function isStreetCharacter(code: number): boolean {
  if (isAsciiLetterOrDigit(code)) return true;
  if (code >= 128) return code !== 0x2028 && code !== 0x2029;
  return code === 32 || code === 9 || code === 39 || code === 46 || code === 45;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
