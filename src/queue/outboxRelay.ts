// Moves outbox rows into BullMQ (the row id is the job id, so relaying twice enqueues once), and
// reconciles: a row relayed long ago and still not done is enqueued again if its job is gone or failed.
import type { Logger } from 'pino';
import type { Clock } from '../domain/clockAndIds';
import type { Db } from '../store/database';
import type { Tx } from '../store/database';
import { claimUnrelayed, markDone, markRelayed, type OutboxRow, staleRows } from '../store/outbox';
import { childRequestIds } from '../store/requestRecords';
import { jobPriority, ordinaryPriority, requestIdOf } from './jobPriority';
import { jobQueue } from './jobs';
import type { Queues } from './queues';

export interface OutboxRelay {
  /** Relay soon: called after a commit that wrote outbox rows. Calls close together share one pass. */
  kick(): void;
  relayOnce(): Promise<number>;
  reconcileOnce(staleAfterMs?: number): Promise<number>;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

/**
 * The BullMQ priority of each row's job: the outbox payloads are ids, so the request's flag is read here, once per
 * batch, rather than copied into every row. A job about no request (a forum event, a post to recheck, a webhook
 * delivery) gets the ordinary priority: BullMQ would otherwise run it before every prioritized job, a child's too.
 */
async function prioritiesOf(tx: Tx, rows: OutboxRow[]): Promise<(row: OutboxRow) => number> {
  const ids = [...new Set(rows.map((row) => requestIdOf(row.payload)).filter((id): id is string => Boolean(id)))];
  const children = ids.length > 0 ? await childRequestIds(tx, ids) : new Set<string>();
  return (row) => {
    const id = requestIdOf(row.payload);
    return id ? jobPriority({ childUnder13: children.has(id) }) : ordinaryPriority;
  };
}

export function createOutboxRelay(deps: { db: Db; queues: Queues; clock: Clock; log: Logger }): OutboxRelay {
  const { db, queues, clock, log } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let pending = false;
  let failing = false;
  let stopped = false;
  let soon: NodeJS.Timeout | undefined;

  async function relayOnce(): Promise<number> {
    // While Redis is away the queue's commands would wait for it, holding the transaction and its row locks open
    // for the whole outage: the pass is skipped instead, and the rows wait in the outbox for the next one.
    await queues.ping();
    let total = 0;
    for (;;) {
      const relayed = await db.transaction(async (tx) => {
        const rows = await claimUnrelayed(tx, 100);
        // Enqueued inside the transaction: if Redis refuses, the rows stay unrelayed and the next pass retries.
        const priority = await prioritiesOf(tx, rows);
        await queues.addMany(rows.map((row) => ({ name: row.job, payload: row.payload, jobId: row.id, priority: priority(row) })));
        await markRelayed(tx, rows.map((r) => r.id), clock.now());
        return rows.length;
      });
      total += relayed;
      if (relayed < 100) return total;
    }
  }

  function pass(): void {
    if (pending || stopped) return;
    pending = true;
    running = running
      .then(() => {
        pending = false;
        return relayOnce();
      })
      .then(
        () => {
          if (failing) log.info('outbox relay passes again');
          failing = false;
        },
        (error: unknown) => {
          // Once per outage at warn: a pass runs every second.
          if (!failing) log.warn({ err: error }, 'outbox relay pass failed; the next pass retries');
          failing = true;
        },
      );
  }

  async function reconcileOnce(staleAfterMs = 5 * 60_000): Promise<number> {
    const rows = await staleRows(db, new Date(clock.now().getTime() - staleAfterMs), 500);
    let requeued = 0;
    for (const row of rows) {
      const queue = queues.get(jobQueue[row.job]);
      const job = await queue.getJob(row.id);
      const state = job ? await job.getState() : 'missing';
      if (state === 'completed') {
        await markDone(db, row.id, clock.now());
      } else if (state === 'missing' || state === 'failed' || state === 'unknown') {
        if (job) await job.remove();
        await queues.add(row.job, row.payload as never, row.id, { priority: (await prioritiesOf(db, [row]))(row) });
        requeued += 1;
      }
    }
    if (requeued > 0) log.info({ requeued }, 'reconciler enqueued stale outbox rows again');
    return requeued;
  }

  return {
    kick() {
      // A short delay gathers the rows of a burst of commits into one pass: one round trip to Redis, not one each.
      soon ??= setTimeout(() => {
        soon = undefined;
        pass();
      }, 20);
    },
    relayOnce,
    reconcileOnce,
    start(intervalMs) {
      timer = setInterval(pass, intervalMs);
      timer.unref();
      pass();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      if (soon) clearTimeout(soon);
      await running;
    },
  };
}
