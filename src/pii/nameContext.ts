// What the words around a name say about it: addressed ("Thanks Paul!"), signing a post ("Cheers,\nPaul"),
// introduced as someone else ("my neighbour Paul"), announced ("titulaire : …"), or a book's author or character.
// Forum posts are full of typos ("Thaanks", "Cordialent"), so cue words match with one slip allowed.
import { EndAnchoredPattern } from './endAnchoredPattern';
import { FoldedWordFlags } from './foldedWordFlags';

const vocativeWords = ['hi', 'hello', 'hey', 'hiya', 'dear', 'thanks', 'thank you', 'thx', 'ty', 'cheers', 'merci', 'bonjour',
  'bonsoir', 'salut', 'coucou', 'cher', 'chère', 'ciao', 'hola', 'bravo', 'congrats', 'welcome', 'bienvenue', 'kudos'];
const closingWords = ['thanks', 'thank', 'thx', 'ty', 'cheers', 'regards', 'best', 'merci', 'cordialement', 'bises', 'bisous',
  'amitiés', 'salutations', 'sincerely', 'advance', "d'avance", 'd’avance', 'vous', 'soirée', 'soiree', 'journée', 'journee',
  'care', 'love', 'wishes', 'ciao', 'a+', 'à+', '++', 'peace', 'yours', 'beaucoup', 'encore', 'again'];
const relationNouns = ['friend', 'neighbour', 'neighbor', 'flatmate', 'roommate', 'housemate', 'partner', 'husband', 'wife',
  'boyfriend', 'girlfriend', 'colleague', 'coworker', 'co-worker', 'cousin', 'aunt', 'auntie', 'uncle', 'brother', 'sister', 'son',
  'daughter', 'mother', 'father', 'mum', 'mom', 'dad', 'grandmother', 'grandfather', 'grandma', 'grandpa', 'granny', 'niece',
  'nephew', 'boss', 'manager', 'teacher', 'tenant', 'landlord', 'landlady', 'mate', 'buddy', 'fiancé', 'fiancée', 'fiance',
  'ami', 'amie', 'copain', 'copine', 'voisin', 'voisine', 'colocataire', 'coloc', 'compagnon', 'compagne', 'mari', 'femme',
  'conjoint', 'conjointe', 'collègue', 'cousine', 'tante', 'oncle', 'frère', 'soeur', 'sœur', 'fils', 'fille', 'mère', 'père',
  'grand-mère', 'grand-père', 'mamie', 'papi', 'papy', 'beau-père', 'belle-mère', 'beau-frère', 'belle-sœur', 'neveu', 'nièce',
  'patron', 'patronne', 'locataire', 'propriétaire', 'filleul', 'filleule', 'parrain', 'marraine'];
const possessives = new Set(['my', 'our', 'his', 'her', 'their', 'your', 'a', 'an', 'mon', 'ma', 'mes', 'notre', 'nos', 'son',
  'sa', 'ses', 'leur', 'ton', 'ta', 'votre', 'un', 'une', 'old', 'best', 'dear', 'late', 'petit', 'petite', 'meilleur', 'meilleure']);

// What people are, written before their name. Not "author" or "writer": authors are public figures in their role.
const roleNouns = [
  'producer', 'director', 'ceo', 'founder', 'co-founder', 'chairman', 'chairwoman', 'president', 'senator', 'governor', 'mayor',
  'professor', 'coach', 'captain', 'detective', 'commenter', 'reporter', 'journalist', 'photographer', 'singer', 'songwriter',
  'drummer', 'guitarist', 'actor', 'actress', 'lawyer', 'attorney', 'nurse', 'dentist', 'pastor', 'judge', 'sergeant',
  'lieutenant', 'minister', 'spokesperson', 'spokesman', 'spokeswoman', 'councillor', 'councilor', 'constable', 'inspector',
];

const roleNounSet = new Set(roleNouns);

/** Every role noun, for compiling into a table of words. */
export function roleNounList(): string[] {
  return [...roleNouns];
}

/** "Coach", "producer": a role written before a person's name, not part of it. */
export function isRoleNoun(lowerCase: string): boolean {
  return roleNounSet.has(lowerCase);
}

