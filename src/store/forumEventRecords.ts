// The webhooks a forum sent (forum_events): recorded once per event id with the job that handles them, read back
// by that job, and marked handled with what it did. Also the rows a forum event touches: open requests naming a post,
// and the third-party request a pii.reported event opens.
import { and, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import { terminalStates } from '../domain/lifecycle';
import type { Clock, Ids } from '../domain/clockAndIds';
import { firstAuditEntry } from './auditTrail';
import type { Db, Tx } from './database';
import { addToOutbox } from './outbox';
import type { PrivateText } from './requestRecords';
import { audit, forumEvents, requesterIdentifiers, requestPosts, requests } from './schema';
import type { SecretBox } from './secretBox';

export type ForumEventRow = typeof forumEvents.$inferSelect;

/**
 * Records the event and the job that will handle it in one transaction, or nothing when its id was seen before.
 * The primary key settles two deliveries of the same id arriving together: one insert wins, the other does nothing.
 */
export async function recordForumEvent(
  deps: { db: Db; ids: Ids; clock: Clock; outboxWritten?: () => void },
  row: Pick<ForumEventRow, 'id' | 'type' | 'postId' | 'userId' | 'detailsBox'>,
): Promise<'recorded' | 'duplicate'> {
  const now = deps.clock.now();
  const recorded = await deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(forumEvents)
      .values({ ...row, receivedAt: now })
      .onConflictDoNothing({ target: forumEvents.id })
      .returning({ id: forumEvents.id });
    if (inserted.length === 0) return false;
    await addToOutbox(tx, deps.ids.next(), 'forum.event', { eventId: row.id }, now);
    return true;
  });
  if (!recorded) return 'duplicate';
  deps.outboxWritten?.();
  return 'recorded';
}

export async function getForumEvent(db: Tx, id: string): Promise<ForumEventRow | null> {
  const [row] = await db.select().from(forumEvents).where(eq(forumEvents.id, id));
  return row ?? null;
}

/** The event row locked for the rest of the transaction: two runs of one job do its work once. */
export async function lockForumEvent(tx: Tx, id: string): Promise<ForumEventRow | null> {
  const [row] = await tx.select().from(forumEvents).where(eq(forumEvents.id, id)).for('update');
  return row ?? null;
}

export async function markForumEventHandled(tx: Tx, id: string, outcome: string, now: Date): Promise<void> {
  await tx.update(forumEvents).set({ handledAt: now, outcome }).where(and(eq(forumEvents.id, id), isNull(forumEvents.handledAt)));
}

export interface OpenRequestPost {
  requestId: string;
  state: string;
  relationship: string;
  rowId: string;
  status: string;
  reviewedHash: string | null;
}

/** The rows of requests not yet closed that include this post. */
export async function openRequestsWithPost(db: Tx, postId: string): Promise<OpenRequestPost[]> {
  return db
    .select({
      requestId: requests.id,
      state: requests.state,
      relationship: requests.relationship,
      rowId: requestPosts.id,
      status: requestPosts.status,
      reviewedHash: requestPosts.reviewedHash,
    })
    .from(requestPosts)
    .innerJoin(requests, eq(requests.id, requestPosts.requestId))
    .where(and(eq(requestPosts.postId, postId), notInArray(requests.state, [...terminalStates])));
}

/** Marks these request_posts rows not_found (the forum deleted the post), leaving any already redacted as they are. */
export async function markPostsGone(tx: Tx, rowIds: string[], now: Date): Promise<void> {
  if (rowIds.length === 0) return;
  await tx
    .update(requestPosts)
    .set({ status: 'not_found', locatedAt: now })
    .where(and(inArray(requestPosts.id, rowIds), inArray(requestPosts.status, ['pending', 'located'])));
}

export interface ReportedRequest {
  postId: string;
  lang: string;
  reporter: { email?: string; name?: string };
  note?: string;
  /** Goes in the first audit entry: the event id and the kinds reported, never the note or the reporter. */
  audit: Record<string, unknown>;
  dueAt: Date;
}

/** Marks a request opened from a report without an email address: no HMAC of an address ever looks like this. */
export const noEmailHash = 'none';

/**
 * A third-party request for the reported post, already verified (the signed webhook vouches for it), with its
 * locate job and, when the reporter left an address, the "received" email: all in the caller's transaction.
 */
export async function insertReportedRequest(tx: Tx, deps: { ids: Ids; box: SecretBox }, input: ReportedRequest, now: Date): Promise<string> {
  const { ids, box } = deps;
  const id = ids.next();
  const privateText: PrivateText = { details: input.note, quotes: [], answers: [] };
  const email = input.reporter.email;
  await tx.insert(requests).values({
    id,
    state: 'verified',
    lang: input.lang,
    scope: 'all',
    relationship: 'third_party',
    emailHash: email ? box.lookupHash(email) : noEmailHash,
    privateBox: box.seal(JSON.stringify(privateText)),
    createdAt: now,
    verifiedAt: now,
    updatedAt: now,
    dueAt: input.dueAt,
  });
  const identifiers = [...(email ? [{ kind: 'email', value: email }] : []), ...(input.reporter.name ? [{ kind: 'name', value: input.reporter.name }] : [])];
  if (identifiers.length > 0) {
    await tx.insert(requesterIdentifiers).values(identifiers.map((row) => ({ id: ids.next(), requestId: id, kind: row.kind, valueBox: box.seal(row.value) })));
  }
  await tx.insert(requestPosts).values({ id: ids.next(), requestId: id, postId: input.postId, status: 'pending' });
  await tx.insert(audit).values(firstAuditEntry({ stream: id, actor: 'forum', action: 'reported', data: { posts: 1, scope: 'all', relationship: 'third_party', ...input.audit } }, now, ids.next()));
  await addToOutbox(tx, ids.next(), 'request.locate', { requestId: id }, now);
  if (email) await addToOutbox(tx, ids.next(), 'mail.render', { requestId: id, template: 'received' }, now);
  return id;
}
