// The demo forum's posts, composed from a fixed seed so that every install and every test sees the same forum.
// About one post in five gives away someone's contact details; some were edited, and an earlier revision may
// still hold what the edit took out; some quote an earlier post, details included.
import { personaPosts } from './demoPersona';
import { type Lang, type Vocabulary, vocabulary } from './demoVocabulary';
import { type SeededRandom, createSeededRandom } from './seededRandom';

export interface DemoRevision {
  before: string;
  after: string;
  createdAt: Date;
}

export interface DemoPost {
  id: number;
  author: string;
  /** '' for a reply: only some of the persona's posts open a topic. */
  title: string;
  body: string;
  createdAt: Date;
  revisions: DemoRevision[];
}

const seed = 20240108;
const firstPostAt = Date.UTC(2024, 0, 8, 8, 30);
const minute = 60_000;

type EditKind = 'retract' | 'typo' | 'note';

/** Posts 1..count; the first n posts are the same whatever the count. */
export function composeDemoPosts(count: number): DemoPost[] {
  const r = createSeededRandom(seed);
  const posts: DemoPost[] = [];
  let at = firstPostAt;
  for (let id = 1; id <= count; id++) {
    at += r.int(60, 2880) * minute;
    const persona = personaPosts.get(id);
    posts.push(persona ? { ...fromVersions(r, id, persona.author, persona.versions, at), title: persona.title ?? '' } : composePost(r, id, at, posts));
  }
  return posts;
}

function composePost(r: SeededRandom, id: number, at: number, earlier: DemoPost[]): DemoPost {
  const lang: Lang = r.chance(0.45) ? 'fr' : 'en';
  const words = vocabulary[lang];
  const author = r.pick(words.users);
  // The persona's posts are never quoted at random: her list of posts must stay exact.
  const sources = earlier.filter((post) => !personaPosts.has(post.id));
  const base = sources.length > 5 && r.chance(0.08) ? composeQuote(r, words, r.pick(sources)) : r.pick(words.templates)(r);
  const kept = r.chance(0.2) ? composeDisclosure(r, lang) : undefined;
  const body = kept === undefined ? base : `${base}${r.chance(0.5) ? ' ' : '\n\n'}${kept}`;
  if (!r.chance(0.14)) return { id, author, title: '', body, createdAt: new Date(at), revisions: [] };
  return fromVersions(r, id, author, composeVersions(r, lang, body), at);
}

/** The text edit by edit: an edit fixes a doubled word, takes out contact details, or adds a note. */
function composeVersions(r: SeededRandom, lang: Lang, body: string): [string, ...string[]] {
  const words = vocabulary[lang];
  const kinds: EditKind[] = [r.chance(0.6) ? 'retract' : 'typo'];
  const edits = r.int(1, 3);
  while (kinds.length < edits) kinds.push(kinds.includes('typo') || r.chance(0.5) ? 'note' : 'typo');
  const retracted = composeDisclosure(r, lang);
  const retractNote = r.chance(0.5) ? (lang === 'en' ? 'Edit: removed my details, thanks for the messages!' : 'Edit : coordonnées retirées, merci pour vos messages !') : undefined;
  const state = { typo: kinds.includes('typo'), retracted: kinds.includes('retract'), notes: [] as string[] };
  const text = () =>
    [
      state.typo ? body.replace(/ (\p{L}+) /u, ' $1 $1 ') : body,
      ...(state.retracted ? [retracted] : []),
      ...state.notes,
    ].join('\n\n');
  const versions: [string, ...string[]] = [text()];
  for (const kind of kinds) {
    if (kind === 'typo') state.typo = false;
    if (kind === 'retract') {
      state.retracted = false;
      if (retractNote) state.notes.push(retractNote);
    }
    if (kind === 'note') state.notes.push(r.pick(words.editNotes));
    versions.push(text());
  }
  return versions;
}

function composeQuote(r: SeededRandom, words: Vocabulary, source: DemoPost): string {
  // The last paragraph of one's own words: that is where people leave their contact details.
  const own = source.body
    .split(/\n{2,}/)
    .filter((paragraph) => !paragraph.startsWith('>') && !paragraph.startsWith('Edit') && !paragraph.endsWith(':'));
  const quoted = own[own.length - 1] ?? source.body;
  return `${words.quoteIntro(source.author)}\n\n> ${quoted}\n\n${r.pick(words.quoteReplies)}`;
}

function composeDisclosure(r: SeededRandom, lang: Lang): string {
  const words = vocabulary[lang];
  const person = r.pick(words.people);
  const phone = lang === 'fr' ? frenchPhone(r) : r.chance(0.5) ? britishPhone(r) : americanPhone(r);
  const sentence = r.pick(words.disclosures)(person, phone);
  return sentence.includes(person.email) && r.chance(0.35) ? sentence.replace(person.email, r.pick(words.obfuscate)(person.email)) : sentence;
}

function fromVersions(r: SeededRandom, id: number, author: string, versions: [string, ...string[]], at: number): DemoPost {
  const revisions: DemoRevision[] = [];
  let editedAt = at;
  for (let i = 1; i < versions.length; i++) {
    editedAt += r.int(5, 300) * minute;
    revisions.push({ before: versions[i - 1] ?? '', after: versions[i] ?? '', createdAt: new Date(editedAt) });
  }
  return { id, author, title: '', body: versions[versions.length - 1] ?? versions[0], createdAt: new Date(at), revisions };
}

const two = (r: SeededRandom) => String(r.int(0, 99)).padStart(2, '0');

/** Numbers from ranges set aside for fiction, in the ways people type them. */
function frenchPhone(r: SeededRandom): string {
  const digits = [...r.pick([['06', '39', '98'], ['01', '99', '00'], ['04', '65', '71']]), two(r), two(r)];
  const [first = '', ...rest] = digits;
  return r.pick([
    digits.join(' '),
    digits.join('.'),
    digits.join(''),
    digits.join('-'),
    `+33 ${first.slice(1)} ${rest.join(' ')}`,
    `+33 (0)${first.slice(1)} ${rest.join(' ')}`,
  ]);
}

function britishPhone(r: SeededRandom): string {
  const last = String(r.int(0, 999)).padStart(3, '0');
  return r.pick([`07700 900${last}`, `+44 7700 900${last}`, `07700900${last}`, `020 7946 0${last}`, `+44 20 7946 0${last}`, `(020) 7946 0${last}`]);
}

function americanPhone(r: SeededRandom): string {
  const area = r.pick(['212', '415', '617', '503']);
  const line = `01${two(r)}`;
  return r.pick([`(${area}) 555-${line}`, `${area}-555-${line}`, `+1 ${area} 555 ${line}`, `${area}.555.${line}`]);
}
