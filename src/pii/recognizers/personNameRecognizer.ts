// Finds the names of people in a post — anyone's; the requester's own are re-marked later. A name is a common
// given name with a family name after it ("Marie Dupont", "DUPONT Marie", "Marie D."), a family name after a
// title ("Mme Dupont"), a Vietnamese name in family-first order, any capitalised words where a cue announces a
// person ("titulaire …", "my neighbour …", a signature), or a given name alone where it greets or signs.
// One pass over the words; the costlier context checks run only for words that a quick look lets through.
import { titleWordList } from '../courtesyTitles';
import { commonFamilyNameList, hasFamilyNameEnding } from '../familyNames';
import { foldWord } from '../foldedText';
import { EndAnchoredPattern } from '../endAnchoredPattern';
import { FoldedWordFlags } from '../foldedWordFlags';
import { ambiguousGivenNameList, givenNameList } from '../givenNames';
import {
  endsPhrase,
  isAddressed,
  isAnnounced,
  isAnnouncedOnLineBefore,
  isFollowedByPersonVerb,
  isIntroducedAsRelation,
  isLiteraryContext,
  isNamedWithRole,
  isRoleNoun,
  isSelfIntroduction,
  isSignature,
  mayBeCuedBefore,
  mentionsBooks,
  roleNounList,
  startsLine,
} from '../nameContext';
import { ordinaryWordLists } from '../ordinaryWords';
import { familyFirstSurnameList } from '../personName';
import { listedNames, repeatedMentions, transcriptSpeakers } from '../nameMentions';
import type { Recognizer } from '../recognizer';
import { isWholeToken } from '../tokenBoundary';
import type { Span } from '../types';
import { WordScanner } from '../wordBounds';

type Shape = 'cap' | 'upper' | 'lower' | 'initial';

interface Word {
  start: number;
  end: number;
  shape: Shape;
  /** Folded when first needed: most words are only looked up in `wordFlags`. Present from the start, so that every
   * word has the same shape for the engine. */
  folded: string | undefined;
  /** The bits of the lists that hold the folded word (see wordFlags). */
  flags: number;
}

/** One text being read: its words, and whether it talks about books at all (most posts do not). */
interface Reading {
  text: string;
  words: Word[];
  /** Looked up once, when a name first needs it. */
  aboutBooks?: boolean;
  /** Whether the text has no capital at all, looked up once when a lower-case given name first needs it. */
  allLowerCase?: boolean;
}

interface Found {
  start: number;
  end: number;
  /** 0 for words read as something else (a book, a brand): skipped, not reported. */
  score: number;
  nextWord: number;
}

// Letters only Vietnamese uses (ă đ ơ ư and the dot-below and hook-above vowels).
const vietnameseLetters = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;
const vietnameseMiddleNames = new Set([
  'van', 'thi', 'thu', 'quang', 'minh', 'ngoc', 'duc', 'huu', 'thanh', 'hoang', 'xuan', 'kim', 'hong', 'anh', 'gia', 'dinh', 'cong',
  'manh', 'bao', 'tuan', 'huy', 'dung', 'thao', 'lan', 'huong', 'linh', 'mai', 'hoa', 'trang', 'hanh', 'phuong', 'nam', 'long',
  'hung', 'hai', 'khanh', 'son', 'tung', 'hieu', 'thuy', 'nga', 'hien', 'hang', 'yen', 'vy', 'trung', 'kien', 'cuong', 'phong',
]);
// Given names that are everyday English or French words when typed in lower case ("she said", "une pierre"): in a
// post all in lower case, they are only names where a cue says so.
const lowerCaseWords = new Set([
  'said', 'hang', 'jack', 'nick', 'marie', 'pierre', 'manuel', 'victoire', 'mai', 'rose', 'olive', 'colin', 'ping', 'deja', 'lise', 'ola',
]);
// Typed in lower case, "miss" and "me" are verbs and pronouns; these are titles whatever their case.
const lowerCaseTitles = new Set(['mr', 'mrs', 'ms', 'mme', 'mlle', 'dr', 'madame', 'monsieur', 'mademoiselle']);

