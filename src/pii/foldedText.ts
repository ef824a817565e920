// A text folded for forgiving comparison (case, accents, whitespace runs, optionally hyphens), with a map from
// every folded character back to the original UTF-16 range, so a match in the folded text is a span of the original.

export interface FoldedText {
  value: string;
  /** The original range of each run of folded units, found by the unit (see OriginMap). */
  origins: OriginMap;
}

// Letters that NFD does not decompose but that people write without their mark: "Łukasz" is typed "Lukasz",
// "Weißmann" is typed "Weissmann", Vietnamese "Đặng" is typed "Dang".
const letterFolds: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
  '’': "'",
  'ʼ': "'",
  '‘': "'",
};

const combiningMarks = /\p{M}/gu;

/**
 * `lowerCase` is the text lower-cased, when the caller has it already (see TextFacts.lower): most of the folded
 * text is copied from it in long stretches rather than built a word at a time.
 */
export function foldText(text: string, options: { joinHyphens?: boolean; lowerCase?: string } = {}): FoldedText {
  const origins = new OriginMap();
  const joinHyphens = options.joinHyphens === true;
  const lower = options.lowerCase ?? text.toLowerCase();
  // Lower-casing keeps every letter's length but "İ"'s (it becomes "i̇"): then the two no longer line up.
  const value = lower.length === text.length ? foldAligned(text, lower, joinHyphens, origins) : fold(text, joinHyphens, origins);
  return { value, origins };
}

/** The same fold, letter by letter (see fold): what foldText must equal, kept for comparison in tests. */
export function foldTextByLetter(text: string, options: { joinHyphens?: boolean } = {}): FoldedText {
  const origins = new OriginMap();
  const value = fold(text, options.joinHyphens === true, origins);
  return { value, origins };
}

/**
 * Where each folded UTF-16 unit came from, kept per run rather than per unit: a run of ASCII word characters maps
 * unit for unit onto the original ("stepping"), a space stands for a whole run of gaps, and a folded letter's
 * units ("ss" for "ß") all stand for the one original letter. Recording a post unit by unit was most of its fold.
 */
export class OriginMap {
  /** Flat runs: folded start, original start, original end, 1 if stepping (else every unit has the whole range). */
  private readonly runs: number[] = [];

  add(foldedStart: number, start: number, end: number, stepping: boolean): void {
    this.runs.push(foldedStart, start, end, stepping ? 1 : 0);
  }

  /** Widens the last run to end at `end`: a run of gaps is one space. */
  extendLast(end: number): void {
    this.runs[this.runs.length - 2] = end;
  }

  /** The original range [start, end) of folded unit `unit`. */
  rangeOf(unit: number): { start: number; end: number } | undefined {
    const at = this.runAt(unit);
    if (at === -1) return undefined;
    const foldedStart = this.runs[at] ?? 0;
    const start = this.runs[at + 1] ?? 0;
    if (this.runs[at + 3] === 0) return { start, end: this.runs[at + 2] ?? 0 };
    return { start: start + unit - foldedStart, end: start + unit - foldedStart + 1 };
  }

