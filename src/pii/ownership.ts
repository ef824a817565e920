// Decides whose each finding is, once recognizers have spoken. A card number, IBAN, IP address, birth date or ID
// the requester gives about themselves is theirs; a given name alone ("Thanks Rocío", "— Solène C.") is theirs
// unless the post shows that it names a look-alike: someone with the same given name, or an author who is not them.
import { titleBefore, titleGender } from './courtesyTitles';
import { foldNeedle, foldWord } from './foldedText';
import { isGivenName } from './givenNames';
import { isAddressed, isAnnouncedOnLineBefore, isIntroducedAsRelation, isSelfIntroduction, isSignature } from './nameContext';
import { resemblesFamilyName } from './personName';
import { quoteAt, readQuotes, type QuoteBlock } from './postLayout';
import type { RequesterProfile } from './requesterProfile';
import type { PiiType, Span } from './types';

type Owner = Span['owner'];

/** Kinds of information a person gives about themselves: they belong to whoever is speaking. */
const aboutTheSpeaker: ReadonlySet<PiiType> = new Set(['credit_card', 'iban', 'ip_address', 'date_of_birth', 'national_id']);

// "my card", "mon IBAN", "I typed", "J'ai mis": the speaker's own. "his account", "sa carte", "She gave me": not.
const firstPerson = /(?<![\p{L}'’])(?:my|mine|i|i'm|i’m|i've|i’ve|me|mon|ma|mes|je|j'|j’|moi|le mien|la mienne)(?![\p{L}])/giu;
const thirdPerson = /(?<![\p{L}'’])(?:his|her|hers|their|he|she|they|son|sa|ses|leur|leurs|il|elle|ils|elles)(?![\p{L}'’])/giu;
// "Contact Marie Dupont", "sold it to Marie Dupont": the requester is someone the author writes about.
const thirdPartyCue = /\b(?:contact(?:er|ez)?|sold|vendu[es]?|gave|donné[es]?|lent|prêté[es]?)\b[^.!?\n]{0,40}$/iu;

/** Where the post shows someone else with the requester's given name: in its own text, or only in quotes. */
type Namesake = 'in text' | 'in quotes' | undefined;

interface PostView {
  text: string;
  spans: readonly Span[];
  requester: RequesterProfile;
  quotes: QuoteBlock[];
  namesake: Namesake;
  authors: Map<QuoteBlock | undefined, Owner | 'unknown'>;
  /** Each finding's conflict with the requester, once looked up (see conflictOf): several questions ask it. */
  conflicts: Map<Span, Conflict>;
}

type Conflict = 'namesake' | 'same given name' | 'lookalike' | 'relative' | undefined;

export function assignOwners(text: string, spans: readonly Span[], requester: RequesterProfile): Span[] {
  if (requester.isEmpty || spans.length === 0) return [...spans];
  const quotes = readQuotes(text);
  const conflicts = new Map<Span, Conflict>();
  const post: PostView = { text, spans, requester, quotes, namesake: undefined, authors: new Map(), conflicts };
  post.namesake = namesakeIn(post);
  return spans.map((span) => {
    const owner = ownerOf(post, span);
    return owner === span.owner ? span : { ...span, owner };
  });
}

function ownerOf(post: PostView, span: Span): Owner {
  const { text, requester } = post;
  if (span.type === 'person' && span.owner === 'requester') return ownerOfNameMatch(post, span);
  if (span.owner === 'requester') return 'requester';
  switch (span.type) {
    case 'username':
      return handleIsRequesters(text.slice(span.start, span.end), requester) ? 'requester' : 'other';
    case 'profile_url':
      return profileOwner(post, span);
    case 'address':
      return addressOwner(post, span);
    default:
      return aboutTheSpeaker.has(span.type) ? speakerOwner(post, span) : span.owner;
  }
}

function authorAt(post: PostView, offset: number): Owner | 'unknown' {
  const quote = quoteAt(post.quotes, offset);
  let author = post.authors.get(quote);
  if (author === undefined) {
    author = authorOf(post, quote);
    post.authors.set(quote, author);
  }
  return author;
}

/**
 * The requester's name matched in one of its forms. The full name is theirs; "Mme Dupont" is theirs unless the
 * title says another gender. A given name alone or with an initial depends on where it stands: a signature or
 * "I'm …" is the author, so it is the requester's only if the author may be; a greeting is spoken to someone
 * else than the author; and a namesake in the post takes it.
 */
function ownerOfNameMatch(post: PostView, span: Span): Owner {
  const { text, requester } = post;
  const kind = nameKind(text.slice(span.start, span.end), requester);
  if (kind === 'full') return 'requester';
  if (kind === 'family') {
    const title = titleBefore.exec(text.slice(Math.max(0, span.start - 14), span.start))?.[0] ?? '';
    const gender = titleGender(foldWord(title.trim().replace(/\.$/u, '')));
    const clash = gender !== undefined && gender !== 'x' && requester.gender !== undefined && requester.gender !== 'x' && gender !== requester.gender;
    return clash ? 'other' : 'requester';
  }
  const addressed = isAddressed(text, span.start, span.end);
  const speaking = !addressed && (isSignature(text, span.start, span.end) || isSelfIntroduction(text, span.start));
  if (post.namesake === 'in quotes') return 'other';
  // The namesake wrote the post ("Gaël Blanchard … Merci gaël !"): whom they greet may be the requester.
  if (post.namesake === 'in text') return addressed ? 'requester' : 'other';
  const author = authorAt(post, span.start);
  if (author === 'other') return speaking ? 'other' : 'requester';
  if (author === 'requester' && addressed) return 'other';
  return 'requester';
}

function nameKind(written: string, requester: RequesterProfile): 'full' | 'initial' | 'family' | 'given' {
  const folded = foldNeedle(written.replace(/\.$/u, ''), { joinHyphens: true });
  return requester.nameForms.find((f) => f.folded === folded)?.kind ?? 'full';
}

/**
 * Who wrote a segment — the post's own text or a quote. A quote is its attributed member's. The post's own text
 * is the requester's when it holds one of their identifiers said as their own; someone else's when it names the
 * requester as a third party or holds an identifier that resembles theirs without being it.
 */
function authorOf(post: PostView, quote: QuoteBlock | undefined): Owner | 'unknown' {
  const { text, spans, requester, quotes } = post;
  if (quote?.author) return handleIsRequesters(quote.author.name, requester) || nameIsRequesters(quote.author.name, requester) ? 'requester' : 'other';
  const inSegment = spans.filter((s) => quoteAt(quotes, s.start) === quote);
  let selfEvidence = false;
  let weakEvidence = false;
  let thirdParty = false;
  for (const span of inSegment) {
    if (span.owner !== 'requester') continue;
    const before = text.slice(Math.max(0, span.start - 50), span.start);
    if (span.type === 'person') {
      const kind = nameKind(text.slice(span.start, span.end), requester);
      if (kind === 'full' && (isIntroducedAsRelation(text, span.start) || thirdPartyCue.test(before))) thirdParty = true;
      else if (kind === 'full') selfEvidence = true;
      else if (isSignature(text, span.start, span.end) || isSelfIntroduction(text, span.start)) weakEvidence = true;
    } else if (span.type === 'username' && text[span.start] === '@') {
      // "@marie_reads, delete that": the requester is spoken to, not speaking.
    } else if (nearestPerson(text, span.start, 30) === 'third') {
      thirdParty = true; // "Son compte : marie@…", "her number is …"
    } else selfEvidence = true;
  }
  if (selfEvidence) return 'requester';
  if (thirdParty) return 'other';
  const conflicting = inSegment.some((s) => s.owner === 'other' && showsSomeoneElse(post, s));
  if (conflicting || quotes.some((q) => namesakeQuoted(q, requester))) return 'other';
  return weakEvidence ? 'requester' : 'unknown';
}

/**
 * Whether an identifier of someone else shows that the post is about, or by, someone other than the requester:
 * a namesake or a look-alike anywhere, a relative only where they sign or give their own details.
 */
function showsSomeoneElse(post: PostView, span: Span): boolean {
  const { text } = post;
  const conflict = conflictOfSpan(post, span);
  if (conflict === undefined || isIntroducedAsRelation(text, span.start)) return false;
  if (conflict === 'relative') return isSignature(text, span.start, span.end) || isAnnouncedOnLineBefore(text, span.start);
  return conflict !== 'same given name' && !isMention(text, span);
}

/** "@camille_books, hide that": a handle spoken to, which says nothing about who writes. */
function isMention(text: string, span: Span): boolean {
  return span.type === 'username' && text[span.start] === '@';
}

function namesakeQuoted(quote: QuoteBlock, requester: RequesterProfile): boolean {
  if (quote.author === undefined || handleIsRequesters(quote.author.name, requester)) return false;
  return conflictOf(quote.author.name, 'username', requester) === 'namesake';
}

function namesakeIn(post: PostView): Namesake {
  const { text, spans, requester, quotes } = post;
  let inQuotes = quotes.some((q) => namesakeQuoted(q, requester));
  for (const span of spans) {
    if (span.owner !== 'other' || !mayConflict(span.type)) continue;
    const conflict = conflictOfSpan(post, span);
    if (conflict !== 'namesake' && conflict !== 'same given name') continue;
    if (isIntroducedAsRelation(text, span.start) || isMention(text, span)) continue;
    const quoted = quoteAt(quotes, span.start) !== undefined;
    // "kayleigh96@…" in the author's words is someone of that name; in a quote it proves less.
    if (conflict === 'namesake' || !quoted) {
      if (!quoted) return 'in text';
      inQuotes = true;
    }
  }
  return inQuotes ? 'in quotes' : undefined;
}

/** Which person the words just before an offset speak in, nearest cue first, within its sentence. */
function nearestPerson(text: string, start: number, reach: number): 'first' | 'third' | undefined {
  const window = text.slice(Math.max(0, start - reach), start).split(/[.!?\n]\s/u).pop() ?? '';
  // exec loops rather than matchAll, which copies the pattern on every call: this runs for most findings.
  const first = lastMatchIndex(firstPerson, window);
  const third = lastMatchIndex(thirdPerson, window);
  if (first === -1 && third === -1) return undefined;
  return first > third ? 'first' : 'third';
}

/** Where the last match of a global pattern in `text` starts, or -1. */
function lastMatchIndex(pattern: RegExp, text: string): number {
  let last = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) last = m.index;
  return last;
}

