// Registers the job consumers: one BullMQ worker per queue, each job handed to one domain function.
// A job that came from the outbox marks its row done when it succeeds; one that fails for good is recorded.
import { hostname } from 'node:os';
import { pid } from 'node:process';
import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { applyRedactions, type RedactDeps } from '../src/domain/applyRedactions';
import { locateFindings, type LocateDeps } from '../src/domain/locateFindings';
import { InvalidTransition } from '../src/domain/errors';
import { recheckPost } from '../src/domain/recheckPost';
import { type ForumEventDeps, handleForumEvent } from '../src/domain/forumEvents';
import { renderMail, sendMail, type MailJobDeps } from '../src/mail/mailJobs';
import { isJobName, type JobName, type JobOf, parsePayload, type QueueName, queueNames } from '../src/queue/jobs';
import type { OutboxRelay } from '../src/queue/outboxRelay';
import type { Queues } from '../src/queue/queues';
import { markDone } from '../src/store/outbox';
import { clearFailedTries, recordFailedTry } from '../src/store/failedTries';
import { ForumUnavailable } from '../src/forum/forumAvailability';
import type { ForumOutages } from '../src/domain/forumOutageAlerts';
import { type ForumOutageAlertDeps, sendForumOutageAlert } from '../src/mail/forumOutageAlert';
import { cappedDelay } from '../src/queue/queues';
import { removeExpiredSessions } from '../src/store/sessions';
import { applyEvent } from '../src/store/requestEvents';
import { deliverWebhook, type WebhookDeliveryDeps } from '../src/domain/webhookDelivery';
import { watchQueueMemory } from './queueMemory';
import { type DigestSettings, eraseExpiredIdentifiers, expireUnverified, reconcile, sendMorningDigest } from './maintenance';

export interface WorkerDeps extends LocateDeps, MailJobDeps, WebhookDeliveryDeps, ForumEventDeps, RedactDeps, ForumOutageAlertDeps {
  log: Logger;
  relay: OutboxRelay;
  queues: Queues;
  unverifiedExpiryDays: number;
  /** RETENTION_DAYS: how long a closed request keeps its identifiers. */
  retentionDays: number;
  digest: DigestSettings;
  /** The Redis the queues live on: watched for a restart that lost them (queueMemory.ts). */
  redisUrl: string;
  forumOutages: ForumOutages;
  /** FORUM_RETRY_MS and FORUM_RETRY_MAX_MS: the waits of locate and redact while the forum cannot be reached. */
  forumRetry: { delayMs: number; maxDelayMs: number };
  /** How long a relayed job may stay unfinished before the reconciler enqueues it again. */
  staleAfterMs: number;
  concurrency?: number;
  /** JOB_LOCK_MS: how long a job stays with a worker that stopped renewing its lock (killed, hung) before another takes it. */
  jobLockMs?: number;
}

export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

/** How many times a job's worker may die under it before the job fails (see maxStalledCount below). */
export const maxStalls = 10;

const outboxIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function handlers(deps: WorkerDeps): { [N in JobName]: (payload: JobOf<N>, job: Job) => Promise<unknown> } {
  return {
    'request.locate': (p) => locateFindings(deps, p.requestId),
    'request.redact': (p) => applyRedactions(deps, p.requestId),
    'mail.render': (p, job) => renderMail(deps, p, job.id as string),
    'mail.send': (p) => sendMail(deps, p.mailId),
    'mail.forum-outage': (p) => sendForumOutageAlert(deps, p),
    'maintenance.expire-unverified': () => expireUnverified(deps, deps.unverifiedExpiryDays),
    'maintenance.reconcile': () => reconcile(deps, deps.staleAfterMs),
    'maintenance.moderator-digest': () => sendMorningDigest(deps),
    'maintenance.remove-expired-sessions': () => removeExpiredSessions(deps),
    'maintenance.erase-closed-identifiers': () => eraseExpiredIdentifiers(deps, deps.retentionDays),
    'post.recheck': (p) => recheckPost(deps, p.postId),
    'webhook.deliver': (p) => deliverWebhook(deps, p.deliveryId),
    'forum.event': (p) => handleForumEvent(deps, p.eventId),
  };
}

const isRequestStep = (name: JobName): name is 'request.locate' | 'request.redact' => name === 'request.locate' || name === 'request.redact';

/**
 * A failed try of locate or redact tells moderators why, on the request. One that failed because the forum database
 * cannot be reached is not a failure of the request: the job waits (longer each time, up to FORUM_RETRY_MAX_MS) and
 * tries again without using up REDACT_MAX_ATTEMPTS, so that an outage never strands requests in needs_attention;
 * the outage is counted, and the admins alerted once it lasts.
 */
async function afterFailedStep(deps: WorkerDeps, job: Job, requestId: string, error: unknown, token: string | undefined): Promise<void> {
  const forumDown = error instanceof ForumUnavailable;
  const message = forumDown ? error.summary : `${job.name === 'request.locate' ? 'locating the posts' : 'the redaction'} failed (${error instanceof Error ? error.name : 'error'})`;
  const failedInARow = await recordFailedTry(deps.db, requestId, message, deps.clock.now());
  if (!forumDown) return;
  try {
    await deps.forumOutages.failed(error.summary, failedInARow);
  } catch (countError) {
    deps.log.warn({ error: (countError as Error).name }, 'could not count a failed try in the forum outage');
  }
  const waitMs = cappedDelay(deps.forumRetry, failedInARow);
  deps.log.warn({ job: job.name, jobId: job.id, failedInARow, waitMs, reason: error.reason }, 'the forum database cannot be reached: the job waits and tries again');
  await job.moveToDelayed(Date.now() + waitMs, token);
  throw new DelayedError();
}

