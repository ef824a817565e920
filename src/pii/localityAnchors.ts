// Where postalAddress.ts's localityAnchorPattern matches, found from the runs of digits the detector has already
// located instead of running the pattern over the whole post: the postal address recognizer looks for its anchors
// in every post, and most posts have none. The pattern stays the definition; this gives the same matches, in order.

export interface LocalityAnchor {
  /** Where the match starts and ends, as localityAnchorPattern's match index and index + length. */
  start: number;
  end: number;
  /** Whether it was a postcode before a city ("75009 Paris", ", 1700 fribourg"): the postcode groups matched. */
  postcode: boolean;
}

const upperCaseLetter = /\p{Lu}/uy;
const lowerCaseLetter = /\p{Ll}/uy;
const letterOrDigit = /[\p{L}\p{N}]/uy;

// A state or province code after a comma or line break (", NC", "\nON"): the one anchor without a digit.
const codeAfterBreak = /[,\n][ \t\u00a0]*[A-Z]{2}(?!\p{L})/gu;

/**
 * The matches of localityAnchorPattern in `text`, in order, from its runs of digits (ascending, as TextFacts finds
 * them) and one cheap pattern for the codes after a break. The two kinds never overlap: a code's match holds no digit,
 * and a digit's holds no comma nor line break but the one it may start with.
 */
export function localityAnchorsIn(text: string, digitRunStarts: readonly number[]): LocalityAnchor[] {
  const anchors: LocalityAnchor[] = [];
  // Matches do not overlap: after one, the pattern reads on from its end.
  let next = 0;
  for (const runStart of digitRunStarts) {
    let runEnd = runStart + 1;
    while (isDigit(text.charCodeAt(runEnd))) runEnd += 1;
    next = anchorsAtRun(text, runStart, runEnd, next, anchors);
  }
  // Codes are few: each goes in where it belongs among the anchors read from digits.
  codeAfterBreak.lastIndex = 0;
  let at = 0;
  for (let match = codeAfterBreak.exec(text); match !== null; match = codeAfterBreak.exec(text)) {
    while (at < anchors.length && (anchors[at]?.start ?? 0) < match.index) at += 1;
    anchors.splice(at, 0, { start: match.index, end: match.index + match[0].length, postcode: false });
    at += 1;
  }
  return anchors;
}

/** The anchors of the run of digits [runStart, runEnd): a postcode after a break first, then those in the run. */
function anchorsAtRun(text: string, runStart: number, runEnd: number, next: number, anchors: LocalityAnchor[]): number {
  const runLength = runEnd - runStart;
  if (runLength === 4 || runLength === 5) {
    let k = runStart - 1;
    while (isSpace(text.charCodeAt(k))) k -= 1;
    const code = text.charCodeAt(k);
    if ((code === 44 || code === 10) && k >= next) {
      const end = letterAfterGap(text, runEnd, lowerCaseLetter);
      if (end !== -1) {
        anchors.push({ start: k, end, postcode: true });
        return end;
      }
    }
  }
  return anchorsInRun(text, runStart, runEnd, next, anchors);
}

/**
 * The anchors starting in the run of digits [runStart, runEnd): a digit then "\d{3,4} + capital" (the run's last
 * five or four digits), a digit then "[A-Z]{2}" (its last digit), or a ZIP after a state (the whole run of five).
 * Returns where the next anchor may start.
 */
function anchorsInRun(text: string, runStart: number, runEnd: number, next: number, anchors: LocalityAnchor[]): number {
  const runLength = runEnd - runStart;
  if (runLength >= 4) {
    const first = runLength >= 5 ? runEnd - 5 : runEnd - 4;
    if (first >= next) {
      const capitalEnd = letterAfterGap(text, runEnd, upperCaseLetter);
      if (capitalEnd !== -1) {
        anchors.push({ start: first, end: capitalEnd, postcode: true });
        return capitalEnd;
      }
      if (runLength === 5 && zipAfterState(text, runStart)) {
        anchors.push({ start: runStart, end: runEnd, postcode: false });
        return runEnd;
      }
    }
  }
  const last = runEnd - 1;
  if (last >= next && isCapital(text.charCodeAt(runEnd)) && isCapital(text.charCodeAt(runEnd + 1)) && !isLetterOrDigitAt(text, runEnd + 2)) {
    anchors.push({ start: last, end: runEnd + 2, postcode: false });
    return runEnd + 2;
  }
  return next;
}

/** After one or more spaces at `at`, a letter of `kind`: where that letter ends, or -1. */
function letterAfterGap(text: string, at: number, kind: RegExp): number {
  if (!isSpace(text.charCodeAt(at))) return -1;
  let k = at + 1;
  while (isSpace(text.charCodeAt(k))) k += 1;
  kind.lastIndex = k;
  return kind.test(text) ? kind.lastIndex : -1;
}

/** "Asheville NC 28801": spaces before the five digits at `runStart`, and a letter before them. */
function zipAfterState(text: string, runStart: number): boolean {
  let k = runStart - 1;
  if (!isSpace(text.charCodeAt(k))) return false;
  while (k > 0 && isSpace(text.charCodeAt(k - 1))) k -= 1;
  const code = text.charCodeAt(k - 1);
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isLetterOrDigitAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  // ASCII answers without the pattern; NaN (past the end) is no letter.
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || isDigit(code);
  if (Number.isNaN(code)) return false;
  letterOrDigit.lastIndex = at;
  return letterOrDigit.test(text);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isCapital(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}