/**
 * A card, IBAN, IP address, birth date or ID: the speaker's ("my card"), not when said of someone else ("her
 * card"); otherwise the person named in the same sentence ("titulaire …", "user=… ip=…"), else the author's.
 */
function speakerOwner(post: PostView, span: Span): Owner {
  const person = nearestPerson(post.text, span.start, 40);
  if (person === 'third') return 'other';
  const author = authorAt(post, span.start) === 'requester' ? 'requester' : 'other';
  if (person === 'first') return author;
  const named = namedInSentence(post, span);
  const owner = named[0]?.owner;
  return owner !== undefined && named.every((s) => s.owner === owner) ? owner : author;
}

/** People and email addresses in the sentence of a span, greetings left out. */
function namedInSentence(post: PostView, span: Span): Span[] {
  const { text } = post;
  const boundary = /[.!?](?=\s)|\n/gu;
  let from = 0;
  for (const m of text.slice(0, span.start).matchAll(boundary)) from = m.index + 1;
  boundary.lastIndex = span.end;
  const after = boundary.exec(text);
  const to = after === null ? text.length : after.index;
  return post.spans.filter(
    (s) => s !== span && s.start >= from && s.end <= to && (s.type === 'email' || (s.type === 'person' && !isAddressed(text, s.start, s.end))),
  );
}

