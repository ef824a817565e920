// A post created or edited after a removal is checked against the fingerprints completed requests kept: the
// requester's email, phone and identity, card and bank numbers are removed again at once and logged on that
// request; a name, username or address goes to the moderators as a new request. Safe to run again on a post.
import type { ForumPost, ForumStore } from '../forum/port';
import { detectPii } from '../pii/detect';
import type { PiiType, RedactableType, RequesterIdentifiers } from '../pii/types';
import { appendAudit } from '../store/auditTrail';
import type { EventDeps } from '../store/requestEvents';
import { getRequest } from '../store/requestRecords';
import {
  type FingerprintMatch,
  lockPostRecheck,
  matchingFingerprints,
  openReviewRequest,
  recordRecheckedPost,
  reviewsOpenedFor,
} from '../store/removedIdentifierRecords';
import type { SecretBox } from '../store/secretBox';
import { dueAtFrom, reviewPeriodDays } from './deadlines';
import { type RequestState, terminalStates } from './lifecycle';
import { leftoverTargets, rewritePost, sha256, textsOf } from './postRewrite';
import { countsByKind, type FingerprintKind, fingerprintsOf, kindOfFinding, redactAtOnceKinds } from './removedIdentifiers';

export interface RecheckDeps extends EventDeps {
  forum: ForumStore;
  box: SecretBox;
}

/** What a recheck did, in a word (for the forum event's outcome and for admins). */
export type RecheckOutcome = 'not_found' | 'no_match' | 'redacted' | 'review_opened' | 'redacted_and_review_opened' | 'review_already_open';

export class RecheckIncomplete extends Error {}

// The detector run for no one in particular: only its generic finders speak, and every finding is "other".
const noRequester: RequesterIdentifiers = Object.freeze({ emails: [], names: [], phones: [], usernames: [], addresses: [] }) as RequesterIdentifiers;

interface Candidate {
  location: string;
  start: number;
  end: number;
  type: PiiType;
  kind: FingerprintKind;
  text: string;
  hashes: string[];
}

interface Match extends Candidate {
  requestIds: string[];
}

export async function recheckPost(deps: RecheckDeps, postId: string): Promise<RecheckOutcome> {
  let post = await deps.forum.getPost(postId);
  if (!post) return 'not_found';
  const matches = await matchesIn(deps, post);
  if (matches.length === 0) return 'no_match';
  const atOnce = matches.filter((m) => redactAtOnceKinds.includes(m.kind));
  const toReview = matches.filter((m) => !redactAtOnceKinds.includes(m.kind));
  if (atOnce.length > 0) {
    post = await redactAtOnce(deps, post, atOnce);
    if (!post) return 'not_found';
  }
  if (toReview.length === 0) return 'redacted';
  const review = await openReview(deps, post, toReview);
  if (atOnce.length > 0) return review === 'review_opened' ? 'redacted_and_review_opened' : 'redacted';
  return review;
}

/** Each finding of a kept kind whose fingerprint some completed request keeps, with those requests (latest first). */
async function matchesIn(deps: RecheckDeps, post: ForumPost): Promise<Match[]> {
  const candidates: Candidate[] = textsOf(post).flatMap(({ location, text }) =>
    detectPii(text, noRequester).flatMap((span) => {
      const kind = kindOfFinding[span.type];
      if (!kind) return [];
      const written = text.slice(span.start, span.end);
      const hashes = fingerprintsOf(deps.box, kind, written).map((f) => f.hash);
      return hashes.length === 0 ? [] : [{ location, start: span.start, end: span.end, type: span.type, kind, text: written, hashes }];
    }),
  );
  const found = await matchingFingerprints(deps.db, [...new Set(candidates.flatMap((c) => c.hashes))]);
  return candidates.flatMap((c) => {
    const requestIds = [...new Set(found.filter((f: FingerprintMatch) => f.kind === c.kind && c.hashes.includes(f.hash)).map((f) => f.requestId))];
    return requestIds.length === 0 ? [] : [{ ...c, requestIds }];
  });
}

/**
 * Rewrites the post as an approved redaction would (postRewrite.ts), if it is still the post just read, checks
 * that nothing is left, and logs it on each request whose fingerprints matched: the post and counts by kind.
 */
async function redactAtOnce(deps: RecheckDeps, post: ForumPost, matches: Match[]): Promise<ForumPost | null> {
  const findings = matches.map((m) => ({ location: m.location, start: m.start, end: m.end, type: m.type as RedactableType, textHash: sha256(m.text) }));
  const { rewrite, targets } = rewritePost(post, findings);
  const result = await deps.forum.applyRewrite(post.id, post.contentHash, () => rewrite);
  // Edited again since it was read: the retry reads the new text (its own event will recheck it too).
  if (result.status === 'changed') throw new RecheckIncomplete(`post ${post.id} changed while it was being rechecked`);
  if (result.status === 'not_found') return null;
  const reread = await deps.forum.getPost(post.id);
  if (!reread) return null;
  const left = leftoverTargets(reread, targets);
  if (left.length > 0) throw new RecheckIncomplete(`post ${post.id} still holds ${left.length} fingerprinted value(s) after rewriting`);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    for (const requestId of new Set(matches.flatMap((m) => m.requestIds))) {
      const mine = matches.filter((m) => m.requestIds.includes(requestId));
      await recordRecheckedPost(tx, { id: deps.ids.next(), requestId, postId: post.id, redactedHash: reread.contentHash, at: now });
      await appendAudit(tx, { stream: requestId, actor: 'system', action: 'recheck_redacted', data: { postId: post.id, redacted: countsByKind(mine) } }, now, deps.ids.next());
    }
  });
  return reread;
}

/**
 * One review per post and request: none while an earlier one is open, nor again for the same content. Linked to
 * the latest completed request among those whose fingerprints matched.
 */
async function openReview(deps: RecheckDeps, post: ForumPost, matches: Match[]): Promise<'review_opened' | 'review_already_open'> {
  const originalId = matches[0]?.requestIds[0];
  if (!originalId) return 'review_already_open';
  const outcome = await deps.db.transaction(async (tx) => {
    await lockPostRecheck(tx, post.id);
    const earlier = await reviewsOpenedFor(tx, originalId, post.id);
    const stillOpen = (state: string | null) => state !== null && !terminalStates.includes(state as RequestState);
    if (earlier.some((e) => stillOpen(e.state) || e.contentHash === post.contentHash)) return 'review_already_open' as const;
    const original = await getRequest(tx, originalId);
    if (!original) return 'review_already_open' as const;
    const now = deps.clock.now();
    const mine = matches.filter((m) => m.requestIds.includes(originalId));
    await openReviewRequest(tx, deps, {
      original,
      postId: post.id,
      dueAt: dueAtFrom(now, reviewPeriodDays(original)),
      audit: { contentHash: post.contentHash, found: countsByKind(mine) },
    });
    return 'review_opened' as const;
  });
  if (outcome === 'review_opened') deps.outboxWritten?.();
  return outcome;
}
