// What may follow a street line and still be the same address, as an envelope writes it: flat or suite numbers,
// a city, a state or province, a postcode and a country, on the same line after commas or on the lines below
// ("4966 Bond Street\n Suite 413\n Warwick, RI 02886\n United States"). A city is only taken when a state, a
// postcode or a country confirms it: a capitalised line after an address is as often a greeting or a name.
import { isCountryName, longestCountryName, mayStartCountryName } from './countryNames';

const sp = String.raw`[ \t\u00a0]`;
// What may open each line of a quoted or bulleted block: "> ", "| ", "• ", and the "?" a lost bullet becomes.
const linePrefix = String.raw`(?:${sp}*[>|•·*?]{1,3})*`;
// One step between two parts: a comma, a dash, spaces, or a line break (with a line's prefix, and a comma some
// people put at the start of the next line).
const partGap = new RegExp(
  String.raw`(?:${sp}*,${sp}*(?:\r?\n${linePrefix}${sp}*)?|${sp}+[-–]${sp}+|${sp}*\r?\n${linePrefix}${sp}*,?${sp}*|${sp}+)`,
  'y',
);
// A blank line may stand before the country or postcode that closes a block, nothing else.
const blankLineGap = new RegExp(String.raw`${sp}*\r?\n${sp}*\r?\n${linePrefix}${sp}*`, 'y');

const unitPart = new RegExp(
  String.raw`(?:(?:[Aa]pt|APT|[Aa]partment|APARTMENT|[Ss]uite|SUITE|[Ss]te|STE|[Uu]nit|UNIT|[Ff]lat|FLAT|[Ff]loor|FLOOR|[Rr]oom|ROOM|[Rr]m|[Bb]ldg|BLDG|` +
    String.raw`[Bb]uilding|[Aa]ppt|[Aa]ppartement|[Éé]tage|[Ww]ohnung|[Ww]hg)\.?${sp}*(?:[Nn]o\.?${sp}*|#${sp}*)?[A-Za-z]?\d{1,5}[A-Za-z]?(?:-\d{1,4})?|#${sp}?\d{1,5}[A-Za-z]?)` +
    String.raw`(?![\p{L}\p{N}])`,
  'uy',
);
// UK, Canadian, US (ZIP+4), Polish ("53-320"), Swedish ("340 12"), lettered ("D-80331") and plain postcodes.
const postcodePart = new RegExp(
  String.raw`(?:[A-Z]{1,2}\d[A-Z\d]?${sp}?\d[A-Z]{2}|[A-Z]\d[A-Z]${sp}?\d[A-Z]\d|\d{5}-\d{4}|\d{2}-\d{3}|\d{3}${sp}\d{2}|(?:[A-Z]{1,2}-)?\d{4,6})(?![\p{L}\p{N}]|[.,]\d)`,
  'uy',
);
// A state or province code (two capitals), or a region in capitals after a city.
const regionCodePart = /[A-Z]{2}(?![\p{L}\p{N}])/uy;
const cityWord = String.raw`(?:(?:St|Ste|Mt|Ft)\.|\p{Lu}[\p{L}\p{M}'’\-]*)`;
const cityParticle = String.raw`(?:de|del|de la|des|du|da|do|dos|das|di|della|la|le|les|lès|en|sur|sous|am|an der|im|upon|on|na|nad|pod|y|i)`;
// The repeated groups of cityPart and countryPart capture (nothing reads them): V8 copies a group without captures
// once per repetition for {0,3}, which tripled their compiled code.
const cityPart = new RegExp(String.raw`${cityWord}(${sp}+(?:${cityParticle}${sp}+)?${cityWord}){0,3}(?![\p{L}\p{N}])`, 'uy');
const countryPart = new RegExp(String.raw`\p{Lu}[\p{L}\p{M}.\-]*(${sp}+(?:of|and|\p{Lu}[\p{L}\p{M}.\-]*)){0,${longestCountryName - 1}}`, 'uy');

export type Kind = 'unit' | 'city' | 'region' | 'postcode' | 'country';

function stickyAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

const firstWord = /[\p{L}\p{M}.\-]+/uy;