/** What a job that will not be retried again leaves behind: the request waits for a moderator. */
async function recordFinalFailure(deps: WorkerDeps, name: JobName, payload: unknown): Promise<void> {
  if (name !== 'request.locate' && name !== 'request.redact') return;
  const { requestId } = parsePayload(name, payload);
  try {
    await applyEvent(deps, { requestId, event: name === 'request.locate' ? 'locate_failed' : 'redaction_failed', actor: { kind: 'system' } });
  } catch (error) {
    if (!(error instanceof InvalidTransition)) throw error;
  }
}

/** The recurring jobs, kept in Redis: upserted at every start, and again when Redis comes back empty. */
async function upsertSchedules(deps: WorkerDeps): Promise<void> {
  const maintenance = deps.queues.get('maintenance');
  await maintenance.upsertJobScheduler('expire-unverified', { every: 15 * 60_000 }, { name: 'maintenance.expire-unverified', data: {} });
  await maintenance.upsertJobScheduler('reconcile', { every: 60_000 }, { name: 'maintenance.reconcile', data: {} });
  await maintenance.upsertJobScheduler('remove-expired-sessions', { every: 60 * 60_000 }, { name: 'maintenance.remove-expired-sessions', data: {} });
  await maintenance.upsertJobScheduler('erase-closed-identifiers', { every: 60 * 60_000 }, { name: 'maintenance.erase-closed-identifiers', data: {} });
  // Upserted at every start, so a changed DIGEST_HOUR or DIGEST_TIMEZONE replaces the old schedule.
  await maintenance.upsertJobScheduler(
    'moderator-digest',
    { pattern: `0 ${deps.digest.hour} * * *`, tz: deps.digest.timeZone },
    { name: 'maintenance.moderator-digest', data: {} },
  );
}

export async function startWorkers(deps: WorkerDeps): Promise<RunningWorkers> {
  const run = handlers(deps);
  const process = async (job: Job, token?: string) => {
    if (!isJobName(job.name)) throw new UnrecoverableError(`unknown job ${job.name}`);
    let payload: unknown;
    try {
      payload = parsePayload(job.name, job.data);
    } catch (error) {
      if (error instanceof ZodError) throw new UnrecoverableError(`bad payload for ${job.name}`);
      throw error;
    }
    const requestId = isRequestStep(job.name) ? (payload as { requestId: string }).requestId : null;
    try {
      await (run[job.name] as (p: unknown, j: Job) => Promise<unknown>)(payload, job);
    } catch (error) {
      if (requestId) await afterFailedStep(deps, job, requestId, error, token);
      throw error;
    }
    if (requestId) await clearFailedTries(deps.db, requestId);
    if (job.id && outboxIdPattern.test(job.id)) await markDone(deps.db, job.id, deps.clock.now());
  };
  const workers = queueNames.map((queue: QueueName) => {
    const lockMs = deps.jobLockMs ?? 30_000;
    const worker = new Worker(queue, process, {
      connection: deps.queues.connection,
      prefix: deps.queues.prefix,
      concurrency: deps.concurrency ?? 4,
      settings: { backoffStrategy: deps.queues.backoffStrategy },
      // Shown as each job's processedBy: which process holds a job, in the queue board and in the fault tests.
      name: `${hostname()}:${pid}`,
      // The stalled check runs as often as a lock lasts: a dead worker's job waits at most two lock times.
      lockDuration: lockMs,
      stalledInterval: lockMs,
      // A stalled job is one whose worker died or hung, not one that failed: every job is safe to run again, so it
      // goes back to the queue (BullMQ's default fails it at the second stall, which lost emails and sent requests
      // to needs_attention when workers were killed). Ten deaths under one job mark it as the likely killer.
      maxStalledCount: maxStalls,
    });
    worker.on('failed', (job, error) => {
      if (!job) return;
      const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
      // Job name and id only: a message could quote a post.
      deps.log.warn({ job: job.name, jobId: job.id, attempt: job.attemptsMade, final, error: error.name }, 'job failed');
      if (!final || !isJobName(job.name)) return;
      void recordFinalFailure(deps, job.name, job.data)
        .then(() => (job.id && outboxIdPattern.test(job.id) ? markDone(deps.db, job.id, deps.clock.now()) : undefined))
        .catch((err: unknown) => deps.log.error({ err, jobId: job.id }, 'could not record a failed job'));
    });
    worker.on('active', (job) => deps.log.debug({ job: job.name, jobId: job.id }, 'job started'));
    worker.on('completed', (job) => deps.log.debug({ job: job.name, jobId: job.id }, 'job done'));
    worker.on('error', (error) => deps.log.warn({ error: error.message }, 'worker connection error'));
    return worker;
  });
  // On a new Redis this also sets the schedules; on a restarted one it restores them and the jobs lost with it.
  const memory = watchQueueMemory({ redisUrl: deps.redisUrl, prefix: deps.queues.prefix, log: deps.log }, async () => {
    await upsertSchedules(deps);
    await reconcile(deps, 0);
  });
  await upsertSchedules(deps);
  await memory.ready;
  let closing: Promise<void> | undefined;
  return {
    workers,
    close() {
      // Worker.close waits for the jobs in hand to finish; BullMQ returns any it cannot to the queue as stalled.
      closing ??= Promise.allSettled([memory.stop(), ...workers.map((w) => w.close())]).then(() => undefined);
      return closing;
    },
  };
}