// Words that announce a name: whoever follows is a person even if the name is not a common one.
const announcingCue = new EndAnchoredPattern(
  String.raw`(?:\b(?:titulaire|(?:account|card)[ -]?holder|holder|name on (?:the )?(?:card|account|form|parcel|order)(?: is)?|` +
    String.raw`(?:in|under) my name|my name(?: is)?|à mon nom|au nom de|mon nom(?: est)?|billed to|bill to|factur[ée]e? à|` +
    String.raw`ship(?:ped)? (?:it |them )?to|deliver(?:ed)? to|livr[ée]e? à|please contact|contact(?:er|ez)?|ask|demande[rz]? à|` +
    String.raw`thanks to|thank you to|merci à|meri à|grâce à|signed|signé|interphone|(?:bell|door) marked|c\/o|attn|` +
    String.raw`(?:sold|gave|lent|vendu[es]?|donné[es]?|prêté[es]?)\b[^.!?\n]{0,40}\b(?:to|à)|bought\b[^.!?\n]{0,30}\bfrom|` +
    String.raw`achet[ée]e?s?\b[^.!?\n]{0,30}\bà|(?:name|nom|owner|propriétaire|contact)\s*:|de la part de)` +
    // A dialogue's turn label may stand between the question and the name: "… name on the account? User: Šárka Ottová".
    String.raw`\s*[:,?]?\s*(?:\p{Lu}\p{L}*\s*:\s*)?)`,
  'iu',
);
// More words that announce a name, each tried only after the word it ends with (see laterCueWords): the pattern
// above runs for every capitalised word after a cue word, and these end in words as common as "is" and "with".
const laterCue = new EndAnchoredPattern(
  // "Her maiden name is …", "What's your last name? …", "my grandmother was called …", "everyone calls me …".
  String.raw`(?:\b(?:(?:first|last|maiden|middle|full|given|family|real|sur)[ -]?name(?: is| was)|` +
    String.raw`what(?:'s|’s| is) (?:your|his|her|their|the) (?:\w+ )?name\s*\?|` +
    String.raw`(?:he|she|i|who|father|mother|grandfather|grandmother|son|daughter|brother|sister|wife|husband|friend|baby|kid|child)\b[^.!?\n]{0,20}\b(?:called|named)|` +
    String.raw`named (?:him|her|them)|calls? me|call (?:him|her)|speak(?:ing)? (?:to|with)|talk(?:ed|ing)? (?:to|with)|follow(?:ed)? up with|` +
    String.raw`assistant to|married(?: to)?)|` +
    // A quote's speaker: "… in that direction," says Gerste.
    String.raw`[,"”'’]+[ \t]*(?:says|said|asks|asked|explains|explained|adds|added|notes|noted|writes|wrote|replies|replied|recalls|recalled))` +
    String.raw`[ \t]*:?[ \t]*`,
  'iu',
);

/**
 * Whether a text ends with a role noun, as /\b(?:producer|…)s?[ \t]*:?[ \t]*$/iu would say: "Producer Gherardo
 * Napolitani", "commenter Odette Aubé". Checked by hand, not as a branch of laterCue: the role alternation, compiled
 * case-insensitive and backwards, was about 60 KB of machine code that evicts the CPU caches on every post.
 */
