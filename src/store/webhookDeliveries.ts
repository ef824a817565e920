// The webhooks Erasure sends the forum: one row per event, written in the transaction of what it reports, with an
// outbox row of the same id (so the job id, too, is the delivery id). Rows hold ids and counts, never text.
import { and, count, desc, eq, inArray, isNotNull, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Tx } from './database';
import { addToOutbox } from './outbox';
import type { EventDeps } from './requestEvents';
import { findings, outbox, quoteSource, requestPosts, webhookDeliveries } from './schema';

export const webhookEvents = ['redaction.applied', 'request.completed'] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

/** delivered: the forum answered 2xx; failed: every attempt was refused; pending: not tried yet, or retrying. */
export const deliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export interface WebhookDeliveryView extends WebhookDeliveryRow {
  status: DeliveryStatus;
}

/** Writes the event and its delivery job; the caller's transaction makes them commit with what they report. */
export async function addWebhookDelivery(tx: Tx, id: string, event: WebhookEvent, requestId: string, data: Record<string, string | number>, now: Date): Promise<void> {
  await tx.insert(webhookDeliveries).values({ id, event, requestId, payload: data, createdAt: now });
  await addToOutbox(tx, id, 'webhook.deliver', { deliveryId: id }, now);
}

/**
 * request.completed says how much was removed: the request's posts rewritten and the approved findings in them,
 * its posts deleted whole (a child's), and other people's posts whose quotes of it were rewritten.
 */
export async function recordRequestCompleted(tx: Tx, id: string, requestId: string, now: Date): Promise<void> {
  const ofRequest = eq(requestPosts.requestId, requestId);
  const isOwn = ne(requestPosts.source, quoteSource);
  const isRedacted = and(ofRequest, isOwn, eq(requestPosts.status, 'redacted'));
  const counted = async (where: SQL | undefined) => Number((await tx.select({ n: count() }).from(requestPosts).where(where))[0]?.n ?? 0);
  const redacted = tx.select({ postId: requestPosts.postId }).from(requestPosts).where(isRedacted);
  const [found] = await tx
    .select({ n: count() })
    .from(findings)
    .where(and(eq(findings.requestId, requestId), eq(findings.approved, true), inArray(findings.postId, redacted)));
  await addWebhookDelivery(
    tx,
    id,
    'request.completed',
    requestId,
    {
      requestId,
      postsRedacted: await counted(isRedacted),
      findingsRedacted: Number(found?.n ?? 0),
      postsDeleted: await counted(and(ofRequest, isOwn, eq(requestPosts.status, 'deleted'))),
      quotesRedacted: await counted(and(ofRequest, eq(requestPosts.source, quoteSource), eq(requestPosts.status, 'redacted'))),
    },
    now,
  );
}

/**
 * Marks a request's post redacted and, when the forum listens, tells it in the same transaction (redaction.applied),
 * so that a crash cannot leave one without the other.
 */
/** What happened to a post, as redaction.applied tells the forum: rewritten, deleted whole, or a quote in it rewritten. */
export type PostChange = 'redacted' | 'deleted' | 'quote_redacted';

/** The redaction.applied event for one post, in the caller's transaction, when the forum has a webhook URL. */
export async function tellForumPostChanged(deps: EventDeps, tx: Tx, post: { requestId: string; postId: string }, change: PostChange, now: Date): Promise<void> {
  if (!deps.sendsForumWebhooks) return;
  await addWebhookDelivery(tx, deps.ids.next(), 'redaction.applied', post.requestId, { requestId: post.requestId, postId: post.postId, change }, now);
}

/** Marks a request's post redacted (or deleted whole) and, in the same transaction, tells the forum. */
export async function markPostRedacted(deps: EventDeps, post: { id: string; requestId: string; postId: string }, now: Date, change: 'redacted' | 'deleted' = 'redacted'): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await tx.update(requestPosts).set({ status: change, redactedAt: now }).where(eq(requestPosts.id, post.id));
    await tellForumPostChanged(deps, tx, post, change, now);
  });
  if (deps.sendsForumWebhooks) deps.outboxWritten?.();
}

/** The status column: the outbox row is done once the job succeeded or failed for good. */
const statusOf = (row: WebhookDeliveryRow, jobDoneAt: Date | null): DeliveryStatus => (row.deliveredAt ? 'delivered' : jobDoneAt ? 'failed' : 'pending');

export async function getDelivery(db: Tx, id: string): Promise<WebhookDeliveryView | null> {
  const [row] = await db.select({ delivery: webhookDeliveries, doneAt: outbox.doneAt }).from(webhookDeliveries).leftJoin(outbox, eq(outbox.id, webhookDeliveries.id)).where(eq(webhookDeliveries.id, id));
  return row ? { ...row.delivery, status: statusOf(row.delivery, row.doneAt) } : null;
}

/** Newest first. */
export async function listDeliveries(db: Tx, filter: { status?: DeliveryStatus; limit: number; offset: number }): Promise<WebhookDeliveryView[]> {
  const where =
    filter.status === 'delivered'
      ? isNotNull(webhookDeliveries.deliveredAt)
      : filter.status === 'failed'
        ? and(isNull(webhookDeliveries.deliveredAt), isNotNull(outbox.doneAt))
        : filter.status === 'pending'
          ? and(isNull(webhookDeliveries.deliveredAt), isNull(outbox.doneAt))
          : undefined;
  const rows = await db
    .select({ delivery: webhookDeliveries, doneAt: outbox.doneAt })
    .from(webhookDeliveries)
    .leftJoin(outbox, eq(outbox.id, webhookDeliveries.id))
    .where(where)
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return rows.map((row) => ({ ...row.delivery, status: statusOf(row.delivery, row.doneAt) }));
}

/** One attempt's outcome; returns which attempt it was. A delivered row keeps its first delivery time. */
export async function recordAttempt(db: Tx, id: string, outcome: { status: number | null; error: string | null; delivered: boolean }, at: Date): Promise<number> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastStatus: outcome.status,
      lastError: outcome.error,
      lastAttemptAt: at,
      ...(outcome.delivered ? { deliveredAt: sql`coalesce(${webhookDeliveries.deliveredAt}, ${at.toISOString()}::timestamptz)` } : {}),
    })
    .where(eq(webhookDeliveries.id, id))
    .returning({ attempts: webhookDeliveries.attempts });
  return row?.attempts ?? 0;
}