// Every list a word is looked up in, as bits of one table: a word is looked up once, without a slice or a fold.
const givenBit = 1;
const ambiguousGivenBit = 1 << 1;
const commonFamilyBit = 1 << 2;
const sentenceWordBit = 1 << 3;
const thingWordBit = 1 << 4;
const particleBit = 1 << 5;
const titleBit = 1 << 6;
const titleNeedingDotBit = 1 << 7;
const familyFirstBit = 1 << 8;
const vietnameseMiddleBit = 1 << 9;
const lowerCaseWordBit = 1 << 10;
const lowerCaseTitleBit = 1 << 11;
const placeOrTitleBeforeBit = 1 << 12;
const roleNounBit = 1 << 13;
const commonLowerWordBit = 1 << 14;
const personParticleBit = 1 << 15;
const neverANameBits = sentenceWordBit | thingWordBit;
// Every lower-case word that may open a name: given names, titles, Vietnamese family names.
const lowerNameBits = givenBit | lowerCaseTitleBit | familyFirstBit;

// Words before a given name that make it a place's or a thing's: "La Rochelle", "San Diego", "The Davis Orchestra".
const placeOrTitleBefore = ['la', 'le', 'les', 'el', 'los', 'las', 'san', 'santa', 'sao', 'the', 'fort', 'port', 'cape', 'lake', 'mount', 'saint', 'st', 'ste'];
// Particles that, unlike "de" or "del" ("Costa del Sol", "Rio de Janeiro"), hardly ever sit inside a place's name.
const personParticles = ['van', 'von', 'ter', 'ten', 'bin', 'ibn', 'ben', 'ould', 'ait'];

const titles = titleWordList();
const wordFlags = new FoldedWordFlags([
  [givenNameList(), givenBit],
  [ambiguousGivenNameList(), ambiguousGivenBit],
  [commonFamilyNameList(), commonFamilyBit],
  [ordinaryWordLists.sentenceWords, sentenceWordBit],
  [ordinaryWordLists.thingWords, thingWordBit],
  [ordinaryWordLists.particles, particleBit],
  [ordinaryWordLists.commonLowerWords, commonLowerWordBit],
  [titles.titles, titleBit],
  [titles.needingDot, titleNeedingDotBit],
  [familyFirstSurnameList(), familyFirstBit],
  [vietnameseMiddleNames, vietnameseMiddleBit],
  [lowerCaseWords, lowerCaseWordBit],
  [lowerCaseTitles, lowerCaseTitleBit],
  [placeOrTitleBefore, placeOrTitleBeforeBit],
  [roleNounList(), roleNounBit],
  [personParticles, personParticleBit],
]);

/** The bits of a folded word, which may not be a word of the text ("pierre" of "pierre-yves"). */
function flagsOfFolded(folded: string): number {
  return wordFlags.ofFolded(folded);
}

function hasHyphen(text: string, word: Word): boolean {
  for (let at = word.start; at < word.end; at++) if (text.charCodeAt(at) === 0x2d) return true;
  return false;
}

/** Whether a lower-case word may be a given name, a title or a Vietnamese family name. */
function mayBeLowerCaseName(text: string, word: Word): boolean {
  if ((word.flags & lowerNameBits) !== 0) return true;
  // "pierre-yves": a compound given name is looked up by its first part.
  if (!hasHyphen(text, word)) return false;
  const name = folded(text, word);
  return (flagsOfFolded(name.slice(0, name.indexOf('-'))) & lowerNameBits) !== 0;
}

/** A title written before a family name ("Mme", "Dr"); a short one ("M", "Me") only with its dot after it. */
function isTitleWord(text: string, word: Word, next: string): boolean {
  if ((word.flags & titleBit) === 0) return false;
  return (word.flags & titleNeedingDotBit) === 0 || next.startsWith('.');
}

function isNeverAName(word: Word): boolean {
  return (word.flags & neverANameBits) !== 0;
}

export const personNameRecognizer: Recognizer = {
  name: 'person name',
  recognize(text) {
    const reading: Reading = { text, words: readWords(text) };
    const spans: Span[] = [];
    const { words } = reading;
    let i = 0;
    while (i < words.length) {
      const found = nameAt(reading, i);
      if (found) {
        if (found.score > 0 && !namesCompany(text, found.end)) spans.push({ start: found.start, end: found.end, type: 'person', owner: 'other', score: found.score });
        i = Math.max(found.nextWord, i + 1);
      } else i += 1;
    }
    if (spans.length === 0) return spans;
    if (spans.length >= 2) spans.push(...listedNames(text, words, spans));
    // A transcript is read only when a name found opens a line as a speaker's label: "Nicole: Remember me?".
    if (spans.some((s) => text.charCodeAt(s.end) === 58 && startsLine(text, s.start))) spans.push(...transcriptSpeakers(text, spans));
    spans.push(...repeatedMentions(text, words, spans));
    return spans.sort((a, b) => a.start - b.start);
  },
};

