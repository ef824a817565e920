// Whole-forum search: with the requester's consent, every post of the forum is searched for their identifiers.
// The forum store filters candidates by search form (a prefilter); the detector confirms each candidate, and only
// posts where it finds the requester's own identifiers become part of the request.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { ForumPost, ForumStore } from '../forum/port';
import { DETECT_BATCH_SIZE, detectPiiInTexts } from '../pii/detect';
import type { RequesterIdentifiers, Span } from '../pii/types';
import { textsOf } from './postRewrite';

/** What a post must contain, however written (searchPattern.ts), to be worth running the detector on. */
export function searchTermsFor(identifiers: RequesterIdentifiers): string[] {
  const terms: string[] = [];
  for (const email of identifiers.emails) terms.push(email, email.split('@')[0] ?? '');
  for (const name of identifiers.names) {
    const words = name.trim().split(/\s+/);
    // "Marie Dupont" is also written "DUPONT Marie".
    terms.push(name, [...words.slice(1), words[0] ?? ''].join(' '));
  }
  terms.push(...identifiers.usernames);
  for (const phone of identifiers.phones) {
    const parsed = parsePhoneNumberFromString(phone, 'FR');
    // The national number's last eight digits, in order, survive every way of writing it: 06 12…, +33 6 12…,
    // 0033612…; spaced so that any grouping of them matches.
    const digits = parsed ? parsed.nationalNumber : phone.replace(/\D/g, '');
    terms.push([...digits.slice(-8)].join(' '));
  }
  return [...new Set(terms.map((t) => t.trim()))].filter(Boolean);
}

function isDistinctive(found: string, span: Span): boolean {
  return span.type !== 'person' || /[\s.]/.test(found.trim());
}

export interface SearchHit {
  post: ForumPost;
  spans: { location: string; text: string; span: Span }[];
}

/**
 * Posts beyond the named ones where the detector finds the requester's identifiers, streamed from the forum. The
 * candidates are searched DETECT_BATCH_SIZE posts at a time (the detector is faster over a batch), so at most that
 * many posts are held in memory.
 */
export async function* searchWholeForum(
  forum: ForumStore,
  identifiers: RequesterIdentifiers,
  skipPostIds: ReadonlySet<string>,
  onProgress: (scanned: number, total: number) => Promise<void>,
): AsyncIterable<SearchHit> {
  const terms = searchTermsFor(identifiers);
  if (terms.length === 0) return;
  let candidates: ForumPost[] = [];
  for await (const post of forum.findPostsContaining(terms, { onProgress })) {
    if (skipPostIds.has(post.id)) continue;
    candidates.push(post);
    if (candidates.length === DETECT_BATCH_SIZE) {
      yield* hitsAmong(candidates, identifiers);
      candidates = [];
    }
  }
  yield* hitsAmong(candidates, identifiers);
}

/** The posts among `candidates` where the detector finds the requester's own identifiers, in their order. */
function hitsAmong(candidates: ForumPost[], identifiers: RequesterIdentifiers): SearchHit[] {
  const textsByPost = candidates.map((post) => textsOf(post));
  const findings = detectPiiInTexts(textsByPost.flat().map(({ text }) => ({ text, identifiers })));
  const hits: SearchHit[] = [];
  let next = 0;
  for (const [index, post] of candidates.entries()) {
    const spans = (textsByPost[index] ?? []).flatMap(({ location, text }) =>
      (findings[next++] ?? []).filter((span) => span.owner === 'requester').map((span) => ({ location, text, span })),
    );
    // A given name alone is shared by too many people to pull a post the requester did not name into the request.
    if (spans.some(({ text, span }) => isDistinctive(text.slice(span.start, span.end), span))) hits.push({ post, spans });
  }
  return hits;
}
