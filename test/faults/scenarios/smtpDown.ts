// The SMTP server refuses every email for a while (451 to each MAIL FROM), then accepts again. Requests go on
// meanwhile: approvals complete and new requests arrive. Every email must arrive once the server accepts, soon
// after (the mail backoff is capped), and none twice.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../src/forum/postgres/rows';
import { startWorld, type World } from '../../support/world';
import type { FaultScale, FaultScenario } from '../faultScenario';
import { approveRemoval, carryThrough, mailCount, type RemovalCase, submitRemoval, tallyRemovals, verifyRemoval, waitForAll } from '../removalRequests';

const sizes = {
  // Short waits so that the cap matters within a few seconds: uncapped, the sixth retry would come 6 s later.
  test: { requests: 3, outageMs: 8000, env: { MAIL_RETRY_MS: '100', MAIL_RETRY_MAX_MS: '400' } },
  // The production schedule (2 s doubling, at most 2 minutes) against the five-minute outage of the issue.
  bench: { requests: 20, outageMs: 5 * 60_000, env: {} as Record<string, string> },
};

/** verify, received and completed: the emails a request that goes through gets. */
export const mailsPerRequest = 3;

async function unsentMailIds(world: World): Promise<string[]> {
  return rowsOf(await world.database.db.execute(sql`SELECT id::text AS id FROM mails WHERE sent_at IS NULL`)).map((row) => String(row.id));
}

async function allSent(world: World, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  const rows = rowsOf(await world.database.db.execute(sql`SELECT count(*)::int AS n FROM mails WHERE sent_at IS NULL AND id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`));
  return Number(rows[0]?.n ?? 0) === 0;
}

export const smtpDown: FaultScenario = {
  name: 'smtpDown',
  async run(scale: FaultScale) {
    const size = sizes[scale];
    const timeoutMs = scale === 'bench' ? 10 * 60_000 : 30_000;
    const world = await startWorld(size.env);
    const run = randomBytes(3).toString('hex');
    try {
      // Before the outage: requests reach review, their verify and received emails delivered.
      const early: RemovalCase[] = await Promise.all(Array.from({ length: size.requests }, (_, i) => submitRemoval(world, `smtp-early-${i}-${run}`)));
      await Promise.all(early.map((removal) => verifyRemoval(world, removal, timeoutMs)));
      const notReviewable = await waitForAll(world, early.map((r) => r.id), 'awaiting_review', timeoutMs);
      if (notReviewable.length > 0) throw new Error(`${notReviewable.length} requests never reached review`);

      world.smtp.refuse();
      const outageStarted = Date.now();
      // During it: the early requests are approved (their completed emails wait) and new ones arrive (their verify emails wait).
      await Promise.all(early.map((removal) => approveRemoval(world, removal)));
      const late: RemovalCase[] = await Promise.all(Array.from({ length: size.requests }, (_, i) => submitRemoval(world, `smtp-late-${i}-${run}`)));
      const notCompleted = await waitForAll(world, early.map((r) => r.id), 'completed', timeoutMs);
      if (notCompleted.length > 0) throw new Error(`${notCompleted.length} requests never completed during the outage`);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, size.outageMs - (Date.now() - outageStarted))));

      const held = await unsentMailIds(world);
      const refusedDuringOutage = world.smtp.refusals;
      world.smtp.accept();
      const back = Date.now();
      let heldDeliveredMs = -1;
      const watchHeld = (async () => {
        while (Date.now() - back < timeoutMs) {
          if (await allSent(world, held)) return void (heldDeliveredMs = Date.now() - back);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      await carryThrough(world, late, timeoutMs);
      await waitForAll(world, late.map((r) => r.id), 'completed', timeoutMs);
      await watchHeld;
      const all = [...early, ...late];
      // The last completed emails may still be on their way: wait for them, then look for any extra copy.
      const deadline = Date.now() + timeoutMs;
      while (mailCount(world, all) < all.length * mailsPerRequest && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const tally = await tallyRemovals(world, all);
      return {
        figures: { redactionsCompleted: tally.redactionsCompleted, lost: tally.lost, appliedTwice: tally.appliedTwice, duplicateEmails: tally.duplicateEmails },
        details: {
          outageSeconds: Math.round((back - outageStarted) / 1000),
          mailsHeld: held.length,
          refusals: refusedDuringOutage,
          heldDeliveredMsAfterReturn: heldDeliveredMs,
          mailsExpected: all.length * mailsPerRequest,
          mailsReceived: mailCount(world, all),
          partialPosts: tally.partialPosts,
        },
      };
    } finally {
      await world.close();
    }
  },
};