  /** The offset in `runs` of the last run starting at or before `unit`, or -1. */
  private runAt(unit: number): number {
    let low = 0;
    let high = this.runs.length / 4 - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((this.runs[middle * 4] ?? 0) <= unit) {
        found = middle * 4;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }
}

/** The folded text alone, or with the original range of every folded unit when `origins` is given. */
function fold(text: string, joinHyphens: boolean, origins?: OriginMap): string {
  // `last` is the last code unit put in the folded text: a gap after a space widens that space.
  const progress: FoldProgress = { value: '', last: -1 };
  let index = 0;
  while (index < text.length) {
    // Most of a post is runs of ASCII word characters: each folds to itself lower-cased, one unit for one, so a
    // run is copied with one slice instead of one string per character.
    const runStart = index;
    for (let code = text.charCodeAt(index); code < 0x80 && !isAsciiGap(code, joinHyphens); code = text.charCodeAt(index)) index += 1;
    if (index > runStart) {
      origins?.add(progress.value.length, runStart, index, true);
      progress.value += text.slice(runStart, index).toLowerCase();
      progress.last = text.charCodeAt(index - 1); // never a space: spaces are gaps
      if (index >= text.length) break;
    }
    index = foldUnit(text, index, joinHyphens, progress, origins);
  }
  return progress.value;
}

/**
 * fold() for a text whose lower-cased copy lines up with it unit for unit. Most units fold to their lower-case
 * self, one for one: a lone space between words, every ASCII letter, "€" or "—". Those stretches are copied from
 * `lower` and recorded as one stepping run each (a stepping unit has the same range a lone unit's run gives it);
 * only the units that fold otherwise (gap runs, accented letters, marks, emoji) go through fold()'s steps.
 */
function foldAligned(text: string, lower: string, joinHyphens: boolean, origins?: OriginMap): string {
  const progress: FoldProgress = { value: '', last: -1 };
  // Where the stretch copied unchanged from `lower` began.
  let same = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      if (!isAsciiGap(code, joinHyphens)) {
        index += 1;
        continue;
      }
      // A space that neither follows a gap nor precedes one is a gap run of its own one unit: it folds to itself.
      if (code === 32 && (index > same || progress.last !== 32)) {
        const next = text.charCodeAt(index + 1);
        if (next < 0x80 && !isAsciiGap(next, joinHyphens)) {
          index += 1;
          continue;
        }
      }
    } else if (code < 0xd800 || code > 0xdfff) {
      if (!isWhitespace(code) && !(joinHyphens && (code === 0x2010 || code === 0x2011))) {
        const bare = foldLetter(code);
        if (bare.length === 1 && bare.charCodeAt(0) === lower.charCodeAt(index)) {
          index += 1;
          continue;
        }
      }
    }
    if (index > same) {
      origins?.add(progress.value.length, same, index, true);
      progress.value += lower.slice(same, index);
      progress.last = text.charCodeAt(index - 1); // never a space: a stretch never ends on one (see above)
    }
    // From here on, exactly fold()'s steps for a unit that is not in an ASCII run.
    index = foldUnit(text, index, joinHyphens, progress, origins);
    same = index;
  }
  if (index > same) origins?.add(progress.value.length, same, index, true);
  return index > same ? progress.value + lower.slice(same, index) : progress.value;
}

/** What fold() and foldAligned() have built so far: the folded text and its last code unit (-1 before any). */
interface FoldProgress {
  value: string;
  last: number;
}

/**
 * Folds the one unit at `index` that is not copied as part of a run, into `progress`, and returns where the next unit
 * starts. An ASCII unit reaches here only when it is a gap.
 */
function foldUnit(text: string, index: number, joinHyphens: boolean, progress: FoldProgress, origins?: OriginMap): number {
  const code = text.charCodeAt(index);
  let end = index + 1;
  let bare = ' ';
  let isGap = true;
  if (code >= 0x80) {
    const codePoint = text.codePointAt(index) ?? code;
    end = index + (codePoint > 0xffff ? 2 : 1);
    isGap = isWhitespace(codePoint) || (joinHyphens && (codePoint === 0x2010 || codePoint === 0x2011));
    if (!isGap) bare = foldLetter(codePoint);
  }
  if (isGap) {
    // A run of gaps becomes one space that stands for the whole run.
    if (progress.last === 32) origins?.extendLast(end);
    else {
      origins?.add(progress.value.length, index, end, false);
      progress.value += ' ';
      progress.last = 32;
    }
  } else if (bare.length > 0) {
    // Every unit of the folded letter ("ss" for "ß", the two of an emoji) stands for the whole original letter.
    origins?.add(progress.value.length, index, end, false);
    progress.value += bare;
    progress.last = bare.charCodeAt(bare.length - 1);
  }
  return end;
}

/** What /\s/u matches beyond ASCII: the no-break and typographic spaces, line and paragraph separators, BOM. */
function isWhitespace(codePoint: number): boolean {
  return (
    codePoint === 0xa0 ||
    codePoint === 0x1680 ||
    (codePoint >= 0x2000 && codePoint <= 0x200a) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029 ||
    codePoint === 0x202f ||
    codePoint === 0x205f ||
    codePoint === 0x3000 ||
    codePoint === 0xfeff
  );
}

function isAsciiGap(code: number, joinHyphens: boolean): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (joinHyphens && code === 45);
}

// Folding a letter normalises it, which is slow: each letter is folded once and remembered (an alphabet's worth).
const letterFoldCache = new Map<number, string>();
const loweredLetterFoldCache = new Map<string, string>();

function foldLetter(codePoint: number): string {
  let folded = letterFoldCache.get(codePoint);
  if (folded === undefined) {
    folded = foldLoweredLetter(String.fromCodePoint(codePoint).toLowerCase());
    letterFoldCache.set(codePoint, folded);
  }
  return folded;
}

/** A letter already lower-cased, without its marks. */
function foldLoweredLetter(lower: string): string {
  let folded = loweredLetterFoldCache.get(lower);
  if (folded === undefined) {
    folded = letterFolds[lower] ?? lower.normalize('NFD').replace(combiningMarks, '');
    loweredLetterFoldCache.set(lower, folded);
  }
  return folded;
}