// "Drake PLC", "Aunt Bertha Inc": a company named after a person is no person.
const companyAfter = /^[ \t]*,?[ \t]*(?:Inc|Ltd|LLC|LLP|PLC|plc|GmbH|Corp|Corporation|Company|Co|SA|SARL|SAS|AG|BV|NV|Group|Partners|Associates|& Co|and Sons|& Sons)\b/u;

function namesCompany(text: string, end: number): boolean {
  const next = text.charCodeAt(end + 1);
  return (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 44) && (next === 38 || (next >= 65 && next <= 90) || next === 97) && companyAfter.test(text.slice(end, end + 16));
}

const scanner = new WordScanner();

function readWords(text: string): Word[] {
  const count = scanner.scan(text);
  const bounds = scanner.bounds;
  const words: Word[] = [];
  for (let k = 0; k < count * 3; k += 3) {
    const start = bounds[k] ?? 0;
    let end = bounds[k + 1] ?? 0;
    const hash = bounds[k + 2] ?? -1;
    let flags: number;
    // "Daniel's daughter": the possessive is not part of the name (and not of the hash taken while scanning).
    if (end - start > 3 && (text.charCodeAt(end - 1) === 115 || text.charCodeAt(end - 1) === 83) && isApostrophe(text.charCodeAt(end - 2))) {
      end -= 2;
      flags = wordFlags.at(text, start, end);
    } else flags = hash === -1 ? wordFlags.at(text, start, end) : wordFlags.atHashed(hash, text, start, end);
    words.push({ start, end, shape: shapeOf(text, start, end), folded: undefined, flags });
  }
  return words;
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

function shapeOf(text: string, start: number, end: number): Shape {
  if (!isUpperAt(text, start)) return 'lower';
  if (end - start === 1) return text[end] === '.' ? 'initial' : 'upper';
  return isUpperAt(text, start + 1) || (end - start > 2 && !isLetterAt(text, start + 1) && isUpperAt(text, start + 2)) ? 'upper' : 'cap';
}

// Letter case by code unit: an ASCII fast path, then the general test for accented capitals ("É", "Ł").
function isUpperAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return code >= 65 && code <= 90;
  const char = text.charAt(at);
  return char !== char.toLowerCase();
}

function isLetterAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  const char = text.charAt(at);
  return char.toLowerCase() !== char.toUpperCase();
}

/** Whether a word stands on its own: the usual case (space or punctuation around it) without the full check. */
function standsAlone(text: string, start: number, end: number): boolean {
  return (isPlainEdge(text.charCodeAt(start - 1)) && isPlainEdge(text.charCodeAt(end))) || isWholeToken(text, start, end);
}

// At module level, not a closure in standsAlone: it runs for most capitalised words.
function isPlainEdge(code: number): boolean {
  return Number.isNaN(code) || code === 32 || code === 10 || code === 44 || code === 33 || code === 63 || code === 58 || code === 40 || code === 41;
}

function folded(text: string, word: Word): string {
  word.folded ??= foldWord(text.slice(word.start, word.end));
  return word.folded;
}

function isCapitalised(word: Word | undefined): word is Word {
  return word !== undefined && (word.shape === 'cap' || (word.shape === 'upper' && word.end - word.start >= 2));
}

/** A common family name, or a word with a family name's ending ("Szczepańska", "Guðmundsdóttir"). */
function isFamilyName(text: string, word: Word): boolean {
  return (word.flags & commonFamilyBit) !== 0 || hasFamilyNameEnding(text.slice(word.start, word.end));
}

/** "Marie", and the compound "Pierre-Yves" or "Jean-François" whose parts are all given names. */
function isGivenName(text: string, word: Word): boolean {
  // "TIA", "Hope": words that start or close sentences are not names, whatever a list of names says.
  if ((word.flags & givenBit) !== 0) return (word.flags & sentenceWordBit) === 0;
  return hasHyphen(text, word) && folded(text, word).split('-').every((part) => (flagsOfFolded(part) & givenBit) !== 0);
}

/** The gap between two words of one name: a space; ". " after an initial; one line break in a wrapped name. */
function joins(text: string, left: Word, right: Word, allowLineBreak: boolean): boolean {
  const gapLength = right.start - left.end;
  if (gapLength === 1 && (text[left.end] === ' ' || text[left.end] === '\u00a0')) return true;
  if (left.shape === 'initial' && text[left.end] === '.' && (gapLength === 1 || (gapLength === 2 && text[left.end + 1] === ' '))) return true;
  if (!allowLineBreak || gapLength > 4 || !/^[ \t]*\n[ \t]*$/u.test(text.slice(left.end, right.start))) return false;
  // "contact Jean\nDupont at…" or a signature "Jeanne\nMartin": the next line must not start a new sentence.
  return /^[ \t]*(?:[.,!]?[ \t]*$|[.,]?[ \t]+\p{Ll})/u.test(text.slice(right.end, right.end + 12).split('\n')[0] ?? '');
}