/** The longest run of words at `at` that is a country's name, as its length in characters. */
function countryAt(text: string, at: number): number {
  if (!/\p{Lu}/u.test(text.charAt(at))) return 0;
  // Most capitalised words are no country's first word: one Set probe lets them go.
  firstWord.lastIndex = at;
  const first = (firstWord.exec(text)?.[0] ?? '').toLowerCase();
  if (!mayStartCountryName(first) && !mayStartCountryName(first.replace(/\.$/u, ''))) return 0;
  const written = stickyAt(countryPart, text, at);
  if (written === undefined) return 0;
  const words = written.split(/(?<=\S)(?=[ \t\u00a0])/u);
  for (let n = words.length; n >= 1; n--) {
    const candidate = words.slice(0, n).join('');
    if (isCountryName(candidate)) return candidate.length;
    // "… Whitby, United Kingdom. Cheers": the full stop ends the sentence, not the name.
    if (candidate.endsWith('.') && isCountryName(candidate.slice(0, -1))) return candidate.length - 1;
  }
  return 0;
}

/** Where the part of `kind` at `at` ends, or -1. */
function partEnd(kind: Kind, text: string, at: number): number {
  if (kind === 'country') {
    const length = countryAt(text, at);
    return length > 0 ? at + length : -1;
  }
  const pattern = kind === 'unit' ? unitPart : kind === 'postcode' ? postcodePart : kind === 'region' ? regionCodePart : cityPart;
  const written = stickyAt(pattern, text, at);
  return written === undefined ? -1 : at + written.length;
}

function gapEnd(text: string, at: number, blankLine: boolean): number {
  const gap = blankLine ? blankLineGap : partGap;
  gap.lastIndex = at;
  return gap.exec(text) === null ? -1 : gap.lastIndex;
}

/** The first part that may follow one of `kind` (a state after a city, anything closing after a country…). */
function nextKinds(previous: Kind | undefined, haveCity: boolean): Kind[] {
  const closing: Kind[] = ['postcode', 'country'];
  if (previous === 'city') return ['region', ...closing];
  if (previous === 'unit' || previous === undefined) return haveCity ? ['unit', ...closing] : ['unit', ...closing, 'city'];
  return closing;
}

/**
 * Where the address whose street line ends at `end` ends, once the flat, city, state, postcode and country that
 * follow it are taken in; `end` itself when nothing follows.
 */
export function addressBlockEnd(text: string, end: number): number {
  return addressBlock(text, end).end;
}

/** The address block after a street line: where it ends, and the kinds of its parts in order. */
export function addressBlock(text: string, end: number): { end: number; parts: Kind[] } {
  const parts: Kind[] = [];
  let last = end;
  let previous: Kind | undefined;
  let haveCity = false;
  for (let step = 0; step < 8; step++) {
    // The gaps are the same whatever part is tried after them: each is read once a step.
    const from = gapEnd(text, last, false);
    const fromBlank = gapEnd(text, last, true);
    if (from === -1 && fromBlank === -1) break;
    let taken = false;
    for (const kind of nextKinds(previous, haveCity)) {
      const closing = kind === 'postcode' || kind === 'country';
      for (const start of closing ? [from, fromBlank] : [from]) {
        if (start === -1) continue;
        // A city counts only when a state, postcode or country comes after it: "Coalville South Africa".
        const to = kind === 'city' ? confirmedCityEnd(text, start) : partEnd(kind, text, start);
        if (to === -1) continue;
        last = to;
        previous = kind;
        parts.push(kind);
        haveCity ||= kind === 'city';
        taken = true;
        break;
      }
      if (taken) break;
    }
    if (!taken) break;
  }
  return { end: last, parts };
}

/** Where the city at `at` ends, the longest one that a state, postcode or country follows; or -1. */
function confirmedCityEnd(text: string, at: number): number {
  const written = stickyAt(cityPart, text, at);
  if (written === undefined) return -1;
  const ends: number[] = [];
  for (const word of written.matchAll(/\S+/gu)) ends.push(at + word.index + word[0].length);
  for (let k = ends.length - 1; k >= 0; k--) if (closesAfterCity(text, ends[k] ?? -1)) return ends[k] ?? -1;
  return -1;
}

function closesAfterCity(text: string, cityEnd: number): boolean {
  const from = gapEnd(text, cityEnd, false);
  if (from !== -1 && (partEnd('region', text, from) !== -1 || partEnd('postcode', text, from) !== -1 || partEnd('country', text, from) !== -1)) return true;
  const fromBlank = gapEnd(text, cityEnd, true);
  return fromBlank !== -1 && (partEnd('postcode', text, fromBlank) !== -1 || partEnd('country', text, fromBlank) !== -1);
}