/**
 * An address not matched to the requester's: theirs when it follows their name ("Ship to:\nMarie Dupont\n12 rue…",
 * "my bank: Marie Dupont, 12 rue…") or when the requester writes it as their own ("my address is …").
 */
function addressOwner(post: PostView, span: Span): Owner {
  const { text, spans } = post;
  const named = [...spans].reverse().find((s) => s.type === 'person' && s.end <= span.start && s.end >= span.start - 60);
  if (named && /^[ \t]*(?:,|\n)[ \t]*$/u.test(text.slice(named.end, span.start))) return named.owner;
  const before = text.slice(Math.max(0, span.start - 60), span.start);
  if (authorAt(post, span.start) === 'requester' && /\b(?:my address|mon adresse|i live at|j['’]habite|chez moi|c['’]est au)\b[^.!?\n]{0,20}$/iu.test(before)) {
    return 'requester';
  }
  return span.owner;
}

/** A profile link is the requester's when its handle is one of their usernames or spells their name. */
function profileOwner(post: PostView, span: Span): Owner {
  const { requester } = post;
  const written = post.text.slice(span.start, span.end);
  const parts = handlePartsOf(linkHandle(written));
  const handle = parts.join('');
  if (handle === '') return span.owner;
  if (nameWordsOf(requester).bareUsernames.includes(handle) || requester.nameSpellings.has(handle)) return 'requester';
  // "goodreads.com/user/show/123-khadija": a given name alone is theirs unless the post shows it is someone else's.
  if (requester.givenSpellings.has(handle) && post.namesake === undefined && authorAt(post, span.start) !== 'other') return 'requester';
  return span.owner;
}