/** Whether a word can be (part of) a family name: capitalised, not a brand, place word or sentence word. */
function isFamilyWord(text: string, word: Word | undefined): boolean {
  if (!isCapitalised(word)) return false;
  if (word.shape === 'upper' && word.end - word.start <= 2) return false; // "HD", "BW", "OR"
  return !isNeverAName(word);
}

function isLowerFamily(text: string, word: Word): boolean {
  return word.shape === 'lower' && word.end - word.start >= 3 && (word.flags & commonLowerWordBit) === 0;
}

/** The index after the family name that starts at `from` (particles and a final initial included). */
function familyEnd(reading: Reading, from: number, limit: number, options: { lowerToo?: boolean; joined?: boolean } = {}): number {
  const { text, words } = reading;
  const lowerToo = options.lowerToo === true;
  let k = from;
  while (k < words.length && k - from < limit) {
    const word = words[k];
    const previous = words[k - 1];
    if (word === undefined) break;
    const joined = k === from && options.joined === true;
    if (!joined && (previous === undefined || !joins(text, previous, word, k === from && !lowerToo && previous.shape !== 'lower'))) break;
    if (!standsAlone(text, word.start, word.end)) break;
    const next = words[k + 1];
    if (word.shape !== 'initial' && (word.flags & particleBit) !== 0 && next !== undefined && joins(text, word, next, false)) {
      if (isFamilyWord(text, next) || (lowerToo && isLowerFamily(text, next))) {
        k += 1;
        continue;
      }
      // Two particles: "van de Noort", "de la Fuente", "van der Berg".
      const after = words[k + 2];
      if ((next.flags & particleBit) !== 0 && after !== undefined && joins(text, next, after, false) && isFamilyWord(text, after)) {
        k += 2;
        continue;
      }
    }
    // A middle initial, with its dot or without, when a family name follows: "Abby M. Laidlaw", "Ryan P Costa".
    const isLetter = word.shape === 'initial' || (word.shape === 'upper' && word.end - word.start === 1);
    if (isLetter && next !== undefined && k > 0 && isFamilyWord(text, next) && joins(text, word, next, false) && (word.shape === 'initial' || text.charCodeAt(word.end) === 32)) {
      k += 1;
      continue;
    }
    if (word.shape === 'initial') return k + 1;
    // "Kevin Veitonen II", "Ada Okoro MD": a generation or a degree after the family name belongs to the name.
    if (k > from && (word.shape === 'upper' || word.shape === 'cap') && nameSuffix.test(text.slice(word.start, word.end))) return k + 1;
    // "bertram m. jørgensen": a middle initial in lower case, with its dot, before a family name in lower case.
    if (lowerToo && word.shape === 'lower' && word.end - word.start === 1 && text[word.end] === '.' && next !== undefined && isLowerFamily(text, next)) {
      k += 1;
      continue;
    }
    if (isFamilyWord(text, word) || (lowerToo && isLowerFamily(text, word))) {
      k += 1;
      continue;
    }
    break;
  }
  return k;
}

const nameSuffix = /^(?:II|III|IV|Jr|Sr|MD|DDS|DMD|DVM|PhD|Esq)$/u;

/** End offset of the words [from, to): the dot of a final initial belongs to the name. */
function endOf(reading: Reading, to: number): number {
  const last = reading.words[to - 1];
  if (last === undefined) return 0;
  return last.shape === 'initial' && reading.text[last.end] === '.' ? last.end + 1 : last.end;
}

function found(reading: Reading, from: number, to: number, score: number): Found | undefined {
  const first = reading.words[from];
  return first && { start: first.start, end: endOf(reading, to), score, nextWord: to };
}

function isSentenceStart(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 4), start);
  return before.trim() === '' || /[.!?:]\s+$|\n\s*$/u.test(before);
}

