// Word lists compiled into one hashed table: a folded word → the bits of every list that holds it, so a word of a
// post is looked up once for all its lists. An ASCII word is looked up where it stands in the text, lower-cased as
// it is hashed: it folds to itself lower-cased, so no slice and no fold is made for most words of a post.
import { foldWord } from './foldedText';

export class FoldedWordFlags {
  /** Open addressing: slot → index + 1 into keys (0 when free). */
  private readonly slots: Int32Array;
  private readonly slotHashes: Int32Array;
  private readonly keys: string[] = [];
  private readonly flags: number[] = [];
  private readonly mask: number;
  /** Whether every listed word is ASCII, as the lists folded with foldNeedle are. */
  private readonly asciiKeys: boolean;

  /** `lists` pairs a list of folded words with the bit its words get. */
  constructor(lists: Iterable<readonly [Iterable<string>, number]>) {
    const merged = new Map<string, number>();
    for (const [words, bit] of lists) for (const word of words) merged.set(word, (merged.get(word) ?? 0) | bit);
    let size = 16;
    while (size < merged.size * 3) size *= 2; // a third full or less: most probes of absent words stop at once
    this.slots = new Int32Array(size);
    this.slotHashes = new Int32Array(size);
    this.mask = size - 1;
    this.asciiKeys = [...merged.keys()].every((word) => /^[\x00-\x7f]*$/u.test(word));
    for (const [word, bits] of merged) {
      const hash = stringHash(word);
      let slot = hash & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys.push(word);
      this.flags.push(bits);
      this.slots[slot] = this.keys.length;
      this.slotHashes[slot] = hash;
    }
  }

  /** The bits of a word already folded, 0 when no list holds it. */
  ofFolded(folded: string): number {
    const hash = stringHash(folded);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const index = this.slots[slot] ?? 0;
      if (index === 0) return 0;
      if (this.slotHashes[slot] === hash && this.keys[index - 1] === folded) return this.flags[index - 1] ?? 0;
    }
  }

  /** The bits of the word text[start, end) as foldWord would fold it. */
  at(text: string, start: number, end: number): number {
    let hash = 0x811c9dc5 | 0;
    let ascii = true;
    for (let at = start; at < end; at++) {
      let code = text.charCodeAt(at);
      if (code < 0x80) {
        if (code >= 65 && code <= 90) code += 32;
        hash = Math.imul(hash ^ code, 0x01000193);
        continue;
      }
      // Beyond ASCII, each unit is folded on its own ("é" → "e", "ß" → "ss"), which is how foldWord folds a word
      // but for the Greek final sigma, folded to a letter beyond ASCII either way. A word whose fold keeps such a
      // letter is in no list when every listed word is ASCII; otherwise, or for a surrogate pair, it is folded whole.
      if (!this.asciiKeys || (code >= 0xd800 && code <= 0xdfff)) return this.ofFolded(foldWord(text.slice(start, end)));
      const folded = unitFold(code);
      for (let k = 0; k < folded.length; k++) {
        const foldedCode = folded.charCodeAt(k);
        if (foldedCode >= 0x80) return 0;
        hash = Math.imul(hash ^ foldedCode, 0x01000193);
      }
      ascii = false;
    }
    if (ascii) return this.atHashed(hash & 0x3fffffff, text, start, end);
    // Most words beyond ASCII are in no list: the word is folded as a string only when a listed word has its hash.
    hash &= 0x3fffffff;
    let folded: string | undefined;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const index = this.slots[slot] ?? 0;
      if (index === 0) return 0;
      if (this.slotHashes[slot] !== hash) continue;
      folded ??= foldWord(text.slice(start, end));
      if (this.keys[index - 1] === folded) return this.flags[index - 1] ?? 0;
    }
  }

  /**
   * The bits of the ASCII word text[start, end), whose hash the caller took: FNV-1a of its letters lower-cased,
   * cut to 30 bits (small integers to the engine), as hashedWordBounds in wordBounds.ts takes it while scanning.
   */
  atHashed(hash: number, text: string, start: number, end: number): number {
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const index = this.slots[slot] ?? 0;
      if (index === 0) return 0;
      if (this.slotHashes[slot] !== hash) continue;
      const key = this.keys[index - 1] ?? '';
      if (key.length === length && sameLowerCase(key, text, start)) return this.flags[index - 1] ?? 0;
    }
  }
}

/** FNV-1a of a string's UTF-16 units, cut to 30 bits (the same as `at` takes on ASCII). */
function stringHash(word: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let at = 0; at < word.length; at++) hash = Math.imul(hash ^ word.charCodeAt(at), 0x01000193);
  return hash & 0x3fffffff;
}

/** Whether the ASCII text at `start` lower-cased is `key` (whose length the caller checked). */
function sameLowerCase(key: string, text: string, start: number): boolean {
  for (let k = 0; k < key.length; k++) {
    let code = text.charCodeAt(start + k);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== key.charCodeAt(k)) return false;
  }
  return true;
}

// The fold of each UTF-16 unit beyond ASCII, filled the first time the unit is seen (an alphabet's worth).
const unitFolds = new Map<number, string>();

function unitFold(code: number): string {
  let folded = unitFolds.get(code);
  if (folded === undefined) {
    folded = foldWord(String.fromCharCode(code));
    unitFolds.set(code, folded);
  }
  return folded;
}