/** The person's part of a profile link: "…/in/mathieu-guerin-d86626/" → "mathieu-guerin-d86626". */
function linkHandle(url: string): string {
  const path = (url.replace(/^[a-z]+:\/\//iu, '').replace(/^www\./iu, '').split(/[?#]/u)[0] ?? '').replace(/\/+$/u, '');
  const segments = path.split('/');
  const last = segments.length > 1 ? (segments[segments.length - 1] ?? '') : '';
  // On Bluesky the handle is a domain: "gael-pages.bsky.social".
  return last.replace(/^@/u, '').replace(/\.bsky\.social$/iu, '');
}

/** "d86626", "2ac08d", "13163983": an id in a link, not a name with a year glued on ("kayleigh96"). */
function isId(part: string): boolean {
  const digits = part.match(/\d/gu)?.length ?? 0;
  if (digits < 3) return false;
  return part.replace(/\d/gu, '').length <= 2 || /\d\p{L}/u.test(part);
}

/**
 * The name words of a handle, email local part or link: folded, split on what is not a letter, without ids
 * ("d86626", "2ac08d") and years glued on ("kayleigh96" → "kayleigh"), and without handle filler ("reads").
 */
function handlePartsOf(handle: string): string[] {
  return foldWord(handle)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((p) => !isId(p))
    .map((p) => p.replace(/\d+/gu, ''))
    .filter((p) => p !== '' && !handleWords.has(p));
}

function bareHandle(handle: string): string {
  return foldWord(handle).replace(/[^\p{L}\p{N}]/gu, '');
}

/** "@Marie_Reads", "marie.reads", "marie-reads": one of the requester's usernames, whatever separates its words. */
function handleIsRequesters(written: string, requester: RequesterProfile): boolean {
  const bare = bareHandle(written.replace(/^@/u, ''));
  return bare !== '' && nameWordsOf(requester).bareUsernames.includes(bare);
}

function nameIsRequesters(written: string, requester: RequesterProfile): boolean {
  const folded = foldNeedle(written, { joinHyphens: true });
  return requester.nameForms.some((f) => f.kind === 'full' && f.folded === folded);
}

// Words handles add around a name ("marie_reads", "the_ousmane_shelf", "bookworm.theo"): not a family name.
const handleWords = new Set(['reads', 'reader', 'reading', 'books', 'book', 'bookworm', 'lit', 'shelf', 'the', 'liseuse',
  'lecteur', 'lectrice', 'pages', 'ebooks', 'ebook', 'official', 'real', 'its', 'my', 'mon', 'ma', 'kobo', 'kindle',
  'nightowl', 'reviews', 'blog', 'xo', 'livres', 'lectures', 'www', 'http', 'https', 'com']);

/**
 * Whether someone else's identifier conflicts with the requester: their given name with another family name or
 * initial, or with nothing else in an email or handle that is not theirs ("kayleigh96@…", "Kayleigh B.",
 * "remi.k@…": a namesake); a family name one slip away ("r.nunes" for Núñez: a look-alike); or their family name
 * with another given name (a relative).
 */
function conflictOfSpan(post: PostView, span: Span): Conflict {
  if (!post.conflicts.has(span)) post.conflicts.set(span, conflictOf(post.text.slice(span.start, span.end), span.type, post.requester));
  return post.conflicts.get(span);
}

function conflictOf(written: string, type: PiiType, requester: RequesterProfile): Conflict {
  if (!mayConflict(type)) return undefined;
  let local: string;
  if (type === 'email') local = written.split(/@|\s(?:at|arobase)\s|\s*[[(](?:at|arobase)[\])]\s*/iu)[0] ?? written;
  else if (type === 'profile_url') local = linkHandle(written);
  else local = written.replace(/^@/u, '').replace(/#\d+$/u, '');
  const parts = type === 'person' ? foldNeedle(local.replace(/\.$/u, ''), { joinHyphens: true }).split(' ') : handlePartsOf(local);
  const { own, family, familyInitials } = nameWordsOf(requester);
  for (const given of requester.givenNames) {
    if (given.length < 3) continue;
    const at = parts.findIndex((p) => p.startsWith(given) || p.endsWith(given));
    if (at === -1) continue;
    const part = parts[at] ?? '';
    const glued = part.startsWith(given) ? part.slice(given.length) : part.slice(0, part.length - given.length);
    const rest = [...parts.slice(0, at), glued, ...parts.slice(at + 1)].filter((p) => p !== '');
    const theirs = rest.every((p) => own.has(p) || (p.length === 1 && familyInitials.has(p))) || requester.nameSpellings.has(parts.join(''));
    if (rest.length > 0 && !theirs) return 'namesake';
    // An address or handle with the given name alone, not one the requester gave: someone else of that name.
    if (rest.length === 0 && (type === 'email' || type === 'username')) return 'same given name';
    return undefined;
  }
  if (parts.some((p) => p.length >= 4 && !own.has(p) && family.some((f) => resemblesFamilyName(p, f)))) return 'lookalike';
  if (parts.some((p) => family.includes(p)) && parts.some((p) => p.length >= 3 && !own.has(p) && isGivenName(p))) return 'relative';
  return undefined;
}

/** Only what carries a name — an email address, a link, a handle or a name — can be a namesake's or a relative's. */
function mayConflict(type: PiiType): boolean {
  return type === 'email' || type === 'profile_url' || type === 'username' || type === 'person';
}

interface NameWords {
  own: Set<string>;
  /** Family names long enough for a look-alike to mean something. */
  family: string[];
  familyInitials: Set<string>;
  /** The requester's usernames as bareHandle spells them. */
  bareUsernames: string[];
}

// conflictOf and the handle checks run for every finding: the requester's name words and bare usernames are
// gathered once per profile.
const nameWordsByProfile = new WeakMap<RequesterProfile, NameWords>();

function nameWordsOf(requester: RequesterProfile): NameWords {
  let words = nameWordsByProfile.get(requester);
  if (words === undefined) {
    words = {
      own: new Set([...requester.givenNames, ...requester.familyNames, ...requester.nameTokens]),
      family: requester.familyNames.filter((f) => f.length >= 4),
      familyInitials: new Set(requester.familyNames.map((f) => f.charAt(0))),
      bareUsernames: requester.usernames.map(bareHandle),
    };
    nameWordsByProfile.set(requester, words);
  }
  return words;
}