/** One word folded as foldText folds it (case, accents, letters NFD leaves alone), without the offset map. */
export function foldWord(word: string): string {
  let ascii = true;
  let lowerAlready = true;
  for (let i = 0; i < word.length && ascii; i++) {
    const code = word.charCodeAt(i);
    ascii = code < 0x80;
    if (code >= 65 && code <= 90) lowerAlready = false;
  }
  if (ascii) return lowerAlready ? word : word.toLowerCase();
  const lower = word.toLowerCase();
  let folded = '';
  for (const char of lower) folded += foldLoweredLetter(char);
  return folded;
}

const specialLetters = /[łđðøßæœıþ’ʼ‘]/gu;
const marks = /[\u0300-\u036f]/gu;

/**
 * The text lower-cased and stripped of accents, without the offset map: a quick test of whether an identifier
 * can occur at all before the text is folded for real. Whitespace and hyphens are left as they are.
 * `lowerCase` is the text lower-cased, when the caller has it already (see TextFacts.lower).
 */
export function quickFold(text: string, lowerCase?: string): string {
  // The requester's name and usernames are both looked for in the same post, one after the other: the last
  // post's fold is kept for the second look (a string is immutable, so the same string has the same fold).
  if (text !== lastQuickFold.text) lastQuickFold = { text, folded: quickFoldOnce(lowerCase ?? text.toLowerCase()) };
  return lastQuickFold.folded;
}

let lastQuickFold = { text: '', folded: '' };

function quickFoldOnce(lower: string): string {
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) >= 0x80) return quickFoldByLetter(lower, i) ?? quickFoldWhole(lower);
  }
  return lower;
}

function quickFoldWhole(lower: string): string {
  return lower.normalize('NFD').replace(marks, '').replace(specialLetters, (c) => letterFolds[c] ?? c);
}

const combiningMark = /^\p{M}$/u;

/**
 * quickFoldWhole a letter at a time, undefined for a text with a combining mark or a lone surrogate (see
 * quickFoldWhole then). Normalising the whole text was most of the quick look. Without marks in the text, every
 * letter's decomposition starts with a letter that normalisation never reorders (checked over all of Unicode), so
 * the text decomposes letter by letter; ASCII, most of a post, decomposes to itself.
 */
function quickFoldByLetter(lower: string, firstNonAscii: number): string | undefined {
  let folded = lower.slice(0, firstNonAscii);
  let asciiStart = firstNonAscii;
  let index = firstNonAscii;
  while (index < lower.length) {
    const code = lower.charCodeAt(index);
    if (code < 0x80) {
      index += 1;
      continue;
    }
    const codePoint = lower.codePointAt(index) ?? code;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) return undefined;
    const letter = quickLetter(codePoint);
    if (letter === undefined) return undefined;
    folded += lower.slice(asciiStart, index) + letter;
    index += codePoint > 0xffff ? 2 : 1;
    asciiStart = index;
  }
  return folded + lower.slice(asciiStart);
}

// Each character's quick fold, computed once (an alphabet's worth); undefined for a combining mark.
const quickLetterCache = new Map<number, string | undefined>();

function quickLetter(codePoint: number): string | undefined {
  if (quickLetterCache.has(codePoint)) return quickLetterCache.get(codePoint);
  const char = String.fromCodePoint(codePoint);
  const folded = combiningMark.test(char) ? undefined : quickFoldWhole(char);
  quickLetterCache.set(codePoint, folded);
  return folded;
}

/** Folds an identifier the same way as the text it is searched in, without surrounding gaps. */
export function foldNeedle(needle: string, options: { joinHyphens?: boolean } = {}): string {
  const joinHyphens = options.joinHyphens === true;
  const lower = needle.toLowerCase();
  // Ownership folds every name it is asked about: the stretch-copying fold, as foldText uses, is the quicker one.
  return (lower.length === needle.length ? foldAligned(needle, lower, joinHyphens) : fold(needle, joinHyphens)).trim();
}

/** Every place where the folded needle occurs, as original-text ranges. */
export function locateFolded(folded: FoldedText, needle: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  if (needle === '') return found;
  for (let at = folded.value.indexOf(needle); at !== -1; at = folded.value.indexOf(needle, at + 1)) {
    const start = folded.origins.rangeOf(at)?.start;
    const end = folded.origins.rangeOf(at + needle.length - 1)?.end;
    if (start !== undefined && end !== undefined) found.push({ start, end });
  }
  return found;
}
