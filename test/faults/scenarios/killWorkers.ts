// kill -9 of the workers: two `erasure work` child processes do all the jobs of a batch of requests (sending the
// verify emails, locating, redacting, the completion emails) while one of them, picked at random, is killed with
// SIGKILL at random moments and started again. Every request must still complete, every post be redacted once,
// and every requester get one email of each kind; a second copy is allowed only where no sender can avoid one (the
// worker died between the SMTP server's acceptance and the commit that records it), and it is counted.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { erasureProcess, type ErasureProcess, childEnvOf, stopAll } from '../../support/erasureProcess';
import { startWorld } from '../../support/world';
import type { FaultScale, FaultScenario } from '../faultScenario';
import { approveAll, countForumWrites, failedJobs, seedRequesters, submitAll, tallyBatch, verifyAll, waitForAll, waitForCompletionEmails, waitForQuietQueues } from '../redactionBatch';

const sizes: Record<FaultScale, { requests: number; postsEach: number; minKills: number; timeoutMs: number }> = {
  test: { requests: 40, postsEach: 5, minKills: 20, timeoutMs: 60_000 },
  bench: { requests: 200, postsEach: 5, minKills: 20, timeoutMs: 600_000 },
};

/** Short locks, so that a killed worker's jobs are taken up again within seconds rather than a minute. */
export const killTestLockMs = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Killer {
  kills: number;
  /** Date.now() of each SIGKILL, taken as it is sent: the child's exit is noticed tens of ms later on a busy machine. */
  killTimes: number[];
  restarts: number;
  /** Stops killing and resolves once every worker is running again. */
  stop(): Promise<void>;
}

/** Every 0.5–1.5 s, kills one of the workers that are up with SIGKILL and starts it again at once. */
function killAtRandom(workers: ErasureProcess[]): Killer {
  let stopping = false;
  const ready = new Set(workers);
  const restarting: Promise<void>[] = [];
  const killer: Killer = {
    kills: 0,
    killTimes: [],
    restarts: 0,
    async stop() {
      stopping = true;
      await loop;
      await Promise.all(restarting);
    },
  };
  async function restart(worker: ErasureProcess): Promise<void> {
    // A start the machine is too slow for is tried again: the workers must come back whatever happens.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await worker.start();
        killer.restarts += 1;
        ready.add(worker);
        return;
      } catch (error) {
        await worker.kill();
        if (attempt >= 3) throw error;
      }
    }
  }
  const loop = (async () => {
    while (!stopping) {
      await sleep(500 + Math.random() * 1000);
      const up = [...ready];
      if (stopping || up.length === 0) continue;
      const victim = up[Math.floor(Math.random() * up.length)] as ErasureProcess;
      ready.delete(victim);
      const killedAt = Date.now();
      await victim.kill();
      killer.kills += 1;
      killer.killTimes.push(killedAt);
      restarting.push(restart(victim));
    }
  })();
  return killer;
}

export const killWorkersScenario: FaultScenario = {
  name: 'killWorkers',
  async run(scale) {
    const size = sizes[scale];
    const started = Date.now();
    const world = await startWorld({ FOUR_EYES: 'false', API_RATE_LIMIT: '0', JOB_LOCK_MS: String(killTestLockMs) }, { workers: false });
    const workers = [1, 2].map((n) => erasureProcess({ command: 'work', env: childEnvOf(world), name: `killWorkers-worker-${n}` }));
    let killer: Killer | undefined;
    // The SMTP sink runs in this process: its stalls delay when it notices a message (see Kills in redactionBatch.ts).
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    try {
      await countForumWrites(world);
      const requesters = await seedRequesters(world, size.requests, size.postsEach);
      await Promise.all(workers.map((w) => w.start()));
      const setupSeconds = (Date.now() - started) / 1000;
      stalls.enable();
      const flowStarted = Date.now();
      killer = killAtRandom(workers);
      await submitAll(world, requesters);
      const verified = await verifyAll(world, requesters, size.timeoutMs);
      await waitForAll(world, verified, 'awaiting_review', size.timeoutMs);
      await approveAll(world, verified);
      await waitForAll(world, verified, 'completed', size.timeoutMs);
      await waitForCompletionEmails(world, requesters, size.timeoutMs / 4);
      const killsWhileWorking = killer.kills;
      // Kills go on until the floor is reached, so that a fast machine still sees them all while jobs run.
      while (killer.kills < size.minKills && Date.now() - flowStarted < size.timeoutMs) await sleep(200);
      const flowSeconds = (Date.now() - flowStarted) / 1000;
      await killer.stop();
      // A job a killed worker held comes back up to two lock times later: a duplicate email would come then.
      await waitForQuietQueues(world, 30_000);
      await sleep(3 * killTestLockMs);
      stalls.disable();
      const sinkStallMs = Math.ceil(stalls.max / 1e6);
      const tally = await tallyBatch(world, requesters, { times: killer.killTimes, sinkStallMs });
      return {
        figures: tally.figures,
        details: {
          requests: size.requests,
          requestsCompleted: tally.requestsCompleted,
          kills: killer.kills,
          killsWhileWorking,
          resentAfterKill: tally.resentAfterKill,
          resendGapsMs: tally.resendGapsMs.join(' ') || 'none',
          sinkStallMs,
          restarts: killer.restarts,
          setupSeconds: Number(setupSeconds.toFixed(1)),
          flowSeconds: Number(flowSeconds.toFixed(1)),
          failedJobs: await failedJobs(world),
          problems: tally.problems.slice(0, 10).join('; ') || 'none',
        },
      };
    } finally {
      stalls.disable();
      await killer?.stop().catch(() => undefined);
      await stopAll(workers);
      await world.close();
    }
  },
};
