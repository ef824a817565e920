// A text folded for forgiving comparison (case, accents, whitespace runs, optionally hyphens), with a map from
// every folded character back to the original UTF-16 range, so a match in the folded text is a span of the original.

export interface FoldedText {
  value: string;
  /** For each folded UTF-16 unit, the original range [originStart[i], originEnd[i]) it came from. */
  originStart: number[];
  originEnd: number[];
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

const hyphens = new Set(['-', '\u2010', '\u2011']);
const combiningMarks = /\p{M}/gu;
const whitespace = /\s/u;

export function foldText(text: string, options: { joinHyphens?: boolean } = {}): FoldedText {
  const joinHyphens = options.joinHyphens === true;
  let value = '';
  const originStart: number[] = [];
  const originEnd: number[] = [];
  // The last code unit put in the folded text (-1 before any): a gap after a space widens that space.
  let last = -1;
  let index = 0;
  while (index < text.length) {
    // Most of a post is runs of ASCII word characters: each folds to itself lower-cased, one unit for one, so a
    // run is copied with one slice instead of one string per character.
    const runStart = index;
    for (let code = text.charCodeAt(index); code < 0x80 && !isAsciiGap(code, joinHyphens); code = text.charCodeAt(index)) {
      originStart.push(index);
      originEnd.push(index + 1);
      index += 1;
    }
    if (index > runStart) {
      value += text.slice(runStart, index).toLowerCase();
      last = text.charCodeAt(index - 1); // never a space: spaces are gaps
      if (index >= text.length) break;
    }
    const code = text.charCodeAt(index);
    let end = index + 1;
    let bare: string;
    let isGap: boolean;
    if (code < 0x80) {
      isGap = true; // the run above stops at an ASCII character only when it is a gap
      bare = ' ';
    } else {
      const char = String.fromCodePoint(text.codePointAt(index) ?? code);
      end = index + char.length;
      isGap = whitespace.test(char) || (joinHyphens && hyphens.has(char));
      bare = isGap ? ' ' : foldLetter(char);
    }
    if (isGap) {
      // A run of gaps becomes one space that stands for the whole run.
      if (last === 32) originEnd[originEnd.length - 1] = end;
      else {
        value += ' ';
        originStart.push(index);
        originEnd.push(end);
        last = 32;
      }
    } else if (bare.length > 0) {
      // One map entry per UTF-16 unit, as indexOf counts them: an emoji is two.
      value += bare;
      for (let unit = 0; unit < bare.length; unit++) {
        originStart.push(index);
        originEnd.push(end);
      }
      last = bare.charCodeAt(bare.length - 1);
    }
    index = end;
  }
  return { value, originStart, originEnd };
}

function isAsciiGap(code: number, joinHyphens: boolean): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (joinHyphens && code === 45);
}

function foldLetter(char: string): string {
  const lower = char.toLowerCase();
  return letterFolds[lower] ?? lower.normalize('NFD').replace(combiningMarks, '');
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
  for (const char of lower) folded += letterFolds[char] ?? char.normalize('NFD').replace(combiningMarks, '');
  return folded;
}

const specialLetters = /[łđðøßæœıþ’ʼ‘]/gu;
const marks = /[\u0300-\u036f]/gu;

/**
 * The text lower-cased and stripped of accents, without the offset map: a quick test of whether an identifier
 * can occur at all before the text is folded for real. Whitespace and hyphens are left as they are.
 */
export function quickFold(text: string): string {
  // The requester's name and usernames are both looked for in the same post, one after the other: the last
  // post's fold is kept for the second look (a string is immutable, so the same string has the same fold).
  if (text !== lastQuickFold.text) lastQuickFold = { text, folded: quickFoldOnce(text) };
  return lastQuickFold.folded;
}

let lastQuickFold = { text: '', folded: '' };

function quickFoldOnce(text: string): string {
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) >= 0x80) return lower.normalize('NFD').replace(marks, '').replace(specialLetters, (c) => letterFolds[c] ?? c);
  }
  return lower;
}

/** Folds an identifier the same way as the text it is searched in, without surrounding gaps. */
export function foldNeedle(needle: string, options: { joinHyphens?: boolean } = {}): string {
  return foldText(needle, options).value.trim();
}

/** Every place where the folded needle occurs, as original-text ranges. */
export function locateFolded(folded: FoldedText, needle: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  if (needle === '') return found;
  for (let at = folded.value.indexOf(needle); at !== -1; at = folded.value.indexOf(needle, at + 1)) {
    const start = folded.originStart[at];
    const end = folded.originEnd[at + needle.length - 1];
    if (start !== undefined && end !== undefined) found.push({ start, end });
  }
  return found;
}
