// A street line written on its own, without the postcode and city that postalAddress.ts's patterns start from:
// "4626 Riverside Drive" (number, name words, a USPS or UK street type), "12 rue du Helder" (number, French type,
// name), "Strickstrasse 61" or "Berliner Straße 5" (German, Dutch and Nordic streets, number after), "Calle Mayor 5",
// "ul. Słowicza 10" (a street type first, number after), "Edeby 55" (a name and a number, when a flat or the rest
// of an address block follows), and the lines that need no street at all: post-office boxes and US military
// addresses ("PSC 1234, Box 5678 / APO AE 09012"); and street corners ("the corner of 5th Avenue and Elm Street").
// Each line is read from a run of digits, which the detector has already located, so the grammar costs nothing on
// posts without numbers; addressBlock.ts reads what follows it.
import { foldWord } from './foldedText';
import { isNeverAName, isSentenceWord } from './ordinaryWords';
import { isEnglishStreetType, isFrenchStreetType, mayBeFrenchStreetType } from './postalAddress';

const sp = String.raw`[ \t\u00a0]`;

export interface StreetLine {
  start: number;
  end: number;
  /** A year ("2023 Kobo Street sale") reads as a house number only when a city or postcode follows. */
  yearLike: boolean;
  /**
   * Capitalised words and a number with no street word ("Edeby 55", as Swedish or Slovenian streets are named):
   * an address only when a flat or a postcode and more lines of an address follow.
   */
  unnamed?: boolean;
  /**
   * A street type that is as often a common noun ("12 Green Light", "Chapter 5 Park View"): an address only when a
   * flat, a city, a postcode or a country follows.
   */
  commonNounType?: boolean;
}