/** A cue that makes the words a person whatever they are; the quick look first, then the checks. */
function hasPersonCue(text: string, start: number, end: number): boolean {
  const cuedBefore = mayBeCuedBefore(text, start);
  const atLineStart = startsLine(text, start);
  const closing = endsPhrase(text, end);
  return (
    (cuedBefore && (isAddressed(text, start, end) || isIntroducedAsRelation(text, start) || isAnnounced(text, start) || isSelfIntroduction(text, start))) ||
    (atLineStart && (isAnnouncedOnLineBefore(text, start) || (closing && isSignature(text, start, end)))) ||
    (closing && !atLineStart && isSignature(text, start, end)) ||
    isNamedWithRole(text, end)
  );
}

function isLiterary(reading: Reading, start: number, end: number): boolean {
  reading.aboutBooks ??= mentionsBooks(reading.text);
  return reading.aboutBooks && isLiteraryContext(reading.text, start, end);
}

function nameAt(reading: Reading, i: number): Found | undefined {
  const { text, words } = reading;
  const word = words[i];
  if (word === undefined) return undefined;
  if (word.shape === 'lower') return lowerCaseNameAt(reading, i);
  if (word.shape === 'initial') return isTitleWord(text, word, '.') ? titledName(reading, i) : initialledName(reading, i);
  if (!standsAlone(text, word.start, word.end)) return undefined;
  const before = text[word.start - 1];
  if (before === '@' || before === '#' || before === '/' || before === '_') return undefined;

  // "Mme Dupont", "Mr. Carter", "M. Ouali": the title stays outside the span.
  if (isTitleWord(text, word, text.charAt(word.end))) return titledName(reading, i);

  // "DUPONT Marie": a family name in capitals before the given name.
  if (word.shape === 'upper' && word.end - word.start >= 3 && !isNeverAName(word)) {
    const next = words[i + 1];
    if (next?.shape === 'cap' && isGivenName(text, next) && joins(text, word, next, false)) {
      return found(reading, i, Math.max(familyEnd(reading, i + 2, 1), i + 2), 0.85);
    }
  }

  if ((word.flags & familyFirstBit) !== 0) {
    const vietnamese = familyFirstName(reading, i);
    if (vietnamese) return vietnamese;
  }

  if (isGivenName(text, word)) return givenName(reading, i);

  // Any capitalised words where a cue announces a person: "titulaire Hélène CARPENTIER", "Cheers,\nOlivia THOMPSON".
  if (isCapitalised(word) && !isNeverAName(word)) return cuedName(reading, i);
  return undefined;
}

// "for" or "pour" just before a title: what follows is read as a book's title (see titledName).
const forBefore = new EndAnchoredPattern(String.raw`\b(?:for|pour)[ \t]+`, 'iu');

function titledName(reading: Reading, i: number): Found | undefined {
  const { text, words } = reading;
  const title = words[i];
  const next = words[i + 1];
  if (!title || !next || (title.shape === 'lower' && (title.flags & lowerCaseTitleBit) === 0)) return undefined;
  const gap = text.slice(title.end, next.start);
  if (gap !== ' ' && gap !== '. ' && gap !== '\u00a0' && gap !== '.\u00a0') return undefined;
  const end = familyEnd(reading, i + 1, 3, { joined: true });
  if (end <= i + 1) return undefined;
  const start = next.start;
  const stop = endOf(reading, end);
  // "Mr Mercedes", "Monsieur Ibrahim et les fleurs du Coran", "Mrs Dalloway" are books.
  const bookLike = isLiterary(reading, start, stop) || forBefore.endsWithin(text.slice(Math.max(0, title.start - 6), title.start));
  const score = bookLike && !isAnnounced(text, title.start) ? 0 : 0.8;
  return { start, end: stop, score, nextWord: end };
}

/** "Nguyễn Thu Thảo", "HUỲNH Quang Dũng": family name first, then middle and given names. */
function familyFirstName(reading: Reading, i: number): Found | undefined {
  const { text, words } = reading;
  const word = words[i];
  if (!word) return undefined;
  let vietnamese = vietnameseLetters.test(text.slice(word.start, word.end));
  if (!isCapitalised(word) && !vietnamese) return undefined;
  let end = i + 1;
  while (end < words.length && end - i < 4) {
    const next = words[end];
    const previous = words[end - 1];
    if (!next || !previous || !joins(text, previous, next, false)) break;
    const written = text.slice(next.start, next.end);
    const hasMarks = vietnameseLetters.test(written);
    if (!hasMarks && (next.flags & vietnameseMiddleBit) === 0) break;
    if (next.shape === 'lower' && word.shape !== 'lower') break;
    if (!isCapitalised(next) && word.shape !== 'lower' && !hasMarks) break;
    vietnamese ||= hasMarks;
    end += 1;
  }
  if (end - i < 2 || (!vietnamese && end - i < 3)) return undefined;
  if (word.shape === 'lower' && !hasPersonCue(text, word.start, endOf(reading, end))) return undefined;
  return found(reading, i, end, 0.8);
}

