// The removed_identifiers rows (a request's fingerprints: kind and keyed hash, never the value), and the review
// request a recheck opens when a later post holds a fingerprinted name.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Clock, Ids } from '../domain/clockAndIds';
import { appendAudit, firstAuditEntry } from './auditTrail';
import type { Tx } from './database';
import { addToOutbox } from './outbox';
import { audit, removedIdentifiers, requesterIdentifiers, requestPosts, requests } from './schema';

export interface FingerprintRow {
  kind: string;
  hash: string;
}

/** Adds the fingerprints the request does not keep yet (a retry adds nothing) and answers all it keeps. */
export async function keepFingerprintRows(tx: Tx, deps: { clock: Clock; ids: Ids }, requestId: string, rows: readonly FingerprintRow[]): Promise<FingerprintRow[]> {
  const kept = await fingerprintsOf(tx, requestId);
  const have = new Set(kept.map((r) => `${r.kind}:${r.hash}`));
  const missing = rows.filter((r) => !have.has(`${r.kind}:${r.hash}`));
  const now = deps.clock.now();
  if (missing.length > 0) await tx.insert(removedIdentifiers).values(missing.map((r) => ({ id: deps.ids.next(), requestId, kind: r.kind, hash: r.hash, createdAt: now })));
  return [...kept, ...missing];
}

export async function fingerprintsOf(db: Tx, requestId: string): Promise<FingerprintRow[]> {
  return db.select({ kind: removedIdentifiers.kind, hash: removedIdentifiers.hash }).from(removedIdentifiers).where(eq(removedIdentifiers.requestId, requestId));
}

export interface FingerprintMatch extends FingerprintRow {
  requestId: string;
}

/**
 * The kept fingerprints among `hashes`. Only a completed request's count: rows written while its posts were being
 * rewritten wait for that, and a request that never completed protects nothing. Latest completed first.
 */
export async function matchingFingerprints(db: Tx, hashes: readonly string[]): Promise<FingerprintMatch[]> {
  if (hashes.length === 0) return [];
  return db
    .select({ requestId: removedIdentifiers.requestId, kind: removedIdentifiers.kind, hash: removedIdentifiers.hash })
    .from(removedIdentifiers)
    .innerJoin(requests, eq(requests.id, removedIdentifiers.requestId))
    .where(and(inArray(removedIdentifiers.hash, [...hashes]), eq(requests.state, 'completed'), eq(requests.keepRemovedHashes, true)))
    .orderBy(desc(requests.closedAt), removedIdentifiers.requestId);
}

/** Forgets the request's fingerprints; answers what was forgotten (kinds only) for the audit entry. */
export async function deleteFingerprints(tx: Tx, requestId: string): Promise<{ kind: string }[]> {
  return tx.delete(removedIdentifiers).where(eq(removedIdentifiers.requestId, requestId)).returning({ kind: removedIdentifiers.kind });
}

/** Records a post a recheck rewrote on the request whose fingerprints it matched, so the requester sees it too. */
export async function recordRecheckedPost(tx: Tx, row: { id: string; requestId: string; postId: string; redactedHash: string; at: Date }): Promise<void> {
  await tx
    .insert(requestPosts)
    .values({ id: row.id, requestId: row.requestId, postId: row.postId, source: 'recheck', status: 'redacted', redactedHash: row.redactedHash, redactedAt: row.at })
    .onConflictDoUpdate({ target: [requestPosts.requestId, requestPosts.postId], set: { status: 'redacted', redactedHash: row.redactedHash, redactedAt: row.at } });
}

/** Serialises the rechecks of one post, so that two at once do not both open a review. */
export async function lockPostRecheck(tx: Tx, postId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`recheck:${postId}`}))`);
}

/** The reviews earlier rechecks opened for this post from this request: the review's id, its state and the post's hash then. */
export async function reviewsOpenedFor(tx: Tx, originalId: string, postId: string): Promise<{ reviewId: string; state: string | null; contentHash: string }[]> {
  const rows = await tx
    .select({ data: audit.data })
    .from(audit)
    .where(and(eq(audit.stream, originalId), eq(audit.action, 'recheck_review_opened'), sql`${audit.data}->>'postId' = ${postId}`));
  const opened = rows.map((r) => r.data as { reviewRequestId: string; contentHash: string });
  if (opened.length === 0) return [];
  const states = await tx.select({ id: requests.id, state: requests.state }).from(requests).where(inArray(requests.id, opened.map((o) => o.reviewRequestId)));
  return opened.map((o) => ({ reviewId: o.reviewRequestId, contentHash: o.contentHash, state: states.find((s) => s.id === o.reviewRequestId)?.state ?? null }));
}

/**
 * A new request for the moderators about one post, already verified (the original was), with the original's
 * relationship, language, email hash and sealed identifiers, so the ordinary locate job finds them in the post.
 * It keeps no fingerprints of its own: the original's stay the ones the requester can forget.
 */
export async function openReviewRequest(
  tx: Tx,
  deps: { clock: Clock; ids: Ids },
  input: { original: typeof requests.$inferSelect; postId: string; dueAt: Date; audit: Record<string, unknown> },
): Promise<string> {
  const { original, postId } = input;
  const id = deps.ids.next();
  const now = deps.clock.now();
  await tx.insert(requests).values({
    id,
    state: 'verified',
    lang: original.lang,
    scope: 'all',
    relationship: original.relationship,
    emailHash: original.emailHash,
    childUnder13: original.childUnder13,
    createdAt: now,
    verifiedAt: now,
    updatedAt: now,
    dueAt: input.dueAt,
  });
  const sealed = await tx.select().from(requesterIdentifiers).where(eq(requesterIdentifiers.requestId, original.id));
  if (sealed.length > 0) await tx.insert(requesterIdentifiers).values(sealed.map((r) => ({ id: deps.ids.next(), requestId: id, kind: r.kind, valueBox: r.valueBox })));
  await tx.insert(requestPosts).values({ id: deps.ids.next(), requestId: id, postId, status: 'pending' });
  await tx.insert(audit).values(firstAuditEntry({ stream: id, actor: 'system', action: 'opened_by_recheck', data: { originalRequestId: original.id, postId } }, now, deps.ids.next()));
  await addToOutbox(tx, deps.ids.next(), 'request.locate', { requestId: id }, now);
  await appendAudit(tx, { stream: original.id, actor: 'system', action: 'recheck_review_opened', data: { ...input.audit, postId, reviewRequestId: id } }, now, deps.ids.next());
  return id;
}

export async function countFingerprints(db: Tx, requestId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ kind: removedIdentifiers.kind, n: sql<number>`count(*)::int` })
    .from(removedIdentifiers)
    .where(eq(removedIdentifiers.requestId, requestId))
    .groupBy(removedIdentifiers.kind);
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}
