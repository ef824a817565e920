// Redis here keeps nothing on disk: when it restarts it comes back empty, without the jobs it held, the retries it
// was waiting on, or the schedules (the reconciler's own among them). A marker key tells that this happened: when
// it is missing, the schedules are set again and every job the outbox says is unfinished but Redis no longer has is
// enqueued at once, rather than after the reconciler's staleness (which, its schedule lost, would never come).
import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import type { Logger } from 'pino';

export interface QueueMemoryWatch {
  /** Resolves after the first look, so that a start on an empty Redis restores before it goes on. */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

export interface QueueMemoryDeps {
  redisUrl: string;
  prefix: string;
  log: Logger;
}

/**
 * Looks every intervalMs for the marker; when it is absent (a new or restarted Redis), sets it and runs restore.
 * With several Erasure processes on one Redis, only the one whose SET NX wins restores.
 */
export function watchQueueMemory(deps: QueueMemoryDeps, restore: () => Promise<void>, intervalMs = 2000): QueueMemoryWatch {
  // Its own client, failing at once while Redis is away rather than queueing: the next look tries again.
  const client = new IORedis(deps.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  const marker = `${deps.prefix}:erasure:memory`;
  const me = randomUUID();
  let timer: NodeJS.Timeout | undefined;
  let looking: Promise<void> = Promise.resolve();
  let stopped = false;

  async function look(): Promise<void> {
    if (client.status !== 'ready') return;
    const claimed = await client.set(marker, me, 'NX');
    if (claimed !== 'OK') return;
    deps.log.info('Redis holds none of our jobs (new or restarted): setting the schedules and enqueueing unfinished outbox work again');
    try {
      await restore();
    } catch (error) {
      // The marker goes again, so that the next look (this process's or another's) restores from the start.
      await client.del(marker).catch(() => undefined);
      throw error;
    }
  }

  const tick = () => {
    looking = looking
      .then(() => (stopped ? undefined : look()))
      .catch((error: unknown) => deps.log.warn({ error: (error as Error).name }, 'could not check or restore the queue after a Redis restart; the next look retries'));
    return looking;
  };

  // A Redis that does not answer within a few seconds is looked at again by the interval: the start goes on.
  const ready = new Promise<void>((resolve) => {
    const giveUp = setTimeout(resolve, 5000);
    giveUp.unref();
    const first = () => void tick().then(() => {
      clearTimeout(giveUp);
      resolve();
    });
    if (client.status === 'ready') first();
    else client.once('ready', first);
  });
  timer = setInterval(tick, intervalMs);
  timer.unref();

  return {
    ready,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await looking;
      client.disconnect();
    },
  };
}