/** A common given name, with the family name after it when there is one. */
function givenName(reading: Reading, i: number): Found | undefined {
  const { text, words } = reading;
  const word = words[i];
  if (!word) return undefined;
  const previous = words[i - 1];
  // "Kobo Clara", "rue Victor Hugo", "Central Library": part of the name of a thing or a place.
  if (previous && joins(text, previous, word, false) && (previous.flags & thingWordBit) !== 0) return undefined;
  const end = familyEnd(reading, i + 1, 3);
  if (end === i + 1) return givenAlone(reading, i);
  const stop = endOf(reading, end);
  const ambiguous = (word.flags & ambiguousGivenBit) !== 0 && isSentenceStart(text, word.start);
  const literary = isLiterary(reading, word.start, stop) || isCreditedAfterTitle(text, word.start);
  const cued = hasPersonCue(text, word.start, stop) || (ambiguous && !literary && isFollowedByPersonVerb(text, stop));
  if ((ambiguous || literary) && !cued) return literary ? { start: word.start, end: stop, score: 0, nextWord: end } : undefined;
  return found(reading, i, end, 0.85);
}

// "It Ends with Us by Colleen Hoover": after a title's capitalised word (not a sentence's first), "by" credits an
// author, a band or a director.
const creditAfterTitle = new EndAnchoredPattern(String.raw`[\p{L},][ \t]+\p{Lu}[\p{L}'’]*[ \t]+by[ \t]+`, 'u');

function isCreditedAfterTitle(text: string, start: number): boolean {
  return creditAfterTitle.endsWithin(text.slice(Math.max(0, start - 30), start));
}

/** "J. Smith", "M.-C. Dupont" is rarer: an initial, then a family name that is a common one or has a cue. */
function initialledName(reading: Reading, i: number): Found | undefined {
  const { text, words } = reading;
  const word = words[i];
  const next = words[i + 1];
  if (!word || !next || !joins(text, word, next, false) || !isFamilyWord(text, next) || !standsAlone(text, word.start, word.end)) return undefined;
  // "I. Introduction", "A. Smith" at a list's start would be read as initials too: a common family name or a cue.
  const end = familyEnd(reading, i + 1, 2);
  const stop = endOf(reading, end);
  const cued = isFamilyName(text, next) || hasPersonCue(text, word.start, stop) || isFollowedByPersonVerb(text, stop);
  if (!cued || isLiterary(reading, word.start, stop)) return undefined;
  return found(reading, i, end, 0.75);
}

/** A given name with no family name: a person only where it greets, signs, is introduced, or acts. */
function givenAlone(reading: Reading, i: number): Found | undefined {
  const { text, words } = reading;
  const word = words[i];
  if (!word) return undefined;
  const end = endOf(reading, i + 1);
  const cuedBefore = mayBeCuedBefore(text, word.start);
  const closing = endsPhrase(text, end);
  const strong =
    (closing && (isAddressed(text, word.start, end) || isSignature(text, word.start, end))) || (cuedBefore && isIntroducedAsRelation(text, word.start));
  const weaker =
    (cuedBefore && (isAnnounced(text, word.start) || isSelfIntroduction(text, word.start))) || isNamedWithRole(text, end) || isFollowedByPersonVerb(text, end);
  if (strong || (weaker && (word.flags & ambiguousGivenBit) === 0)) return { start: word.start, end, score: 0.7, nextWord: i + 1 };
  // A given name that is no ordinary word is a person's wherever it stands ("Tomomi is from Osaka", "ask Leif"),
  // but for a place ("La Rochelle", "The Davis Orchestra") or a title ("Klara and the Sun").
  if ((word.flags & ambiguousGivenBit) !== 0 || isLiterary(reading, word.start, end)) return undefined;
  // Alone means alone: in "rue Victor Hugo" or "Hugo Boss" the name is part of other capitalised words (but for a
  // word that opens sentences: "Yesterday Ingeborg fixed it").
  const previous = words[i - 1];
  if (previous !== undefined && joins(text, previous, word, false)) {
    if ((previous.flags & placeOrTitleBeforeBit) !== 0 || (isCapitalised(previous) && (previous.flags & sentenceWordBit) === 0)) return undefined;
  }
  const next = words[i + 1];
  if (next !== undefined && isCapitalised(next) && joins(text, word, next, false)) return undefined;
  if (titleAfter.test(text.slice(end, end + 12))) return undefined;
  return { start: word.start, end, score: 0.5, nextWord: i + 1 };
}

