// Redis dies in the middle of a run (SIGKILL) and comes back empty on the same port, as a Redis that keeps nothing
// on disk does. Redactions approved just before were relayed into it and are lost with it; requests keep arriving
// while it is away. The intake must keep answering 202 (the outbox holds the work), and everything must complete
// once Redis returns, with no crash or unhandled error in the process.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { rowsOf } from '../../../src/forum/postgres/rows';
import { startOwnRedis } from '../../support/redisServer';
import { startWorld, type World } from '../../support/world';
import type { FaultScale, FaultScenario } from '../faultScenario';
import { approveRemoval, carryThrough, type RemovalCase, submitRemoval, tallyRemovals, verifyRemoval, waitForAll } from '../removalRequests';

const sizes = {
  test: { requests: 4, downMs: 4000 },
  bench: { requests: 20, downMs: 60_000 },
};

/** Outbox rows of these requests' redactions that the relay has put into Redis and no worker has finished. */
async function relayedNotDone(world: World, ids: string[]): Promise<number> {
  const rows = rowsOf(
    await world.database.db.execute(sql`SELECT count(*)::int AS n FROM outbox WHERE job = 'request.redact' AND relayed_at IS NOT NULL AND done_at IS NULL
      AND payload->>'requestId' IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`),
  );
  return Number(rows[0]?.n ?? 0);
}

export const redisDown: FaultScenario = {
  name: 'redisDown',
  async run(scale: FaultScale) {
    const size = sizes[scale];
    const timeoutMs = scale === 'bench' ? 5 * 60_000 : 30_000;
    const redis = await startOwnRedis();
    const troubles: string[] = [];
    const onTrouble = (error: unknown) => void troubles.push(error instanceof Error ? error.name : typeof error);
    process.on('unhandledRejection', onTrouble);
    process.on('uncaughtException', onTrouble);
    // The intake's rate limit counts in Redis too: on, so that its path is the one production takes.
    let world: World | undefined;
    try {
      world = await startWorld({ REDIS_URL: redis.url, INTAKE_RATE_LIMIT: '100000' });
      const w = world;
      const run = randomBytes(3).toString('hex');
      const early: RemovalCase[] = await Promise.all(Array.from({ length: size.requests }, (_, i) => submitRemoval(w, `redis-early-${i}-${run}`)));
      await Promise.all(early.map((removal) => verifyRemoval(w, removal, timeoutMs)));
      if ((await waitForAll(w, early.map((r) => r.id), 'awaiting_review', timeoutMs)).length > 0) throw new Error('the early requests never reached review');

      // The requests queue is paused so that the approved redactions sit in Redis, relayed and unfinished, when it dies.
      await w.runtime.queues.get('requests').pause();
      await Promise.all(early.map((removal) => approveRemoval(w, removal)));
      const relayDeadline = Date.now() + timeoutMs;
      while ((await relayedNotDone(w, early.map((r) => r.id))) < early.length && Date.now() < relayDeadline) await new Promise((resolve) => setTimeout(resolve, 20));
      const lostWithRedis = await relayedNotDone(w, early.map((r) => r.id));
      await redis.kill();
      const downAt = Date.now();

      // While Redis is away: new requests are accepted, and the status pages answer.
      let slowestIntakeMs = 0;
      const late: RemovalCase[] = [];
      for (let i = 0; i < size.requests; i += 1) {
        const started = Date.now();
        late.push(await submitRemoval(w, `redis-late-${i}-${run}`));
        slowestIntakeMs = Math.max(slowestIntakeMs, Date.now() - started);
      }
      const ready = await request(w.server).get('/readyz');
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, size.downMs - (Date.now() - downAt))));
      await redis.start();
      const back = Date.now();

      await carryThrough(w, late, timeoutMs);
      const all = [...early, ...late];
      await waitForAll(w, all.map((r) => r.id), 'completed', timeoutMs);
      const recoveredMs = Date.now() - back;
      // The completed emails of the last requests may still be on their way.
      await Promise.all(all.map((r) => w.waitForMail(r.email, /./, [`/status/${r.id}`], timeoutMs).catch(() => undefined)));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const tally = await tallyRemovals(w, all);
      return {
        figures: { redactionsCompleted: tally.redactionsCompleted, lost: tally.lost, appliedTwice: tally.appliedTwice, duplicateEmails: tally.duplicateEmails },
        details: {
          downSeconds: Math.round((back - downAt) / 1000),
          jobsLostWithRedis: lostWithRedis,
          acceptedWhileDown: late.length,
          slowestIntakeMsWhileDown: slowestIntakeMs,
          readinessWhileDown: ready.status,
          recoveredSecondsAfterReturn: Math.round(recoveredMs / 100) / 10,
          unhandledErrors: troubles.length,
          partialPosts: tally.partialPosts,
        },
      };
    } finally {
      await world?.close();
      await redis.close();
      process.off('unhandledRejection', onTrouble);
      process.off('uncaughtException', onTrouble);
    }
  },
};
