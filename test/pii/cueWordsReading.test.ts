// Cue words are read one word at a time and compared without building tables anew: on any text they must find
// what the plain reading finds — every word folded first, then each compared — kept here as the reference.
import { cueWords } from '../../src/pii/cueWords';

const wordPattern = /[\p{L}\p{N}]+/gu;

function fold(text: string): string {
  const lower = text.toLowerCase();
  return /[^\x00-\x7f]/u.test(lower) ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
}

/** The plain reading: the edit distance by its full table, every word of the text read before any is compared. */
function plainCueWords(cues: readonly string[], notTypos: readonly string[] = []) {
  const phrases = cues.map((cue) => fold(cue).match(wordPattern) ?? []);
  const realWords = new Set(notTypos.map(fold));
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const row = d[i] as number[];
        const up = d[i - 1] as number[];
        row[j] = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] ?? 0, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
    }
    return (d[a.length] as number[])[b.length] ?? 0;
  };
  const isSwap = (a: string, b: string) => {
    if (a.length !== b.length) return false;
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  };
  const resembles = (word: string, cue: string) => {
    if (word === cue) return true;
    if (word === '' || realWords.has(word)) return false;
    const allowed = cue.length >= 8 ? 2 : cue.length >= 4 ? 1 : 0;
    if (allowed === 0 || Math.abs(word.length - cue.length) > allowed) return false;
    const endKept = word[0] === cue[0] || word.at(-1) === cue.at(-1);
    if (!endKept && !isSwap(word, cue)) return false;
    if (cue.length === 4 && !(word[0] === cue[0] && word.at(-1) === cue.at(-1)) && !isSwap(word, cue)) return false;
    return distance(word, cue) <= allowed;
  };
  return (text: string) => {
    const words = [...text.matchAll(wordPattern)].map((m) => ({ value: fold(m[0]), start: m.index, end: m.index + m[0].length }));
    const found: { start: number; end: number }[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i]?.value ?? '';
      const tryAll = (candidates: string[][]) =>
        candidates.some((phrase) => {
          if (i + phrase.length > words.length || !phrase.every((cue, k) => resembles(words[i + k]?.value ?? '', cue))) return false;
          found.push({ start: words[i]?.start ?? 0, end: words[i + phrase.length - 1]?.end ?? 0 });
          return true;
        });
      const head = (p: string[]) => p[0] ?? '';
      if (tryAll(phrases.filter((p) => head(p).charAt(0) === word.charAt(0)))) continue;
      tryAll(phrases.filter((p) => head(p).at(-1) === word.at(-1)));
    }
    return found;
  };
}

/** Texts made of cues, near misses and noise, from a fixed seed so that a failure can be replayed. */
function textsAround(cues: readonly string[], count: number): string[] {
  let seed = 99;
  const next = (n: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  const mangle = (word: string) => {
    const at = next(word.length + 1);
    switch (next(5)) {
      case 0: return word.slice(0, at) + word.slice(at + 1);
      case 1: return word.slice(0, at) + 'xe'.charAt(next(2)) + word.slice(at);
      case 2: return word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
      case 3: return word.toUpperCase();
      case 4: return word.slice(0, at) + 'é' + word.slice(at + 1);
      default: return word;
    }
  };
  const noise = ['the', 'on', 'de', 'né', 'Ü', '12/03/1985', 'bon', 'burnt', '-', ', ', '\n', 'İstanbul', 'x'];
  return Array.from({ length: count }, () =>
    Array.from({ length: next(12) }, () => {
      const cue = cues[next(cues.length)] ?? '';
      return next(3) === 0 ? (noise[next(noise.length)] ?? '') : cue.split(' ').map((w) => [w, mangle(w), mangle(mangle(w)), mangle(mangle(mangle(w)))][next(4)] ?? w).join(next(2) === 0 ? ' ' : '  ');
    }).join(' '),
  );
}

describe('cue words read one word at a time', () => {
  const lists: [string[], string[]][] = [
    [['born', 'birth', 'birthday', 'birthdate', 'bday', 'dob', 'd o b', 'naissance', 'anniversaire', 'geburtsdatum', 'nacimiento'], ['bon', 'borne', 'burn', 'berth']],
    [['ssn', 'social security', 'social security number', 'social sec', 'taxpayer id'], []],
    [['national insurance', 'nino', 'ni number', 'ni no', 'nin'], []],
  ];

  it('locate what the plain reading locates, and test true exactly when it finds one', () => {
    for (const [cues, notTypos] of lists) {
      const fast = cueWords(cues, notTypos);
      const plain = plainCueWords(cues, notTypos);
      for (const text of textsAround(cues, 3000)) {
        const expected = plain(text);
        expect(fast.locate(text)).toEqual(expected);
        expect(fast.test(text)).toBe(expected.length > 0);
      }
    }
  });
});
