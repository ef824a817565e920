// Stalled jobs: a worker hangs (SIGSTOP) while it holds a redact job or an email's send, past its lock, so that the
// other worker takes the job over and does it; then the hung one wakes up (SIGCONT) and carries on where it stopped.
// The effect must happen once: each post written once, one audit entry, one email of each kind. The SMTP server
// answers slowly, so that a worker stopped in a send has often had its message accepted without knowing it.
import { sql } from 'drizzle-orm';
import { erasureProcess, type ErasureProcess, childEnvOf, stopAll } from '../../support/erasureProcess';
import { startWorld, type World } from '../../support/world';
import type { FaultScale, FaultScenario } from '../faultScenario';
import {
  approveAll,
  countForumWrites,
  failedJobs,
  type Requester,
  seedRequesters,
  submitAll,
  tallyBatch,
  verifyAll,
  waitForAll,
  waitForCompletionEmails,
  waitForQuietQueues,
} from '../redactionBatch';

const sizes: Record<FaultScale, { rounds: number; requestsPerRound: number; timeoutMs: number }> = {
  test: { rounds: 4, requestsPerRound: 3, timeoutMs: 60_000 },
  bench: { rounds: 20, requestsPerRound: 10, timeoutMs: 300_000 },
};

const lockMs = 2000;
/**
 * Each rewrite of a post takes this long in the forum's database, so that a worker stopped while it redacts is
 * most often stopped inside the rewrite's transaction, holding the post's row lock: the moment where the check of
 * the content hash under that lock is all that keeps the worker that takes over from writing the post again.
 */
const forumWriteMs = 200;

/** A slow forum database: every write of a post's body waits ms first. */
async function slowForumWrites(world: World, ms: number): Promise<void> {
  await world.database.db.execute(
    sql.raw(`CREATE OR REPLACE FUNCTION forum.slow_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_sleep(${ms / 1000});
  RETURN NEW;
END
$$`),
  );
  await world.database.db.execute(sql.raw('CREATE OR REPLACE TRIGGER posts_slow_write BEFORE UPDATE OF body_raw ON forum.posts FOR EACH ROW EXECUTE FUNCTION forum.slow_write()'));
}
const smtpReplyDelayMs = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Target = 'request.redact' | 'mail.send';
const queueOf: Record<Target, 'requests' | 'mail-send'> = { 'request.redact': 'requests', 'mail.send': 'mail-send' };

/** The worker's pid, from BullMQ's processedBy ("host:pid", see workers/index.ts). */
const pidOf = (processedBy: string | undefined) => Number(processedBy?.split(':').pop());

interface Freeze {
  holder: ErasureProcess;
  jobIds: string[];
}

/**
 * How long after a job starts its worker is stopped: a redaction in the middle of its posts' rewrites, the third
 * one's transaction open; a send while it waits for the server's 250.
 */
const freezeAfterMs: Record<Target, number> = { 'request.redact': 2.5 * forumWriteMs, 'mail.send': smtpReplyDelayMs / 3 };

/** Waits for a job of this kind to be running, then stops the worker that holds it, with every job it holds. */
async function freezeHolderOf(world: World, workers: ErasureProcess[], target: Target, timeoutMs: number): Promise<Freeze | null> {
  const queue = world.runtime.queues.get(queueOf[target]);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const job = (await queue.getActive()).find((j) => j.name === target);
    const holder = workers.find((w) => w.pid !== undefined && w.pid === pidOf(job?.processedBy));
    if (job && holder) {
      await sleep(freezeAfterMs[target]);
      holder.freeze();
      const held = (await queue.getActive()).filter((j) => pidOf(j.processedBy) === holder.pid);
      return { holder, jobIds: held.map((j) => j.id as string) };
    }
    await sleep(20);
  }
  return null;
}

/** Resolves with how many of the frozen worker's jobs another worker took (or finished) within the time given. */
async function waitForTakeover(world: World, target: Target, freeze: Freeze, timeoutMs: number): Promise<number> {
  const queue = world.runtime.queues.get(queueOf[target]);
  const deadline = Date.now() + timeoutMs;
  let taken = 0;
  while (Date.now() < deadline) {
    taken = 0;
    for (const id of freeze.jobIds) {
      const job = await queue.getJob(id);
      if (!job || (await job.getState()) === 'completed' || pidOf(job.processedBy) !== freeze.holder.pid) taken += 1;
    }
    if (taken === freeze.jobIds.length) return taken;
    await sleep(100);
  }
  return taken;
}

export const stalledJobsScenario: FaultScenario = {
  name: 'stalledJobs',
  async run(scale) {
    const size = sizes[scale];
    const started = Date.now();
    const world = await startWorld({ FOUR_EYES: 'false', API_RATE_LIMIT: '0', JOB_LOCK_MS: String(lockMs) }, { workers: false, smtp: { replyDelayMs: smtpReplyDelayMs } });
    const workers = [1, 2].map((n) => erasureProcess({ command: 'work', env: childEnvOf(world), name: `stalledJobs-worker-${n}` }));
    try {
      await countForumWrites(world);
      await slowForumWrites(world, forumWriteMs);
      const requesters = await seedRequesters(world, size.rounds * size.requestsPerRound, 5);
      await Promise.all(workers.map((w) => w.start()));
      await submitAll(world, requesters);
      const verified = await verifyAll(world, requesters, size.timeoutMs);
      await waitForAll(world, verified, 'awaiting_review', size.timeoutMs);
      let freezes = 0;
      let jobsHeld = 0;
      let jobsTakenOver = 0;
      for (let round = 0; round < size.rounds; round += 1) {
        const target: Target = round % 2 === 0 ? 'request.redact' : 'mail.send';
        const batch: Requester[] = requesters.slice(round * size.requestsPerRound, (round + 1) * size.requestsPerRound).filter((r) => verified.includes(r));
        const approving = approveAll(world, batch);
        const freeze = await freezeHolderOf(world, workers, target, 20_000);
        await approving;
        if (freeze) {
          freezes += 1;

          jobsHeld += freeze.jobIds.length;
          // The lock runs out, the other worker's stalled check takes the jobs back, and it runs them.
          jobsTakenOver += await waitForTakeover(world, target, freeze, 4 * lockMs + 10_000);
          await sleep(lockMs);
          freeze.holder.thaw();
        }
        await waitForAll(world, batch, 'completed', size.timeoutMs);
        await waitForCompletionEmails(world, batch, size.timeoutMs / 4);
      }
      await waitForQuietQueues(world, 30_000);
      // A woken worker finishes what it held, and its emails come in then, if it sends them again.
      await sleep(3 * lockMs);
      const tally = await tallyBatch(world, requesters);
      return {
        figures: tally.figures,
        details: {
          requests: requesters.length,
          requestsCompleted: tally.requestsCompleted,
          freezes,
          jobsHeld,
          jobsTakenOver,
          seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
          failedJobs: await failedJobs(world),
          problems: tally.problems.slice(0, 10).join('; ') || 'none',
        },
      };
    } finally {
      await stopAll(workers);
      await world.close();
    }
  },
};
