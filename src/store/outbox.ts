// The outbox: jobs written in the same transaction as the state change that implies them.
// The relay (queue/outboxRelay.ts) moves them into BullMQ with the row id as the job id.
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import { type JobName, type JobOf, parsePayload } from '../queue/jobs';
import type { Tx } from './database';
import { outbox } from './schema';

export interface OutboxRow {
  id: string;
  job: JobName;
  payload: unknown;
}

export async function addToOutbox<N extends JobName>(tx: Tx, id: string, job: N, payload: JobOf<N>, now: Date): Promise<void> {
  // Checked when written, so a bad payload fails the transition rather than a worker later.
  await tx.insert(outbox).values({ id, job, payload: parsePayload(job, payload), createdAt: now });
}

/** Rows never relayed, oldest first; SKIP LOCKED lets several relays share the work. */
export async function claimUnrelayed(tx: Tx, limit: number): Promise<OutboxRow[]> {
  const rows = await tx
    .select({ id: outbox.id, job: outbox.job, payload: outbox.payload })
    .from(outbox)
    .where(and(isNull(outbox.relayedAt), isNull(outbox.doneAt)))
    .orderBy(asc(outbox.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return rows as OutboxRow[];
}

export async function markRelayed(tx: Tx, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(outbox).set({ relayedAt: now }).where(sql`${outbox.id} IN ${ids}`);
}

export async function markDone(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.update(outbox).set({ doneAt: now }).where(and(eq(outbox.id, id), isNull(outbox.doneAt)));
}

/** Relayed long ago and still not done: the job may have been lost with Redis, or failed for good. */
export async function staleRows(tx: Tx, relayedBefore: Date, limit: number): Promise<OutboxRow[]> {
  const rows = await tx
    .select({ id: outbox.id, job: outbox.job, payload: outbox.payload })
    .from(outbox)
    .where(and(isNull(outbox.doneAt), lt(outbox.relayedAt, relayedBefore)))
    .orderBy(asc(outbox.relayedAt))
    .limit(limit);
  return rows as OutboxRow[];
}
