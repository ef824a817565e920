// A text folded for forgiving comparison (case, accents, whitespace runs, optionally hyphens), with a map from
// every folded character back to the original UTF-16 range, so a match in the folded text is a span of the original.

export interface FoldedText {
  value: string;
  /** For each folded character, the original range [originStart[i], originEnd[i]) it came from. */
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

export function foldText(text: string, options: { joinHyphens?: boolean } = {}): FoldedText {
  const folded: FoldedText = { value: '', originStart: [], originEnd: [] };
  const chars: string[] = [];
  let index = 0;
  for (const char of text) {
    const end = index + char.length;
    const isGap = /\s/u.test(char) || (options.joinHyphens === true && hyphens.has(char));
    if (isGap) {
      // A run of gaps becomes one space that stands for the whole run.
      if (chars[chars.length - 1] === ' ') folded.originEnd[folded.originEnd.length - 1] = end;
      else push(folded, chars, ' ', index, end);
    } else {
      const lower = char.toLowerCase();
      const bare = letterFolds[lower] ?? lower.normalize('NFD').replace(combiningMarks, '');
      // One map entry per UTF-16 unit, as indexOf counts them: an emoji is two.
      for (let unit = 0; unit < bare.length; unit++) push(folded, chars, bare.charAt(unit), index, end);
    }
    index = end;
  }
  folded.value = chars.join('');
  return folded;
}

function push(folded: FoldedText, chars: string[], c: string, start: number, end: number): void {
  chars.push(c);
  folded.originStart.push(start);
  folded.originEnd.push(end);
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
