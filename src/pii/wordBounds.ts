// Where the words of a text are, as /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu finds them, read by hand:
// the regex allocated a match per word. Letters and marks are told by a table per UTF-16 unit, filled the first
// time a character is seen. The scanning loop stays in this module: under tsx, a call to another module's function
// goes through an export getter, too slow for a call per character.

const unseen = 0;
const letter = 1;
const mark = 2;
const neither = 3;
/** A lead surrogate: the class is that of the code point it starts, looked up each time (rare in posts). */
const leadSurrogate = 4;

const letterPattern = /^\p{L}$/u;
const markPattern = /^\p{M}$/u;
const classes = new Uint8Array(0x10000);
for (let code = 0; code < 0x80; code++) classes[code] = (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? letter : neither;
classes.fill(leadSurrogate, 0xd800, 0xdc00);

/** Start and end offsets of every word, flat: [start0, end0, start1, end1, …]. */
export function wordBounds(text: string): number[] {
  const count = sharedScanner.scan(text);
  const bounds: number[] = [];
  for (let k = 0; k < count * 3; k += 3) bounds.push(sharedScanner.bounds[k] ?? 0, sharedScanner.bounds[k + 1] ?? 0);
  return bounds;
}

/** wordBounds, each word with its hash (see WordScanner): [start0, end0, hash0, start1, …]. */
export function hashedWordBounds(text: string): number[] {
  return Array.from(sharedScanner.bounds.subarray(0, sharedScanner.scan(text) * 3));
}

/**
 * Reads the words of one text after another into one buffer: a growing array of numbers per text cost as much as
 * the scan. Each word comes with the hash of its letters lower-cased when they are all ASCII, else -1, as
 * FoldedWordFlags takes it (see atHashed there): the word is looked up in the name lists without a second read.
 */
export class WordScanner {
  /** [start0, end0, hash0, start1, …] of the text last scanned; what lies beyond its words is stale. */
  bounds = new Int32Array(3 * 256);

  /** Scans a text and returns how many words it has: theirs are the first entries of `bounds`. */
  scan(text: string): number {
    let bounds = this.bounds;
    let used = 0;
    const length = text.length;
    let at = 0;
    while (at < length) {
      let code = text.charCodeAt(at);
      if (classOf(text, at, code) !== letter) {
        at += isLeadSurrogate(code) ? unitsAt(text, at) : 1;
        continue;
      }
      const start = at;
      let hash = fnvOffset;
      let ascii = true;
      for (;;) {
        // FNV-1a of the lower-cased letters, as FoldedWordFlags hashes a word (a joiner is hashed as written).
        if (code < 0x80) hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code + 32 : code), fnvPrime);
        else ascii = false;
        at += isLeadSurrogate(code) ? unitsAt(text, at) : 1;
        if (at >= length) break;
        code = text.charCodeAt(at);
        const kind = classOf(text, at, code);
        if (kind === letter || kind === mark) continue;
        if (isJoiner(code) && classAt(text, at + 1) === letter) continue;
        break;
      }
      if (used + 3 > bounds.length) {
        const grown = new Int32Array(bounds.length * 2);
        grown.set(bounds);
        bounds = grown;
        this.bounds = grown;
      }
      bounds[used] = start;
      bounds[used + 1] = at;
      bounds[used + 2] = ascii ? hash & 0x3fffffff : -1;
      used += 3;
    }
    return used / 3;
  }
}

const sharedScanner = new WordScanner();

const fnvOffset = 0x811c9dc5 | 0;
const fnvPrime = 0x01000193;

function isLeadSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** classAt for a unit already read and in bounds. */
function classOf(text: string, at: number, code: number): number {
  const known = classes[code] ?? neither;
  return known === unseen || known === leadSurrogate ? rareClassAt(text, at) : known;
}

/** "'", "’" and "-" join two words into one ("l'été", "Jean-Marie") when a letter follows. */
function isJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2d;
}

function classAt(text: string, at: number): number {
  // The bounds check comes first: a typed array read at NaN (charCodeAt past the end) slows every read after it.
  const known = at < text.length ? (classes[text.charCodeAt(at)] ?? neither) : neither;
  return known === unseen || known === leadSurrogate ? rareClassAt(text, at) : known;
}

/** How many UTF-16 units the character at `at` takes: two for a surrogate pair. */
function unitsAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

function rareClassAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdbff) return classify(String.fromCodePoint(text.codePointAt(at) ?? code));
  const found = classify(String.fromCharCode(code));
  classes[code] = found;
  return found;
}

function classify(char: string): number {
  if (letterPattern.test(char)) return letter;
  return markPattern.test(char) ? mark : neither;
}