export function endsWithRoleNoun(text: string): boolean {
  let end = text.length;
  while (end > 0 && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 58) {
    end--;
    while (end > 0 && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  }
  for (const role of roleNouns) {
    if (endsWithFolded(text, end, role) || (endsWithFolded(text, end - 1, role) && foldsTo(text.charCodeAt(end - 1), 115))) return true;
  }
  return false;
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

/** Whether text[..end) ends with `word` (ASCII lower case) at a word boundary, matched as the `iu` flags match. */
function endsWithFolded(text: string, end: number, word: string): boolean {
  const start = end - word.length;
  if (start < 0) return false;
  for (let k = 0; k < word.length; k++) if (!foldsTo(text.charCodeAt(start + k), word.charCodeAt(k))) return false;
  // Every role starts with a letter, so \b before it means no word character there (with `iu`, ſ and K are ones).
  return start === 0 || !isCaselessWordChar(text.charCodeAt(start - 1));
}

/**
 * Whether a character matches an ASCII lower-case letter or mark under Unicode simple case folding (`iu`): itself,
 * its capital, and the two non-ASCII letters that fold to ASCII, ſ (long s) to s and K (Kelvin sign) to k.
 */
function foldsTo(code: number, lower: number): boolean {
  if (code === lower) return true;
  if (lower >= 97 && lower <= 122 && code === lower - 32) return true;
  return (lower === 115 && code === 0x17f) || (lower === 107 && code === 0x212a);
}

/** What \w matches under the `iu` flags: ASCII letters, digits, "_", and ſ and K, which fold into them. */
function isCaselessWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 0x17f || code === 0x212a;
}
const quoteVerbs = ['says', 'said', 'asks', 'asked', 'explains', 'explained', 'adds', 'added', 'notes', 'noted', 'writes', 'wrote',
  'replies', 'replied', 'recalls', 'recalled'];
const laterCueWords = new Set([
  'is', 'was', 'name?', 'called', 'named', 'him', 'her', 'them', 'me', 'with', 'to', 'married', ...quoteVerbs,
  // "Producer Gherardo Napolitani", "Founders: Kónya, Becker and Vasquez".
  ...roleNouns.flatMap((role) => [role, `${role}:`, `${role}s:`]),
]);
const selfIntroduction = new EndAnchoredPattern(String.raw`(?:\bi'?m|\bi’m|\bi am|\bmy name is|\bje m['’]appelle|\bmoi c['’]est|\bthis is|\bit['’]s)\s+`, 'iu');
const supportRoleAfter = /^[ \t]*(?:from|at|of|du|de l['’]|de la|chez|with)[ \t]+(?:the[ \t]+)?(?:su+p+o+r+t|lumen|team|équipe|equipe|service|helpdesk|customer|staff|billing|mod)/iu;
const nameEndsPhrase = /^[ \t]*(?:[!,.?:;)]|\p{Extended_Pictographic}|\n|$)/u;
const dashMarker = /^[ \t]*(?:--|—|–|-)[ \t]*$/u;
const literaryCue =
  /\b(?:finished|finishing|just read|read it|reading buddy|buddy read|next up|authors?|auteure?s?|autrices?|novels?|romans?|book club|club de lecture|characters?|personnages?|héro(?:ïne|s)?|heroines?|chapters?|chapitres?|sittings|lu en|finir|fini|lecture commune|prochaine lecture|surlignages|highlights|metadata|métadonnées|isbn|trilog(?:y|ie)|saga)\b/iu;

// The last word before a name that may make it one, for a quick look before the costlier checks below.
const cueWordSet = new Set([
  ...vocativeWords, ...relationNouns, 'you', 'to', 'à', 'from', 'titulaire', 'holder', 'name', 'nom', 'contact', 'contacter',
  'contactez', 'ask', 'demandez', 'is', 'am', "i'm", 'i’m', 'im', "m'appelle", 'm’appelle', "c'est", 'c’est', 'marked', 'says',
  'interphone', 'signed', 'signé', ...laterCueWords,
]);

const asciiCueWords = new FoldedWordFlags([[[...cueWordSet].filter((word) => /^[\x00-\x7f]*$/u.test(word)), 1]]);

/**
 * A quick, regex-free look at the word before a position: whether it is one that may announce a name ("Thanks",
 * "titulaire", "my friend", "to"), or a colon stands there. Names pass this first; the checks below confirm.
 */
export function mayBeCuedBefore(text: string, start: number): boolean {
  let at = start - 1;
  let code = text.charCodeAt(at);
  while (at >= 0 && (code === 32 || code === 9 || code === 44 || code === 0xa0)) code = text.charCodeAt(--at);
  if (code === 58 || code === 63) return true;
  const end = at + 1;
  let ascii = true;
  while (at >= 0 && code !== 32 && code !== 10 && code !== 9 && code !== 40) {
    if (code >= 0x80) ascii = false;
    code = text.charCodeAt(--at);
  }
  // An ASCII word lower-cased is its fold: looked up where it stands, without a slice (most calls).
  if (ascii) return asciiCueWords.at(text, at + 1, end) !== 0;
  return cueWordSet.has(text.slice(at + 1, end).toLowerCase());
}

/** Whether a name is followed by the end of its phrase ("Paul!", "Paul,", end of line): greetings and signatures. */
export function endsPhrase(text: string, end: number): boolean {
  let at = end;
  while (text[at] === ' ' || text[at] === '\t') at++;
  const next = text[at];
  if (next === undefined || phraseEnds.has(next)) return true;
  // An emoji after a name ends its phrase too: "Merci Théo 🙏".
  return text.charCodeAt(at) >= 0x2000 && /^\p{Extended_Pictographic}/u.test(text.slice(at, at + 2));
}

const phraseEnds = new Set(['!', ',', '.', '?', ':', ';', ')', '\n', '\r', '·', '|', '•']);

/** Whether a name starts its line, but for a dash: signatures, "Ship to:\nMarie Dupont". */
export function startsLine(text: string, start: number): boolean {
  for (let at = start - 1; at >= start - 5; at--) {
    const char = text[at];
    if (char === undefined || char === '\n') return true;
    if (char !== ' ' && char !== '\t' && char !== '-' && char !== '—' && char !== '–' && char !== '~') return false;
  }
  return false;
}

// The same cues for a text already in lower case: no case folding while scanning a whole post.
const literaryCueLower = new RegExp(literaryCue.source, 'u');

/** Damerau–Levenshtein distance of at most one: one letter added, dropped, changed or two swapped. */
function withinOneSlip(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (sameTails(a, i + 1, b, i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && sameTails(a, i + 2, b, i + 2);
  }
  return a.length > b.length ? sameTails(a, i + 1, b, i) : sameTails(a, i, b, i + 1);
}

/** a.slice(from) === b.slice(bFrom), compared in place: this runs for most words before a name. */
function sameTails(a: string, from: number, b: string, bFrom: number): boolean {
  const aFrom = Math.min(from, a.length);
  const bStart = Math.min(bFrom, b.length);
  if (a.length - aFrom !== b.length - bStart) return false;
  for (let k = 0; k < a.length - aFrom; k++) if (a.charCodeAt(aFrom + k) !== b.charCodeAt(bStart + k)) return false;
  return true;
}

interface CueList {
  exact: ReadonlySet<string>;
  /** Cues long enough that one slip cannot make another word, by length, for the typo check. */
  long: ReadonlyMap<number, readonly string[]>;
}

function cueList(cues: readonly string[]): CueList {
  const long = new Map<number, string[]>();
  for (const cue of cues) if (cue.length >= 5) long.set(cue.length, [...(long.get(cue.length) ?? []), cue]);
  return { exact: new Set(cues), long };
}

/** A cue word as written, allowing one slip in words long enough that a slip cannot make another word. */
function isCueWord(word: string, cues: CueList): boolean {
  const lower = word.toLowerCase();
  if (cues.exact.has(lower)) return true;
  if (lower.length < 4) return false;
  // Three lengths by hand, not a loop over an array of them: this runs for most words before a name.
  return slipsInto(lower, cues.long.get(lower.length - 1)) || slipsInto(lower, cues.long.get(lower.length)) || slipsInto(lower, cues.long.get(lower.length + 1));
}

function slipsInto(word: string, cues: readonly string[] | undefined): boolean {
  if (cues !== undefined) for (const cue of cues) if (withinOneSlip(word, cue)) return true;
  return false;
}

const vocativeCues = cueList(vocativeWords);
const closingCues = cueList(closingWords);
const relationCues = cueList(relationNouns);

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/**
 * The last `count` words before an offset on its line (at most 40 characters back), as written, nearest last;
 * words are separated by whitespace and , ; : ! ? . ( ). Read backwards by hand: most calls want two short words.
 */
function wordsBefore(text: string, offset: number, count: number): string[] {
  const from = Math.max(lineStart(text, offset), offset - 40);
  const words: string[] = [];
  let end = offset;
  while (words.length < count) {
    while (end > from && isWordSeparator(text.charCodeAt(end - 1))) end--;
    if (end <= from) break;
    let start = end;
    while (start > from && !isWordSeparator(text.charCodeAt(start - 1))) start--;
    words.unshift(text.slice(start, end));
    end = start;
  }
  return words;
}

/** What /[\s,;:!?.()]/u matches: JavaScript's whitespace and line terminators, and those six marks. */
function isWordSeparator(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13) || code === 44 || code === 59 || code === 58 || code === 33 || code === 63 || code === 46 || code === 40 || code === 41;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** "Thanks Paul!", "Hi Ethan,", "Merci Théo !": the name is spoken to, so it is not the post's author. */
export function isAddressed(text: string, start: number, end: number): boolean {
  if (!nameEndsPhrase.test(text.slice(end, end + 3))) return false;
  const words = wordsBefore(text, start, 2);
  const last = words[words.length - 1];
  // "Thanks Paul", "Hi, Paul" — but not "say hi! Edit:", where a sentence ended in between.
  if (last === undefined || !/^[ \t,]+$/u.test(text.slice(text.lastIndexOf(last, start) + last.length, start))) return false;
  return isCueWord(last, vocativeCues) || isCueWord(words.join(' '), vocativeCues);
}

/** "I'm Kayleigh", "je m'appelle Marie": the author says who they are. */
export function isSelfIntroduction(text: string, start: number): boolean {
  // The cue ends in whitespace just before the name, after the last letter of "I'm", "is", "appelle" or "c'est"
  // ("ſ" is an "s" to a case-insensitive pattern): without those, the pattern need not be tried at every offset.
  const from = Math.max(0, start - 16);
  let before = start - 1;
  while (before >= from && isSpace(text.charCodeAt(before))) before -= 1;
  if (before === start - 1 || before < from || !'mMsSſtTeE'.includes(text.charAt(before))) return false;
  return selfIntroduction.endsWithin(text.slice(from, start));
}

/** What \s matches: JavaScript's whitespace and line terminators. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** "my neighbour Alessandro", "un ami Loïc", "ma grand-mère Juliette": someone the author writes about. */
export function isIntroducedAsRelation(text: string, start: number): boolean {
  const words = wordsBefore(text, start, 2);
  if (words.length < 2) return false;
  return possessives.has((words[0] ?? '').toLowerCase()) && isCueWord(words[1] ?? '', relationCues);
}

/** "titulaire …", "Account holder: …", "Name: …", "sold it to …", "please contact …": a name follows. */
export function isAnnounced(text: string, start: number): boolean {
  const before = text.slice(Math.max(lineStart(text, start), start - 60), start);
  return announcingCue.endsWithin(before) || (laterCueWords.has(lastWordBefore(text, start)) && (laterCue.endsWithin(before) || endsWithRoleNoun(before)));
}

/** The word just before a position, in lower case, with a "?" it ends with: "name?" in "What's your name? Sölvi". */
function lastWordBefore(text: string, start: number): string {
  let end = start;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '\u00a0')) end--;
  let at = end;
  while (at > 0 && text[at - 1] !== ' ' && text[at - 1] !== '\n' && text[at - 1] !== '\t' && text[at - 1] !== '(') at--;
  return text.slice(at, end).toLowerCase();
}

const announcingLine = new EndAnchoredPattern(String.raw`(?:\bto|\bà|envoi|adresse|address|billed|factur\w*|livraison|delivery|titulaire|holder|name|nom)[ \t]*:[ \t]*`, 'iu');

/** "Please ship the cover to:\nALESSANDRO RICCI": the name opens the line after a line that announces it. */
export function isAnnouncedOnLineBefore(text: string, start: number): boolean {
  const lineFrom = lineStart(text, start);
  if (lineFrom === 0 || text.slice(lineFrom, start).trim() !== '') return false;
  // The line before ends with a colon, or announces nothing.
  let last = lineFrom - 2;
  while (last >= 0 && (text[last] === ' ' || text[last] === '\t')) last -= 1;
  if (text[last] !== ':') return false;
  const previous = text.slice(lineStart(text, lineFrom - 1), lineFrom - 1);
  return announcingLine.endsWithin(previous);
}

// What people do in a sentence: "… Smith said", "… Dupont m'a répondu", "… Nguyen's phone number".
const personVerbAfter = new RegExp(
  String.raw`^(?:[ \t]+(?:said|says|told|tells|wrote|writes|asked|asks|called|calls|phoned|emailed|texted|replied|answered|` +
    String.raw`lives|lived|works|worked|was born|is my|was my|is a|was a|has|had|owes|paid|pays|bought|sold|sent|gave|met|married|` +
    String.raw`joined|signed|moved|visited|wants|needs|would like|will|can|could|a dit|dit|m['’]a|nous a|a écrit|a répondu|habite|` +
    String.raw`travaille|est né|est née|a acheté|a vendu|a payé|répare|repare|fixes)\b|['’]s[ \t]+(?:phone|number|address|email|` +
    String.raw`e-mail|account|card|birthday|house|home|flat|car|wife|husband|partner|son|daughter|mother|father|mum|mom|dad|` +
    String.raw`brother|sister|friend|boss|details|ssn|iban|passport|date of birth|dob)\b)`,
  'iu',
);

/** "John Smith said", "Tatiana Nguyen's phone number", "Paul Durand m'a écrit": a person acts or owns. */
export function isFollowedByPersonVerb(text: string, end: number): boolean {
  return personVerbAfter.test(text.slice(end, end + 40));
}

/** "Rachel from support", "Mehdi du support": a staff member named by their role. */
export function isNamedWithRole(text: string, end: number): boolean {
  return supportRoleAfter.test(text.slice(end, end + 30));
}

/** A line that closes a post before the signature: "Cheers,", "Bien à vous,", "--", "A+". */
function isClosingLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return false;
  if (dashMarker.test(trimmed)) return true;
  const words = trimmed.split(/[\s,.!]+/u).filter((w) => w !== '');
  if (words.length === 0 || words.length > 6) return false;
  if (/,$/u.test(trimmed) && words.length <= 4) return true;
  return isCueWord(words[words.length - 1] ?? '', closingCues);
}

