// Applies one lifecycle event: the state change, its audit entry, and the jobs and emails it implies,
// all in one transaction. Routes and workers call this; nothing else sets a request's state.
import { eq } from 'drizzle-orm';
import { type Actor, actorLabel, type RequestEvent, type RequestState, terminalStates, transitionFor } from '../domain/lifecycle';
import { RequestNotFound } from '../domain/errors';
import type { Clock, Ids } from '../domain/clockAndIds';
import { appendAudit } from './auditTrail';
import type { Db, Tx } from './database';
import { addToOutbox } from './outbox';
import { requests } from './schema';
import { recordRequestCompleted } from './webhookDeliveries';

export interface EventDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  /** Called after a commit that wrote outbox rows, so the relay need not wait for its next tick. */
  outboxWritten?: () => void;
  /** FORUM_WEBHOOK_URL is set: what the forum should hear of (redactions, completions) is recorded for delivery. */
  sendsForumWebhooks?: boolean;
}

export interface EventInput {
  requestId: string;
  event: RequestEvent;
  actor: Actor;
  /** What the audit entry records beyond who and what: reason codes, counts, ids. Never personal information. */
  audit?: Record<string, unknown>;
  /** Columns of the request that the event sets; a function receives the transaction's time (verifiedAt, dueAt). */
  changes?: RequestChanges | ((now: Date) => RequestChanges);
  /**
   * A condition the transition table cannot express, checked on the locked row before anything is written
   * (four eyes: the second approver is not the first). It throws a DomainError to refuse the event.
   */
  guard?: (locked: typeof requests.$inferSelect, tx: Tx) => Promise<void> | void;
  /** Further writes that must commit or fail with the event (findings, approvals). */
  within?: (tx: Tx) => Promise<void>;
}

export type RequestChanges = Partial<
  Pick<
    typeof requests.$inferInsert,
    'question' | 'refusalReason' | 'refusalMessage' | 'privateBox' | 'attempts' | 'firstApprover' | 'firstApprovedAt' | 'verifiedAt' | 'dueAt'
  >
>;

export async function applyEvent(deps: EventDeps, input: EventInput): Promise<{ from: RequestState; to: RequestState }> {
  const { clock, ids } = deps;
  const result = await deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(requests).where(eq(requests.id, input.requestId)).for('update');
    if (!row) throw new RequestNotFound();
    const from = row.state as RequestState;
    const transition = transitionFor(from, input.event, input.actor.kind);
    await input.guard?.(row, tx);
    const now = clock.now();
    const changes = typeof input.changes === 'function' ? input.changes(now) : input.changes;
    await tx
      .update(requests)
      .set({ ...changes, state: transition.to, updatedAt: now, ...(terminalStates.includes(transition.to) ? { closedAt: now } : {}) })
      .where(eq(requests.id, input.requestId));
    if (input.within) await input.within(tx);
    await appendAudit(tx, { stream: input.requestId, actor: actorLabel(input.actor), action: input.event, data: { from, to: transition.to, ...input.audit } }, now, ids.next());
    for (const job of transition.jobs ?? []) await addToOutbox(tx, ids.next(), job, { requestId: input.requestId }, now);
    if (transition.mail) {
      const question = transition.mail === 'needs_info' ? changes?.question ?? undefined : undefined;
      await addToOutbox(tx, ids.next(), 'mail.render', { requestId: input.requestId, template: transition.mail, question }, now);
    }
    // However a request reaches completed, the forum hears of it (webhooks out), in this same transaction.
    const tellsForum = transition.to === 'completed' && Boolean(deps.sendsForumWebhooks);
    if (tellsForum) await recordRequestCompleted(tx, ids.next(), input.requestId, now);
    return { from, to: transition.to, wroteOutbox: Boolean(transition.jobs?.length || transition.mail || tellsForum) };
  });
  if (result.wroteOutbox) deps.outboxWritten?.();
  return { from: result.from, to: result.to };
}
