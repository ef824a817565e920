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
  const bounds: number[] = [];
  let at = 0;
  while (at < text.length) {
    if (classAt(text, at) !== letter) {
      at += unitsAt(text, at);
      continue;
    }
    const start = at;
    at += unitsAt(text, at);
    while (at < text.length) {
      const kind = classAt(text, at);
      if (kind === letter || kind === mark) at += unitsAt(text, at);
      else if (isJoiner(text.charCodeAt(at)) && classAt(text, at + 1) === letter) at += 1;
      else break;
    }
    bounds.push(start, at);
  }
  return bounds;
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