const titleAfter = /^[ \t]+(?:and|&|of|et)[ \t]+(?:the|la|le|les)[ \t]+\p{Lu}/u;

/** Capitalised words that are not a known name: a person only where a cue says so. */
function cuedName(reading: Reading, i: number): Found | undefined {
  const { text, words } = reading;
  const word = words[i];
  if (!word) return undefined;
  const cuedBefore = mayBeCuedBefore(text, word.start);
  const atLineStart = startsLine(text, word.start);
  const next = words[i + 1];
  // "User:", "Answer:", "Edit:": a word before a colon labels what follows. "Coach Vree": a role comes before a name.
  if (text.charCodeAt(word.end) === 58 || (word.flags & roleNounBit) !== 0) return undefined;
  // The common case, a capitalised word opening a sentence ("Sold my…"), is let go after a glance.
  const nextIsLetter = next !== undefined && (next.shape === 'initial' || (next.shape === 'upper' && next.end - next.start === 1));
  if (!cuedBefore && !atLineStart && !endsPhrase(text, word.end) && !((isCapitalised(next) || nextIsLetter) && joins(text, word, next as Word, false))) return undefined;
  let end = familyEnd(reading, i, 4, { joined: true });
  // "Ask Jean Dupont": a known given name further on starts the name; the words before it are the sentence's.
  // Not in a Vietnamese name, where the given name comes last: "Trần Văn Huy".
  for (let k = i + 1; k < end; k++) {
    const later = words[k];
    const before = words[k - 1];
    if (!later || !before || !isGivenName(text, later)) continue;
    if ((before.flags & vietnameseMiddleBit) !== 0 || vietnameseLetters.test(text.slice(before.start, before.end))) continue;
    end = k;
  }
  if (end <= i) return undefined;
  const stop = endOf(reading, end);
  const several = end - i >= 2;
  const closing = endsPhrase(text, stop);
  const last = words[end - 1];
  const familyLast = several && last !== undefined && isFamilyName(text, last);
  // Most capitalised words start a sentence or name a thing: only those with a hint go on to the checks.
  if (!cuedBefore && !atLineStart && !closing && !familyLast && !several) return undefined;
  const announced =
    (cuedBefore && (isAnnounced(text, word.start) || isIntroducedAsRelation(text, word.start))) ||
    (atLineStart && isAnnouncedOnLineBefore(text, word.start)) ||
    // "My name is Tatiana Oyelaran", "Tatiana Dupont", "Oyelaran Tatiana said": two words and a person's cue.
    (several && (familyLast || (cuedBefore && isSelfIntroduction(text, word.start)) || isFollowedByPersonVerb(text, stop))) ||
    hasMiddleInitial(reading, i, end) ||
    hasDutchOrArabicParticle(reading, i, end);
  // An unknown word alone on the last line is as often a product or a greeting: it needs a closing line.
  const signing = closing && isSignature(text, word.start, stop) && closesAfterSalutation(text, word.start);
  if ((announced || signing) && !isLiterary(reading, word.start, stop)) return found(reading, i, end, 0.75);
  if (!several && (cuedBefore || closing) && (isAddressed(text, word.start, stop) || isSelfIntroduction(text, word.start))) return found(reading, i, end, 0.6);
  // Not a name from here ("Taanks", "I’m"): the next word may still start one ("Ainhoa", "Giulia").
  return undefined;
}


/** "Maika van de Noort", "Karim ben Salah": a capitalised word, a family name's particle, a capitalised word. */
function hasDutchOrArabicParticle(reading: Reading, i: number, end: number): boolean {
  const { text, words } = reading;
  const first = words[i];
  const particle = words[i + 1];
  if (end - i < 3 || !first || !particle || first.shape !== 'cap' || particle.shape !== 'lower' || isNeverAName(first)) return false;
  return (particle.flags & personParticleBit) !== 0 && isFamilyWord(text, words[end - 1]);
}

/**
 * "Magda K. Björklund", "Mijail C Adomo": a middle initial between two capitalised words is how a person's name is
 * written. With its dot anywhere; without one ("Plan B Studio" is no name), only as a line of its own.
 */
