// Where postalAddress.ts's address patterns may start a match, read from the characters: a run of digits (a house
// number), a "P" or "B" (a post-office box), or a capitalised word with a number later on its line (a street
// written before its number). Running a sticky pattern at these offsets alone finds what a global search finds,
// without the pattern's look-behind being tried at every character.

export interface StartKinds {
  /** Runs of digits: a house number. */
  numbers?: boolean;
  /** "P" and "B": "PO Box", "P.O. Box", "Postfach", "BP", "Boîte postale". */
  postBoxes?: boolean;
  /** A capital (or any non-ASCII character) after no ASCII letter or digit, with " 12" later on its line. */
  streetsBeforeNumbers?: boolean;
}

/**
 * Every offset in `text` where a pattern of the kinds asked for may match, ascending. It may hold offsets where the
 * pattern does not match; it leaves out none where it does.
 */
export function addressPatternStarts(text: string, kinds: StartKinds): number[] {
  const starts: number[] = [];
  // Capitalised words of the current line, kept until a number preceded by a space shows they may be a street's.
  const pending: number[] = [];
  let previous = NaN;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) {
      if (!isDigit(previous)) {
        // A number after a space may follow a street's name; one pushed for itself must come after the pending.
        if (isSpace(previous) || kinds.numbers === true) flush(pending, starts);
        if (kinds.numbers === true) starts.push(at);
      }
    } else if (code === 10) {
      pending.length = 0;
    } else if (!isAsciiLetterOrDigit(previous)) {
      if (kinds.postBoxes === true && (code === 80 || code === 66)) {
        flush(pending, starts);
        starts.push(at);
      } else if (kinds.streetsBeforeNumbers === true && ((code >= 65 && code <= 90) || code >= 128)) {
        pending.push(at);
      }
    }
    previous = code;
  }
  return starts;
}

/** Moves the pending offsets to `starts` before a later one goes in, so that it stays ascending. */
function flush(pending: number[], starts: number[]): void {
  // Offsets taken without their number only cost a failed match.
  for (const start of pending) starts.push(start);
  pending.length = 0;
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