// A house number: "221B", "12-14", "4/12", "142 bis"; then the gap before the street's words. Alone, "84, Charing
// Cross Road" is a book: the comma people put after a house number is only taken where postalAddress.ts sees a city.
const houseNumber = new RegExp(
  String.raw`\d{1,6}[A-Za-z]?(?:[-/]\d{1,5}[A-Za-z]?)?(?:${sp}?(?:bis|ter|BIS|TER))?(?![\p{L}\p{N}]|[.,:]\d)${sp}+`,
  'uy',
);
// What may not stand just before a house number: "v2", "4.2", "$12", "#123", "+33", "10:30", "12/".
const notBeforeNumber = /[\p{L}\p{N}_.,:/#$€£¥+\-@]/u;
const direction = /^(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?$/u;
const ordinal = /^\d{1,3}(?:st|nd|rd|th|er|e)$/iu;
const abbreviatedNameWord = /^(?:St|Ste|Mt|Ft|Dr|\p{Lu})\.$/u;
// Flat and suite words end a street's name: "Rue Gafsa Apt. 981" is the street, then the flat.
const unitWord = /^(?:apt|apartment|appt|appartement|suite|ste|unit|flat|floor|room|bldg|building|étage|wohnung|whg)\.?$/iu;
const frenchArticle = /^(?:de|du|des|la|le|les|aux|au|sur|en|lès|[dl]['’].*)$/iu;

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Up to seven words from `at`, one space apart; a word may end in a dot ("St.", "r.", "Str."). */
function wordsAt(text: string, at: number): Word[] {
  const words: Word[] = [];
  let start = at;
  while (words.length < 7 && isWordStartCode(text.charCodeAt(start))) {
    let end = start + 1;
    while (end < text.length && isInWordCode(text.charCodeAt(end))) end += 1;
    if (text.charCodeAt(end) === 46) end += 1;
    words.push({ text: text.slice(start, end), start, end });
    if (!isGapCode(text.charCodeAt(end))) break;
    start = end + 1;
  }
  return words;
}

// Letters and digits by code unit, without a pattern: ASCII ones, and from U+00C0 on, what is neither punctuation,
// a symbol nor half of an emoji (U+2000–U+2BFF, surrogates): accented and non-Latin letters, near enough.
function isLetterOrDigitCode(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && !(code >= 0x2000 && code <= 0x2bff) && !(code >= 0xd800 && code <= 0xdfff);
}

function isWordStartCode(code: number): boolean {
  return isLetterOrDigitCode(code);
}

/** Inside a word: letters, digits, and the apostrophes and hyphens that join its parts. */
function isInWordCode(code: number): boolean {
  return isLetterOrDigitCode(code) || code === 0x27 || code === 0x2019 || code === 0x2d;
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
const withoutDot = (word: string) => (word.endsWith('.') ? word.slice(0, -1) : word);

/** A word that may be part of an English street's name: "Riverside", "42nd", "St.", "MAIN"; not "The", "And". */
function isEnglishNameWord(word: string): boolean {
  if (ordinal.test(word)) return true;
  if (!isCapitalised(word) || unitWord.test(word)) return false;
  if (word.endsWith('.')) return abbreviatedNameWord.test(word);
  // Sentence words are plain ASCII: lower case is enough to look one up, and much cheaper than folding.
  return !isSentenceWord(word.toLowerCase());
}

// Plural street types that name streets; the other plurals ("3 Long Walks", "2 Points") count things.
const pluralStreetTypes = new Set([
  'gardens', 'heights', 'commons', 'meadows', 'mews', 'springs', 'falls', 'estates', 'woods', 'acres', 'downs', 'fields',
]);

function isStreetTypeAlone(lowerCase: string): boolean {
  return isEnglishStreetType(lowerCase) && (!lowerCase.endsWith('s') || lowerCase.length <= 3 || pluralStreetTypes.has(lowerCase) || lowerCase === 'pass' || lowerCase === 'cross');
}

/**
 * "Riverside Drive", "W 42nd St N": name words, then a street type, then maybe a direction; the end offset. Where
 * more name words and a second type follow ("Cheriton Dr Reuquén Extensions"), the street runs to the last type.
 */
function englishStreetEnd(words: Word[]): { end: number; commonNoun: boolean } | undefined {
  let i = words.length > 1 && direction.test(words[0]?.text ?? '') ? 1 : 0;
  const first = i;
  let found: { end: number; commonNoun: boolean } | undefined;
  for (; i < words.length && i - first <= 5; i++) {
    const word = words[i] as Word;
    const type = withoutDot(word.text).toLowerCase();
    if (i > first && isCapitalised(word.text) && isStreetTypeAlone(type)) {
      const commonNoun = !streetOnlyTypes.has(type);
      const after = words[i + 1];
      if (after !== undefined && direction.test(after.text) && !after.text.endsWith('.')) return { end: after.end, commonNoun };
      found = { end: word.start + withoutDot(word.text).length, commonNoun };
      if (word.text.endsWith('.')) return found;
      continue;
    }
    if (!isEnglishNameWord(word.text)) return found;
  }
  return found;
}

// The street types that name nothing but streets; "Park", "View", "Point", "Green", "Light", "Club" are as often words.
const streetOnlyTypes = new Set([
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'av', 'lane', 'ln', 'drive', 'dr', 'boulevard', 'blvd', 'court', 'ct', 'crescent',
  'cres', 'close', 'place', 'pl', 'terrace', 'ter', 'terr', 'way', 'wy', 'highway', 'hwy', 'parkway', 'pkwy', 'circle', 'cir',
  'square', 'sq', 'grove', 'grv', 'gardens', 'gdns', 'mews', 'trail', 'trl', 'alley', 'aly', 'expressway', 'expy', 'freeway', 'fwy',
  'turnpike', 'tpke',
]);

/** "rue du Helder", "bd de la Croix-Rousse", "rue de pologne": a French type, articles, a name; the end offset. */
function frenchStreetEnd(words: Word[]): number | undefined {
  const type = words[0]?.text.toLowerCase() ?? '';
  if (!isFrenchStreetType(type) && !isFrenchStreetType(withoutDot(type))) return undefined;
  let end: number | undefined;
  let afterArticle = false;
  for (const word of words.slice(1, 7)) {
    if (unitWord.test(word.text)) break;
    const article = frenchArticle.test(word.text);
    if (isCapitalised(word.text) || ordinal.test(word.text) || (afterArticle && !article && /^\p{Ll}/u.test(word.text) && end === undefined)) {
      if (word.text.endsWith('.') && !abbreviatedNameWord.test(word.text)) return word.start + word.text.length - 1;
      end = word.end;
      // A lower-case name is one word: "rue de pologne", not "rue de pologne depuis".
      if (!isCapitalised(word.text) && !ordinal.test(word.text)) return end;
      afterArticle = false;
    } else if (article) afterArticle = true;
    else break;
  }
  return end;
}

// '"', "'", '(', '[', '>', '*', '|': what may stand just before a house number that starts a line or a quote.
const quoteOrBracket = new Set([34, 39, 40, 91, 62, 42, 124]);

/**
 * Every street line, post-office box and military address read from the runs of digits at `digitRunStarts`
 * (ascending), in order; one call per post, as the gates below run for every number of it.
 */
export function streetLinesAt(text: string, digitRunStarts: readonly number[]): StreetLine[] {
  const found: StreetLine[] = [];
  for (const at of digitRunStarts) {
    // Every grammar here wants a space, a line break or a bracket before the number ("#" for a box): most numbers
    // of a post, in versions, times, dates and codes, are let go on that one character.
    const before = text.charCodeAt(at - 1);
    if (at > 0 && before < 128 && before !== 32 && before !== 9 && before !== 10 && before !== 13 && before !== 35 && !quoteOrBracket.has(before)) continue;
    const line = numberFirstStreetAt(text, at) ?? militaryAddressAt(text, at) ?? postBoxAt(text, at) ?? numberLastStreetAt(text, at);
    if (line === undefined) continue;
    // A military address is read from its ZIP code, after the "PSC 0413, Box 8144" it starts with.
    while (found.length > 0 && (found[found.length - 1]?.start ?? -1) >= line.start) found.pop();
    found.push(line);
  }
  return found;
}

/** A street that starts with its house number at `at`: "4626 Riverside Drive", "12 rue du Helder". */
function numberFirstStreetAt(text: string, at: number): StreetLine | undefined {
  if (!mayStartStreetAfter(text, at) || (at > 0 && notBeforeNumber.test(text.charAt(at - 1)))) return undefined;
  houseNumber.lastIndex = at;
  const number = houseNumber.exec(text);
  if (number === null) return undefined;
  const words = wordsAt(text, at + number[0].length);
  if (words.length < 2) return undefined;
  const english = englishStreetEnd(words);
  const end = english?.end ?? frenchStreetEnd(words);
  if (end === undefined) return undefined;
  return { start: at, end, yearLike: /^(?:19|20)\d\d(?!\d)/u.test(number[0]), commonNounType: english?.commonNoun === true };
}

// Most numbers in a post are no house number ("at 10:30", "v4.2", "in 2023"): a look at the characters around the
// digits lets them go before any pattern runs.
function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isGapCode(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

function mayStartWord(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 0xc0;
}

/**
 * Whether a street may follow the number at `at` ("12 rue", "221B Baker", "4 W 42nd St"), or a range goes on
 * ("12-14"): after a space, a capitalised word, or a French street type ("219 highlights" is let go here).
 */
function mayStartStreetAfter(text: string, at: number): boolean {
  let k = at;
  while (isDigitCode(text.charCodeAt(k))) k += 1;
  if (k - at > 6) return false;
  let code = text.charCodeAt(k);
  // "12-14 Elm Road", "4/12 Main St": a range or a flat's number, then the street; not "12/03/2024" nor "10-15".
  if (code === 45 || code === 47) {
    const from = ++k;
    while (isDigitCode(text.charCodeAt(k))) k += 1;
    if (k === from || k - from > 5) return false;
    code = text.charCodeAt(k);
  }
  if (code < 128 && mayStartWord(code)) code = text.charCodeAt(++k);
  if (!isGapCode(code)) return false;
  while (isGapCode(text.charCodeAt(k))) k += 1;
  code = text.charCodeAt(k);
  if (!mayStartWord(code)) return false;
  if (code >= 65 && code <= 90) return true;
  const first = text.charAt(k);
  if (first !== first.toLowerCase()) return true;
  // "bis", "ter" after the number, then the type: "142 bis rue Pasteur".
  let end = k;
  while (end < text.length && !isGapCode(text.charCodeAt(end)) && text.charCodeAt(end) !== 10) end += 1;
  // "10 minutes", "2 days": most lower-case words after a number are let go on their first letter and length ("bis"
  // and "ter" start as types do).
  if (!mayBeFrenchStreetType(code, end - k)) return false;
  const word = text.slice(k, end).toLowerCase();
  return isFrenchStreetType(word) || isFrenchStreetType(withoutDot(word)) || word === 'bis' || word === 'ter';
}

/**
 * Whether the word before the number at `at` may end a street: a capitalised word ("Calle Mayor", "Edeby"), or a
 * street word in any case ("hersnapvej", "Trenerys gate").
 */
function mayEndStreetBefore(text: string, at: number): boolean {
  if (!isGapCode(text.charCodeAt(at - 1))) return false;
  let end = at - 1;
  if (text.charCodeAt(end - 1) === 44) end -= 1;
  let start = end;
  while (start > 0 && !isGapCode(text.charCodeAt(start - 1)) && text.charCodeAt(start - 1) !== 10) start -= 1;
  if (start === end) return false;
  const code = text.charCodeAt(start);
  const capitalised = (code >= 65 && code <= 90) || (code >= 128 && text.charAt(start) !== text.charAt(start).toLowerCase());
  if (!capitalised && code < 128 && !(code >= 97 && code <= 122)) return false;
  const length = end - start;
  // Most words before a number are short lower-case ones ("at 10", "version 4"): their length and last letters let
  // them go without a slice. A street word alone is short ("gate", "vej", "u."); a compound is six letters or more.
  if (length >= 6 && compoundEndingsByTail.has(text.slice(end - 3, end).toLowerCase()) && isCompoundStreet(text.slice(start, end))) return true;
  if (length >= 2 && length <= 7 && (capitalised || separateInitials.has(code)) && separateStreetType.test(text.slice(start, end))) return true;
  if (!capitalised) return false;
  // A street's name is letters ("FR76 3000", "SyncService: 12" are not), and neither an acronym ("DNS 1", "OR 97214")
  // nor a brand or sentence word ("Android 14", "Took 13").
  if (length <= 4 && isAllCaps(text, start, end)) return false;
  const word = text.slice(start, end);
  if (!streetNameShape.test(word) || isNeverAName(word.toLowerCase())) return false;
  // "Android 14", "Windows 11": a capitalised word is a street's only with a street type before it on its line
  // ("Calle Mayor 5"), or where a flat or the end of the line follows the number ("Edeby 55\n Apt. 297").
  if (unitAfter.test(text.slice(numberEnd(text, at), numberEnd(text, at) + 24))) return true;
  return typeFirstBefore.test(text.slice(Math.max(text.lastIndexOf('\n', start) + 1, start - 60), end));
}

const streetNameShape = /^\p{L}[\p{L}\p{M}'’-]*\.?$/u;

function isAllCaps(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code >= 97 && code <= 122) return false;
  }
  return true;
}

function numberEnd(text: string, at: number): number {
  let end = at;
  while (isDigitCode(text.charCodeAt(end))) end += 1;
  return end;
}

// German, Dutch, Danish, Norwegian, Swedish, Finnish and Icelandic streets are one word ending in a street word.
const compoundStreetEndings = [
  'straße', 'strasse', 'str.', 'gasse', 'allee', 'weg', 'platz', 'damm', 'ufer', 'brücke', 'straat', 'laan', 'gracht', 'plein', 'kade',
  'singel', 'vej', 'vænget', 'gade', 'stræde', 'veien', 'vegen', 'gata', 'gatan', 'gränd', 'vägen', 'väg', 'katu', 'kuja', 'tie', 'braut',
  'vegur',
];
const compoundStreetWord = /^[\p{L}\p{M}'’\-]+\.?$/u;
const compoundEndingsByTail = new Set(compoundStreetEndings.map((ending) => ending.slice(-3)));

/** "Strickstrasse", "hersnapvej", "Östbygatan": a word of three letters or more, then a street word. */
function isCompoundStreet(word: string): boolean {
  const lower = word.toLowerCase();
  for (const ending of compoundStreetEndings) {
    if (lower.length >= ending.length + 3 && lower.endsWith(ending)) return compoundStreetWord.test(word);
  }
  return false;
}
// …or capitalised words before a separate street word: "Berliner Straße", "Trenerys gate", "Király u.", "Hegyalja út".
const separateStreetType = /^(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Damm|Ufer|gate|gata|vej|gade|vei|veien|utca|út|u\.|tér|körút|krt\.)$/u;
// Southern Europe, Poland, Belgium and Switzerland put the street type first: "Calle Mayor", "ul. Słowicza", "Rue Haute".
const typeFirstWords = new Set([
  'calle', 'c/', 'avenida', 'avda.', 'avda', 'av.', 'avinguda', 'rua', 'rúa', 'via', 'viale', 'vicolo', 'strada', 'piazza', 'piazzale',
  'corso', 'largo', 'plaza', 'paseo', 'passeig', 'carrer', 'travessa', 'praça', 'alameda', 'estrada', 'rambla', 'ronda', 'camino',
  'carretera', 'ul.', 'ulica', 'al.', 'aleja', 'os.', 'osiedle', 'plac', 'rue', 'avenue', 'boulevard', 'chaussée', 'chemin', 'route',
  'quai', 'impasse', 'place', 'allée',
]);
const typeFirstBefore = new RegExp(String.raw`(?<![\p{L}])(?:${[...typeFirstWords].map((w) => w.replace(/[./]/gu, '\\$&')).join('|')})(?![\p{L}])`, 'iu');
// Abbreviations written in lower case; the other type words start with a capital where they start a street.
const lowerCaseTypeFirst = new Set(['ul.', 'al.', 'os.', 'c/']);
// The first letters of the street words written apart, in lower case: "gate", "gata", "gade", "vej", "vei", "utca",
// "út", "u.", "tér", "krt.".
const separateInitials = new Set(['g', 'v', 'u', 'ú', 't', 'k'].map((letter) => letter.charCodeAt(0)));
// The street words a street may end with, or start with, in lower case: "Trenerys gate 232", "ul. Słowicza 10".
const lowerCaseStreetWords = new Set(['gate', 'gata', 'vej', 'gade', 'vei', 'veien', 'utca', 'út', 'u.', 'tér', 'körút', 'krt.', ...lowerCaseTypeFirst]);
const nameParticle = /^(?:de|del|de|da|do|dos|das|di|della|delle|dei|la|las|los|le|les|e|y|i|van|von|der|den|am|an|im|zum|zur|des|du)$/u;
// The number after the street, its end; Hungarian streets end theirs with a dot ("Király u. 15.").
const numberAfterStreet = /\d{1,5}[a-zA-Z]?(?:[-/]\d{1,4}[a-zA-Z]?)?(?![\p{L}\p{N}]|[.,]\d)/uy;

function isStreetNameWord(word: string): boolean {
  if (unitWord.test(word)) return false;
  // "Avenue d'Ouchy", "Rue de l'Église": an elided article before a capitalised name.
  if (/^[dlDL]['’]\p{Lu}/u.test(word)) return true;
  return (isCapitalised(word) && !isSentenceWord(withoutDot(word).toLowerCase())) || nameParticle.test(word) || ordinal.test(word);
}

/** Where the street whose name is `words` (nearest last) starts, or undefined if they do not end in a street. */
function streetStartBefore(words: Word[]): number | undefined {
  const last = words[words.length - 1];
  if (last === undefined) return undefined;
  if (isCompoundStreet(last.text)) {
    // "Brucker Bundesstrasse": German place adjectives end in -er.
    let k = words.length - 1;
    while (k > 0 && k >= words.length - 3 && /^\p{Lu}[\p{L}\p{M}]*er$/u.test(words[k - 1]?.text ?? '')) k -= 1;
    return words[k]?.start;
  }
  if (separateStreetType.test(last.text)) {
    let k = words.length - 1;
    while (k > 0 && k >= words.length - 3 && isCapitalised(words[k - 1]?.text ?? '') && isStreetNameWord(words[k - 1]?.text ?? '')) k -= 1;
    return k < words.length - 1 ? words[k]?.start : undefined;
  }
  // The earliest type word that only name words follow: "Rua Cidade de Maracajá", "Strada Provinciale".
  for (let k = 0; k < words.length - 1; k++) {
    const type = words[k]?.text ?? '';
    if (!typeFirstWords.has(type.toLowerCase())) continue;
    if (!isCapitalised(type) && !lowerCaseTypeFirst.has(type)) continue;
    const name = words.slice(k + 1);
    if (name.some((w) => isCapitalised(w.text)) && name.every((w) => isStreetNameWord(w.text))) return words[k]?.start;
  }
  return undefined;
}

/** A street written before its house number, whose number starts at `at`: "Strickstrasse 61", "Calle Mayor 5". */
function numberLastStreetAt(text: string, at: number): StreetLine | undefined {
  if (!mayEndStreetBefore(text, at)) return undefined;
  const words = wordsBefore(text, at);
  if (words.length === 0) return undefined;
  numberAfterStreet.lastIndex = at;
  const number = numberAfterStreet.exec(text);
  if (number === null) return undefined;
  let end = at + number[0].length;
  const start = streetStartBefore(words);
  if (start === undefined) {
    // Without a street word, "Edeby 55" is a street only where its line or part ends or a flat follows (see
    // StreetLine.unnamed): "Android 14 on…", "Exported 1140 highlights", "NWBK 8152 8526" are let go here.
    if (!unitAfter.test(text.slice(end, end + 24))) return undefined;
    const name = unnamedStreetStart(words);
    return name === undefined ? undefined : { start: name, end, yearLike: /^(?:19|20)\d\d$/u.test(number[0]), unnamed: true };
  }
  if (/^(?:u\.|út|utca|tér|körút|krt\.)$/u.test(words[words.length - 1]?.text ?? '') && text[end] === '.') end += 1;
  return { start, end, yearLike: /^(?:19|20)\d\d$/u.test(number[0]) };
}

// A flat after the number, or the end of the street's line or part ("Edeby 55,", "Mlýnská 1540\n"): where the rest
// of an address may follow, which addressBlock then reads — not "Android 14 on a Pixel" or "NWBK 8152 8526".
const unitAfter =
  /^(?:[ \t]*,?[ \t]*(?:\r?\n[ \t>|•·*?]*)?[ \t]*(?:#[ \t]?\d|(?:apt|apartment|suite|ste|unit|flat|floor|room|bldg|appt)(?![\p{L}]))|[ \t]*(?:,|\r?\n))/iu;

/** One to three capitalised words, not ordinary ones nor a brand's ("Android 14"), before the number. */
function unnamedStreetStart(words: Word[]): number | undefined {
  let k = words.length;
  while (k > 0 && words.length - k < 3) {
    const word = words[k - 1]?.text ?? '';
    if (!isCapitalised(word) || word.endsWith('.') || unitWord.test(word) || isNeverAName(foldWord(word))) break;
    k -= 1;
  }
  return k < words.length ? words[k]?.start : undefined;
}

/** Up to seven words just before `at` on its line, one space apart (a comma may end the last), nearest last. */
function wordsBefore(text: string, at: number): Word[] {
  let end = at;
  if (!isGap(text.charCodeAt(end - 1))) return [];
  end -= 1;
  if (text.charCodeAt(end - 1) === 44) end -= 1; // "Via Roma, 10"
  const words: Word[] = [];
  while (words.length < 7 && end > 0) {
    let start = end;
    while (start > 0 && !isGap(text.charCodeAt(start - 1)) && text.charCodeAt(start - 1) !== 10) start -= 1;
    // "(Strickstrasse 61": what comes before the word's first letter is not part of the street.
    let wordStart = end;
    while (wordStart > start && isStreetWordCode(text.charCodeAt(wordStart - 1))) wordStart -= 1;
    while (wordStart < end && !isLetterCode(text.charCodeAt(wordStart))) wordStart += 1;
    if (wordStart >= end) break;
    words.unshift({ text: text.slice(wordStart, end), start: wordStart, end });
    if (wordStart !== start || start === 0 || !isGap(text.charCodeAt(start - 1))) break;
    end = start - 1;
  }
  return words;
}

function isLetterCode(code: number): boolean {
  return isLetterOrDigitCode(code) && !(code >= 48 && code <= 57);
}

/** What a street's word before its number is made of: letters, and "'", "’", ".", "-", "/" ("Bahnhofstr.", "C/"). */
function isStreetWordCode(code: number): boolean {
  return isLetterCode(code) || code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2d || code === 0x2f;
}

function isGap(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

/** "P.O. Box 104", "PO Box 12", "Postfach 1234": a post-office box, read back from its number. */
const postBoxBefore = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:P\.?${sp}?O\.?${sp}?Box|PO${sp}?Box|Post${sp}*Office${sp}+Box|Postbox|Post${sp}+box|Postfach|Apartado(?:${sp}+de${sp}+correos)?|Casilla)${sp}*#?${sp}*$`,
  'iu',
);
const boxNumber = /\d{1,6}(?![\p{L}\p{N}])/uy;

// "ox", "ch", "do", "os", "la" as two lower-case ASCII codes in one number; "| 0x20" lower-cases an ASCII letter.
const boxWordEndings = new Set(['ox', 'ch', 'do', 'os', 'la'].map((ending) => (ending.charCodeAt(0) << 8) | ending.charCodeAt(1)));

/** The post-office box whose number starts at `at`, if it is one. */
function postBoxAt(text: string, at: number): StreetLine | undefined {
  let k = at - 1;
  while (k >= 0 && (isGapCode(text.charCodeAt(k)) || text.charCodeAt(k) === 35)) k -= 1;
  // The last two letters of "box", "postfach", "apartado", "correos" or "casilla", in any case: "was 3", "also 4",
  // "to 5" are let go without a slice.
  if (k === at - 1 || !boxWordEndings.has(((text.charCodeAt(k - 1) | 0x20) << 8) | (text.charCodeAt(k) | 0x20))) return undefined;
  const label = postBoxBefore.exec(text.slice(Math.max(0, at - 32), at));
  boxNumber.lastIndex = at;
  const number = boxNumber.exec(text);
  if (label === null || number === null) return undefined;
  // "PSC 0413, Box 8144" is the first line of a military address, read from its ZIP code.
  if (/(?:PSC|CMR|Unit)[ \t\u00a0]+\d{1,5},?[ \t\u00a0]+$/iu.test(text.slice(Math.max(0, at - label[0].length - 14), at - label[0].length))) return undefined;
  return { start: at - label[0].length, end: at + number[0].length, yearLike: false };
}

// The ship's name group captures (nothing reads it) so that V8 does not copy it once per repetition.
/** US military mail: "PSC 1234, Box 5678\nAPO AE 09012", "Unit 4719 Box 7394\nDPO AP 70942", "USNS Mercy\nFPO AP 96678". */
const militaryAddress = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:PSC|CMR|Unit)${sp}+\d{1,5},?${sp}+Box${sp}+\d{1,5}|(?:USNS|USS|USCGC|USNV)${sp}+\p{L}[\p{L}\p{M}'’\-]*(${sp}+\p{L}[\p{L}\p{M}'’\-]*){0,2})` +
    String.raw`${sp}*,?${sp}*(?:\r?\n${sp}*)?(?:APO|FPO|DPO)${sp}+(?:AA|AE|AP)${sp}+\d{5}(?:-\d{4})?$`,
  'iu',
);

/** The military address whose ZIP code starts at `at` ("APO AE 09012"), if it is one. */
function militaryAddressAt(text: string, at: number): StreetLine | undefined {
  // "APO AE 09012": a space, then "AA", "AE" or "AP" in any case, before the ZIP code.
  const code = text.charCodeAt(at - 2) | 0x20;
  if (!isGapCode(text.charCodeAt(at - 1)) || (code !== 97 && code !== 101 && code !== 112) || (text.charCodeAt(at - 3) | 0x20) !== 97) return undefined;
  let end = at;
  while (isDigitCode(text.charCodeAt(end)) || (text.charCodeAt(end) === 45 && isDigitCode(text.charCodeAt(end + 1)))) end += 1;
  if (isDigitCode(text.charCodeAt(end)) || /[\p{L}]/u.test(text.charAt(end))) return undefined;
  const from = Math.max(0, at - 80);
  const match = militaryAddress.exec(text.slice(from, end));
  return match === null ? undefined : { start: from + match.index, end, yearLike: false };
}

// "the corner of 3744 Retreat Avenue and Władysława Route": an intersection names a place as well as an address.
const intersectionStreet = String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-]*(?:${sp}+[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-]*){0,5}?`;
export const intersectionPattern = new RegExp(
  String.raw`(?<![\p{L}])(?:[Tt]he${sp}+)?[Cc]orner${sp}+of${sp}+(?<first>${intersectionStreet})${sp}+(?:and|&)${sp}+(?<second>[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*(?:${sp}+[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*){0,4})`,
  'gu',
);

/** Whether words name a street: they hold a number or a street type, or are capitalised. */
export function looksLikeStreet(words: string): { street: boolean; strong: boolean } {
  const parts = words.split(/\s+/u);
  const strong =
    /\d/u.test(words) ||
    parts.some((p) => isEnglishStreetType(withoutDot(p).toLowerCase()) || isFrenchStreetType(p.toLowerCase()) || isCompoundStreet(p) || separateStreetType.test(p) || typeFirstWords.has(p.toLowerCase()));
  return { street: strong || parts.every((p) => isCapitalised(p) || nameParticle.test(p)), strong };
}

/** Where the second street of an intersection ends: its capitalised words, or as far as its street type. */
export function intersectionSecondEnd(second: string): number {
  const parts = [...second.matchAll(/\S+/gu)];
  const capital = isCapitalised(second) || /^\d/u.test(second);
  let end = 0;
  for (const part of parts) {
    const word = part[0];
    if (capital && !isCapitalised(word) && !/^\d/u.test(word) && !nameParticle.test(word)) break;
    end = part.index + word.length;
    if (!capital && isEnglishStreetType(withoutDot(word).toLowerCase())) break;
    if (!capital && part.index > 0) break;
  }
  return end;
}
