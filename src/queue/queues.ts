// The BullMQ queues, one per QueueName, sharing one Redis connection setting and key prefix.
import { type BackoffStrategy, type ConnectionOptions, type JobsOptions, Queue } from 'bullmq';
import IORedis from 'ioredis';
import { type JobName, type JobOf, jobQueue, parsePayload, type QueueName, queueNames } from './jobs';

export interface Queues {
  readonly prefix: string;
  readonly connection: ConnectionOptions;
  /** The workers' backoff for jobs whose backoff type is cappedBackoff (the mail sends). */
  readonly backoffStrategy: BackoffStrategy;
  get(name: QueueName): Queue;
  /** Adds a job with a caller-chosen id: adding the same id twice is harmless. */
  add<N extends JobName>(name: N, payload: JobOf<N>, jobId: string, options?: JobsOptions): Promise<void>;
  /** Adds several jobs in one round trip per queue; ids as for add(). */
  addMany(jobs: { name: JobName; payload: unknown; jobId: string; priority?: number }[]): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Retries and retention per queue; the send retries longest, since an SMTP server may be away for a while. */
const jobOptions = (requestAttempts: number, webhookRetry: WebhookRetry, mailRetry: RetrySchedule): Record<QueueName, JobsOptions> => ({
  requests: { attempts: requestAttempts, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600 } },
  // Capped, so that mail held back by an SMTP outage goes out within maxDelayMs of the server's return.
  'mail-send': { attempts: mailRetry.attempts, backoff: { type: cappedBackoff, delay: mailRetry.delayMs }, removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600 } },
  maintenance: { attempts: 1, removeOnComplete: true, removeOnFail: { count: 100 } },
  // A forum may be down for hours: many attempts, spaced further apart each time.
  webhooks: { attempts: webhookRetry.attempts, backoff: { type: 'exponential', delay: webhookRetry.delayMs }, removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600 } },
});

/** How often a webhook to the forum is tried, and the first wait between tries (it doubles each time). */
export interface WebhookRetry {
  attempts: number;
  delayMs: number;
}

/** Tries, the first wait, and the longest wait: the wait doubles after each failure until it reaches maxDelayMs. */
export interface RetrySchedule {
  attempts: number;
  delayMs: number;
  maxDelayMs: number;
}

export const defaultMailRetry: RetrySchedule = { attempts: 100, delayMs: 2000, maxDelayMs: 120_000 };

/** The name of the backoff the workers compute with cappedDelay (BullMQ's exponential has no ceiling). */
export const cappedBackoff = 'capped-exponential';

/**
 * The wait before try attemptsMade + 1: delayMs doubled per failure, at most maxDelayMs, less up to a tenth at
 * random so that the mail held back by one outage does not all come back in the same second.
 */
export function cappedDelay(schedule: Pick<RetrySchedule, 'delayMs' | 'maxDelayMs'>, attemptsMade: number, random: () => number = Math.random): number {
  const doubled = schedule.delayMs * 2 ** Math.min(Math.max(attemptsMade - 1, 0), 30);
  const wait = Math.min(doubled, schedule.maxDelayMs);
  return Math.round(wait * (1 - 0.1 * random()));
}

export function redisConnection(redisUrl: string): ConnectionOptions {
  // BullMQ workers need maxRetriesPerRequest null: a blocking command must wait out a Redis restart. BullMQ's own
  // reconnection waits grow to 20 s, so that work would resume up to 20 s after Redis returns: 2 s at most instead.
  return { url: redisUrl, maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(times * 250, 2000) };
}

/** requestAttempts: how often locate and redact run before the request is handed to a moderator. */
export function createQueues(
  redisUrl: string,
  prefix: string,
  requestAttempts = 5,
  webhookRetry: WebhookRetry = { attempts: 12, delayMs: 5000 },
  mailRetry: RetrySchedule = defaultMailRetry,
): Queues {
  const connection = redisConnection(redisUrl);
  const options = jobOptions(requestAttempts, webhookRetry, mailRetry);
  const queues = new Map<QueueName, Queue>(
    queueNames.map((name) => {
      const queue = new Queue(name, { connection, prefix, defaultJobOptions: options[name] });
      // Without a listener BullMQ prints every reconnection error to the console while Redis is away. The outage is
      // told by readiness, the workers' log and the relay's; the queue's commands wait for Redis and then go through.
      queue.on('error', () => undefined);
      return [name, queue];
    }),
  );
  const get = (name: QueueName) => queues.get(name) as Queue;
  // A client of its own for readiness: it fails at once while Redis is away instead of queueing the PING.
  const probe = new IORedis(redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  probe.on('error', () => undefined);
  let closing: Promise<void> | undefined;
  return {
    prefix,
    connection,
    backoffStrategy: (attemptsMade, type) => {
      if (type !== cappedBackoff) throw new Error(`unknown backoff ${String(type)}`);
      return cappedDelay(mailRetry, attemptsMade);
    },
    get,
    async add(name, payload, jobId, options) {
      await get(jobQueue[name]).add(name, parsePayload(name, payload), { ...options, jobId });
    },
    async addMany(jobs) {
      const byQueue = new Map<QueueName, { name: JobName; data: unknown; opts: JobsOptions }[]>();
      for (const job of jobs) {
        const queue = jobQueue[job.name];
        byQueue.set(queue, [...(byQueue.get(queue) ?? []), { name: job.name, data: parsePayload(job.name, job.payload), opts: { ...options[queue], jobId: job.jobId, ...(job.priority ? { priority: job.priority } : {}) } }]);
      }
      await Promise.all([...byQueue].map(([queue, batch]) => get(queue).addBulk(batch)));
    },
    async ping() {
      if (probe.status === 'wait') await probe.connect();
      // A connection that is being made again (a process that was paused, a blip) gets a moment before the PING
      // fails; a Redis that is away still fails within that moment.
      else if (probe.status !== 'ready') await readyWithin(probe, probeGraceMs);
      await probe.ping();
    },
    close() {
      probe.disconnect();
      closing ??= Promise.allSettled([...queues.values()].map((q) => q.close())).then(() => undefined);
      return closing;
    },
  };
}

/** How long ping() waits for its client to reconnect before it fails. */
const probeGraceMs = 1000;

/** Resolves when the client is ready, or after ms: whatever comes first (the caller's command then tells). */
function readyWithin(client: IORedis, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    client.once('ready', done);
  });
}

export class RedisUnreachable extends Error {}

/** Fails fast, in one line, when nothing answers at REDIS_URL: the default setup expects a local Redis. */
export async function checkRedis(redisUrl: string, timeoutMs = 3000): Promise<void> {
  const client = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch {
    const where = new URL(redisUrl);
    throw new RedisUnreachable(
      `cannot reach Redis at ${where.hostname}:${where.port || 6379}: start one with "redis-server --daemonize yes" (Debian: apt-get install redis-server) or set REDIS_URL`,
    );
  } finally {
    client.disconnect();
  }
}
