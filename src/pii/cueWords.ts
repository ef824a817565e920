// Words that announce a kind of personal information ("born", "date de naissance", "SSN"), found near a
// candidate even when typed in a hurry: any case, without accents, with a letter missing, doubled or swapped.

export interface CueWords {
  /** Whether the text contains one of the cues. */
  test(text: string): boolean;
  /** Where the cues are in the text, in order. */
  locate(text: string): { start: number; end: number }[];
}

const combiningMarks = /\p{M}/gu;
const wordPattern = /[\p{L}\p{N}]+/gu;

/**
 * Each cue is a word or a phrase of words. Words of five letters or more may be misspelt by one edit, words of
 * eight or more by two; shorter words must be exact. `notTypos` lists real words that are one edit away from a
 * cue but mean something else ("bon" is not a misspelt "born").
 */
export function cueWords(cues: readonly string[], notTypos: readonly string[] = []): CueWords {
  const phrases = cues.map((cue) => fold(cue).match(wordPattern) ?? []);
  // A typo keeps the first or the last letter of a word: only the cues sharing one are compared with it.
  const byFirst = new Map<string, string[][]>();
  const byLast = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const head = phrase[0] ?? '';
    byFirst.set(head.charAt(0), [...(byFirst.get(head.charAt(0)) ?? []), phrase]);
    byLast.set(head.charAt(head.length - 1), [...(byLast.get(head.charAt(head.length - 1)) ?? []), phrase]);
  }
  const realWords = new Set(notTypos.map(fold));

  /** The cue phrases worth comparing with a word: those sharing its first letter, then those sharing its last. */
  const phrasesFor = (word: string, byEnd: Map<string, string[][]>, at: number) => byEnd.get(word.charAt(at)) ?? noPhrases;

  /** Each cue found, in order; with `firstOnly`, the scan stops at the first (all a test needs). */
  const find = (text: string, firstOnly: boolean) => {
    const words = new TextWords(text);
    const found: { start: number; end: number }[] = [];
    const matches = (i: number, phrase: string[]) => {
      if (!words.has(i + phrase.length - 1)) return false;
      for (let k = 0; k < phrase.length; k++) if (!resembles(words.value(i + k), phrase[k] ?? '', realWords)) return false;
      found.push({ start: words.start(i), end: words.end(i + phrase.length - 1) });
      return true;
    };
    // Words are read as the scan reaches them, so a test that finds a cue early reads no further.
    for (let i = 0; words.has(i) && !(firstOnly && found.length > 0); i++) {
      const word = words.value(i);
      if (anyMatch(phrasesFor(word, byFirst, 0), i, matches)) continue;
      anyMatch(phrasesFor(word, byLast, word.length - 1), i, matches);
    }
    return found;
  };
  return { locate: (text) => find(text, false), test: (text) => find(text, true).length > 0 };
}

const noPhrases: string[][] = [];
// The word pattern for reading one word at a time; each reader keeps its own place in its text.
const wordScan = new RegExp(wordPattern.source, wordPattern.flags);
const nonAscii = /[^\x00-\x7f]/u;

/** Whether `matches` holds for one of the phrases at word `i`; a loop rather than some() and a closure per word. */
function anyMatch(phrases: string[][], i: number, matches: (i: number, phrase: string[]) => boolean): boolean {
  for (const phrase of phrases) if (matches(i, phrase)) return true;
  return false;
}

/**
 * The words of a text, folded, read from the start only as far as asked. A text of plain ASCII is lower-cased
 * once, and its words are cut from that: the same as folding each word, for one string operation instead of two.
 */
class TextWords {
  private readonly values: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly lowerAscii: string | undefined;
  private readFrom = 0;
  private done = false;

  constructor(private readonly text: string) {
    this.lowerAscii = nonAscii.test(text) ? undefined : text.toLowerCase();
  }

  /** Whether the text has an `i`-th word (from 0). */
  has(i: number): boolean {
    while (i >= this.values.length && !this.done) this.readNext();
    return i < this.values.length;
  }

  value(i: number): string {
    return this.values[i] ?? '';
  }

  start(i: number): number {
    return this.starts[i] ?? 0;
  }

  end(i: number): number {
    return this.ends[i] ?? 0;
  }

  private readNext(): void {
    if (this.lowerAscii !== undefined) {
      this.readNextAscii(this.lowerAscii);
      return;
    }
    wordScan.lastIndex = this.readFrom;
    const m = wordScan.exec(this.text);
    if (m === null) {
      this.done = true;
      return;
    }
    const end = m.index + m[0].length;
    this.readFrom = end;
    this.values.push(fold(m[0]));
    this.starts.push(m.index);
    this.ends.push(end);
  }

  /** In plain ASCII the word pattern's letters and digits are [a-z0-9] once lower-cased: a loop finds them. */
  private readNextAscii(lower: string): void {
    let start = this.readFrom;
    while (start < lower.length && !isAsciiLetterOrDigit(lower.charCodeAt(start))) start += 1;
    if (start >= lower.length) {
      this.done = true;
      return;
    }
    let end = start + 1;
    while (end < lower.length && isAsciiLetterOrDigit(lower.charCodeAt(end))) end += 1;
    this.readFrom = end;
    this.values.push(lower.slice(start, end));
    this.starts.push(start);
    this.ends.push(end);
  }
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

function fold(text: string): string {
  const lower = text.toLowerCase();
  // Most words are plain ASCII: decomposing them would change nothing.
  return nonAscii.test(lower) ? lower.normalize('NFD').replace(combiningMarks, '') : lower;
}

function resembles(word: string, cue: string, realWords: ReadonlySet<string>): boolean {
  if (word === cue) return true;
  if (word === '' || realWords.has(word)) return false;
  const allowed = cue.length >= 8 ? 2 : cue.length >= 4 ? 1 : 0;
  if (allowed === 0 || Math.abs(word.length - cue.length) > allowed) return false;
  // A typo or two leaves the first or the last letter in place, or swaps two neighbours; the check is cheap and
  // spares the edit distance for almost every word.
  const endKept = word[0] === cue[0] || word.at(-1) === cue.at(-1);
  if (!endKept && !isNeighbourSwap(word, cue)) return false;
  // "brn" and "bonr" for "born": a four-letter cue tolerates one edit that keeps both its ends, or a swap.
  if (cue.length === 4 && !(word[0] === cue[0] && word.at(-1) === cue.at(-1)) && !isNeighbourSwap(word, cue)) return false;
  return allowed === 1 ? isOneEditAway(word, cue) : editDistance(word, cue, allowed) <= allowed;
}

/** Whether one edit (a letter changed, added or dropped, or two neighbours swapped) makes `a` into `b`: the edit
 * distance below is at most one, found without building its table. */
function isOneEditAway(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  if (a.length === b.length + 1) return a.slice(i + 1) === b.slice(i);
  if (b.length === a.length + 1) return a.slice(i) === b.slice(i + 1);
  return false;
}

function isNeighbourSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

// Rows of the distance table, kept between calls: cues are short, and the table is built for many words.
let rowBefore = new Int32Array(64);
let rowPrevious = new Int32Array(64);
let rowCurrent = new Int32Array(64);

/** Optimal string alignment distance (a swap of two neighbours is one edit), abandoned past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (b.length + 1 > rowCurrent.length) {
    rowBefore = new Int32Array(b.length + 1);
    rowPrevious = new Int32Array(b.length + 1);
    rowCurrent = new Int32Array(b.length + 1);
  }
  let before = rowBefore;
  let previous = rowPrevious;
  let current = rowCurrent;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current[j] = value;
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length] ?? 0;
}