// What may follow a name on its signature line: "· @handle", ", 06 …", a lone emoji.
const signatureTail = /^[ \t]*(?:[·|•,/][^\n]*|\p{Extended_Pictographic}[^\n]*|[.!]?)[ \t]*$/u;
const handleTail = /^[ \t]*[·|•][ \t]*@?[\p{L}\p{N}._-]+[ \t]*$/u;
const signatureHead = /^[ \t]*(?:(?:--|—|–|-|~)[ \t]*)?$/u;
// Lines that may come after a signature: links, emails, phone numbers, handles.
const dashEnd = new EndAnchoredPattern(String.raw`(?:^|\s)(?:--|—|–)[ \t]*`, 'u');
const sentenceEnd = new EndAnchoredPattern(String.raw`(?:^|[.!?][ \t]+)`, 'u');
const contactLine = /^[ \t]*(?:https?:\/\/\S+|www\.\S+|\S+@\S+|[@+(\d][\d\s().+/-]{5,}|@\S+|[^\s]+\s*[·|]\s*@\S+)[ \t]*$/u;

/**
 * Whether a name stands as the signature of a post: alone on its line (but for a "— " before it or a
 * "· @handle" after it), after a closing line or a dash, or as the last words of the post.
 */
export function isSignature(text: string, start: number, end: number): boolean {
  const from = lineStart(text, start);
  const to = lineEnd(text, end);
  const head = text.slice(from, start);
  const tail = text.slice(end, to);
  // "… any idea? -- Connor" ends a line after a dash.
  const dashedTail = dashEnd.endsWithin(head) && /^[ \t.!]*$/u.test(tail);
  // "… same on 4G. Joanna · @reader_joanna": a name with the author's handle after it signs the post.
  if (sentenceEnd.endsWithin(head) && handleTail.test(tail)) return true;
  if (!dashedTail && (!signatureHead.test(head) || !signatureTail.test(tail))) return false;
  if (dashedTail || /[-—–~]/u.test(head)) return true;
  const previous = previousLine(text, from);
  if (previous !== undefined && isClosingLine(previous)) return true;
  // Otherwise only as the last words of the post, with at most contact lines after it.
  const rest = text.slice(to).split('\n');
  return rest.every((line) => line.trim() === '' || contactLine.test(line));
}

function previousLine(text: string, lineFrom: number): string | undefined {
  let at = lineFrom - 1;
  while (at > 0) {
    const from = lineStart(text, at);
    const line = text.slice(from, at);
    if (line.trim() !== '') return line;
    at = from - 1;
  }
  return undefined;
}

/**
 * Whether a name sits in a paragraph about books ("Just finished … by Stephen King", "… indiqué comme auteur",
 * "quel roman"): authors and characters there are not private people.
 */
export function mentionsBooks(text: string): boolean {
  return literaryCueLower.test(text.toLowerCase());
}

export function isLiteraryContext(text: string, start: number, end: number): boolean {
  const paragraphStart = Math.max(text.lastIndexOf('\n\n', start) + 2, start - 150);
  const nextBreak = text.indexOf('\n\n', end);
  const paragraphEnd = Math.min(nextBreak === -1 ? text.length : nextBreak, end + 150);
  return literaryCue.test(text.slice(paragraphStart, paragraphEnd));
}