function hasMiddleInitial(reading: Reading, i: number, end: number): boolean {
  const { text, words } = reading;
  const first = words[i];
  const initial = words[i + 1];
  const last = words[end - 1];
  if (end - i !== 3 || !first || !initial || !last || first.shape !== 'cap' || !isFamilyWord(text, last) || last.end - last.start < 2) return false;
  if (isNeverAName(first)) return false;
  if (initial.shape === 'initial') return true;
  return initial.shape === 'upper' && initial.end - initial.start === 1 && fillsLine(text, first.start, last.end);
}

/** Whether the words from `start` to `end` are their line's, but for a quote's or a list's marks before them. */
function fillsLine(text: string, start: number, end: number): boolean {
  const lineFrom = text.lastIndexOf('\n', start - 1) + 1;
  return /^[ \t>|•·*?-]*$/u.test(text.slice(lineFrom, start)) && /^[ \t]*(?:\r?\n|$)/u.test(text.slice(end, end + 3));
}

function closesAfterSalutation(text: string, start: number): boolean {
  const lineFrom = text.lastIndexOf('\n', start - 1) + 1;
  if (/[-—–~]/u.test(text.slice(lineFrom, start))) return true;
  const before = text.slice(Math.max(0, lineFrom - 40), lineFrom).trimEnd();
  return salutationEnd.endsWithin(before);
}

const salutationEnd = new EndAnchoredPattern(String.raw`(?:,|--|—|\b(?:a\+|à\+|bises|cheers|thanks|thx|merci|regards|best|cordialement))[ \t]*`, 'iu');

/** "thanks daniel!", "cheers,\njames", "titulaire maxime roussel", "to huỳnh thu hạnh": lower case needs a cue. */
function lowerCaseNameAt(reading: Reading, i: number): Found | undefined {
  const { text, words } = reading;
  const word = words[i];
  if (!word || word.end - word.start < 2 || word.end - word.start > 16) return undefined;
  // The quick look, one Set probe: most lower-case words are no name, title or Vietnamese family name at all.
  if (!mayBeLowerCaseName(text, word)) return undefined;
  const title = (word.flags & lowerCaseTitleBit) !== 0;
  const vietnamese = !title && (word.flags & familyFirstBit) !== 0 && vietnameseLetters.test(text.slice(word.start, word.end));
  // "will", "may", "mark" in lower case are words.
  const given = !title && !vietnamese && isGivenName(text, word) && (word.flags & ambiguousGivenBit) === 0;
  if (!title && !vietnamese && !given) return undefined;
  if (!standsAlone(text, word.start, word.end) || text[word.start - 1] === '@') return undefined;
  if (title) return titledName(reading, i);
  if (vietnamese) return familyFirstName(reading, i);
  const cuedBefore = mayBeCuedBefore(text, word.start);
  // "eva kleist lives at": the family name may be one word or two; a verb after it says where the name ends.
  const longest = familyEnd(reading, i + 1, 2, { lowerToo: true });
  if (longest > i + 1 && (cuedBefore || isAllLowerCase(reading))) {
    for (let withFamily = i + 2; withFamily <= longest; withFamily++) {
      const stop = endOf(reading, withFamily);
      if (isFollowedByPersonVerb(text, stop)) return { start: word.start, end: stop, score: 0.7, nextWord: withFamily };
    }
  }
  for (let withFamily = longest; withFamily > i + 1; withFamily--) {
    const stop = endOf(reading, withFamily);
    const last = words[withFamily - 1];
    const cued =
      (cuedBefore && (isAnnounced(text, word.start) || isIntroducedAsRelation(text, word.start))) ||
      isSignature(text, word.start, stop) ||
      isAnnouncedOnLineBefore(text, word.start) ||
      isFollowedByPersonVerb(text, stop) ||
      (isAllLowerCase(reading) && last !== undefined && isFamilyName(text, last));
    if (cued) return { start: word.start, end: stop, score: 0.7, nextWord: withFamily };
  }
  const addressed = cuedBefore || endsPhrase(text, word.end) ? isAddressed(text, word.start, word.end) || isSignature(text, word.start, word.end) : false;
  if (addressed || (cuedBefore && isIntroducedAsRelation(text, word.start))) return { start: word.start, end: word.end, score: 0.6, nextWord: i + 1 };
  // A post written all in lower case says nothing by its capitals: a known given name there is a name, as it would
  // be capitalised ("cormac had given cormac his address").
  if (isAllLowerCase(reading) && (word.flags & lowerCaseWordBit) === 0) return { start: word.start, end: word.end, score: 0.5, nextWord: i + 1 };
  return undefined;
}

function isAllLowerCase(reading: Reading): boolean {
  reading.allLowerCase ??= !/\p{Lu}/u.test(reading.text);
  return reading.allLowerCase;
}
