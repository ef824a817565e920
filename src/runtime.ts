// Builds Erasure from its configuration: the database, the forum connector, the queues, the mail sender,
// and the dependencies of the HTTP app and of the workers. close() undoes it in order, once.
import type { Server } from 'node:http';
import path from 'node:path';
import IORedis from 'ioredis';
import pino, { type Logger } from 'pino';
import { Registry } from 'prom-client';
import { RedisStore } from 'rate-limit-redis';
import { createApp, type AppDeps } from './app';
import type { Config } from './config';
import { type Clock, type Ids, randomIds, systemClock } from './domain/clockAndIds';
import type { ForumStore } from './forum/port';
import type { HitCounter } from './domain/intake';
import { createPostgresForum } from './forum/postgres/postgresForum';
import { createMysqlForum } from './forum/mysql/mysqlForum';
import { openMysqlPool } from './forum/mysql/mysqlPool';
import { createConsolePages } from './http/console/consolePages';
import { redactQuotesOf } from './domain/quoteRedaction';
import { recheckPost } from './domain/recheckPost';
import { createPages } from './http/pages';
import { createSignedLinks } from './http/signedLinks';
import { createWebhookMetrics } from './http/metrics';
import { createDigestRenderer } from './mail/digestMail';
import { createMailRenderer } from './mail/mailRenderer';
import { createMailSender, type MailSender } from './mail/mailSender';
import { createForumOutageAlertRenderer } from './mail/forumOutageAlert';
import { createForumOutages } from './domain/forumOutageAlerts';
import { guardForum } from './forum/forumAvailability';
import { createOutboxRelay, type OutboxRelay } from './queue/outboxRelay';
import { checkRedis, createQueues, type Queues } from './queue/queues';
import { loadKeys } from './secret';
import { type Database, openDatabase, openPostgres } from './store/database';
import { processLockedSends, rowLockedSends } from './store/mailRecords';
import { createSecretBox } from './store/secretBox';
import { type RunningWorkers, startWorkers, type WorkerDeps } from '../workers';

export interface Runtime {
  config: Config;
  log: Logger;
  database: Database;
  forum: ForumStore;
  queues: Queues;
  relay: OutboxRelay;
  sender: MailSender;
  appDeps: AppDeps;
  workerDeps: WorkerDeps;
  /** Serves HTTP on config.PORT (0 picks a free port). */
  serve(): Promise<Server>;
  work(): Promise<RunningWorkers>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  log?: Logger;
  clock?: Clock;
  ids?: Ids;
  /** A database opened by the caller (tests own theirs); otherwise DATABASE_URL or PGlite under the data dir. */
  database?: Database;
  migrate?: boolean;
}

/** Identifiers never reach a log line; these paths are a second guard for an object logged by mistake. */
export const logRedaction = { paths: ['email', '*.email', 'name', '*.name', 'body', 'req.body', 'text', '*.text'], censor: '[redacted]' };

export function createLogger(config: Config): Logger {
  return pino({ level: config.LOG_LEVEL, redact: logRedaction });
}

/**
 * A RedisStore used as a plain counter. The store loads its Lua script once, at init: a load that failed (Redis away)
 * would fail every count after it, so a failed count loads the script again for the next one. Meanwhile intake
 * counts in the database.
 */
function reloadingCounter(store: RedisStore, windowMs: number): HitCounter {
  const load = () => store.init({ windowMs } as Parameters<RedisStore['init']>[0]).catch(() => undefined);
  void load();
  return {
    async increment(key) {
      try {
        return await store.increment(key);
      } catch (error) {
        void load();
        throw error;
      }
    },
  };
}

/** Resolves once the client is connected, or after timeoutMs (the readiness check then tells). */
function connected(client: IORedis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.log ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  await checkRedis(config.REDIS_URL);
  const keys = loadKeys(config);
  const database = options.database ?? (await openDatabase({ url: config.DATABASE_URL, dataDir: config.ERASURE_DATA_DIR }));
  if (options.migrate ?? true) await database.migrate();
  // The connector follows FORUM_URL's protocol: a WordPress site on MySQL/MariaDB, or a PostgreSQL forum.
  const wordpressDatabase = config.FORUM_URL && config.wordpressMapping ? openMysqlPool(config.FORUM_URL) : undefined;
  const forumDatabase = config.FORUM_URL && !wordpressDatabase ? openPostgres(config.FORUM_URL) : undefined;
  const forumStore =
    wordpressDatabase && config.wordpressMapping
      ? createMysqlForum(wordpressDatabase.pool, config.wordpressMapping)
      : createPostgresForum((forumDatabase ?? database).db, config.forumMapping);
  const queues = createQueues(
    config.REDIS_URL,
    config.QUEUE_PREFIX,
    config.REDACT_MAX_ATTEMPTS,
    { attempts: config.FORUM_WEBHOOK_ATTEMPTS, delayMs: config.FORUM_WEBHOOK_RETRY_MS },
    { attempts: config.MAIL_SEND_ATTEMPTS, delayMs: config.MAIL_RETRY_MS, maxDelayMs: config.MAIL_RETRY_MAX_MS },
  );
  const relay = createOutboxRelay({ db: database.db, queues, clock, log });
  const forumOutages = createForumOutages({ db: database.db, clock, ids, log, outboxWritten: () => relay.kick(), alertAfter: config.FORUM_FAILURE_ALERT_AFTER });
  // Its connection errors become ForumUnavailable (waited for, not failed), and its answers end an outage.
  const forum = guardForum(forumStore, () => forumOutages.reached());
  const outboxDir = path.join(config.ERASURE_DATA_DIR, 'outbox');
  const sender = createMailSender({ smtpUrl: config.SMTP_URL, outboxDir, from: config.MAIL_FROM });
  // Fails at once while Redis is away (the limiters then let requests through) rather than holding each one for a reconnection.
  const rateLimitRedis = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  rateLimitRedis.on('error', () => undefined);
  // The stores load their script as they are built, which a client without an offline queue refuses until it is connected.
  await connected(rateLimitRedis, 5000);
  const rateLimitStore = new RedisStore({
    sendCommand: (command: string, ...args: string[]) => rateLimitRedis.call(command, ...args) as Promise<number | string>,
    prefix: `${config.QUEUE_PREFIX}:intake-rate:`,
  });
  // The API's per-token counts: the same Redis, a store and prefix of their own (a store serves one limiter).
  const apiRateLimitStore = new RedisStore({
    sendCommand: (command: string, ...args: string[]) => rateLimitRedis.call(command, ...args) as Promise<number | string>,
    prefix: `${config.QUEUE_PREFIX}:api-rate:`,
  });
  // Intake's per-email counts: keyed by the email's keyed hash, so that no address reaches Redis.
  const emailRateLimitStore = new RedisStore({
    sendCommand: (command: string, ...args: string[]) => rateLimitRedis.call(command, ...args) as Promise<number | string>,
    prefix: `${config.QUEUE_PREFIX}:intake-email:`,
  });
  const perEmailCounter = reloadingCounter(emailRateLimitStore, 24 * 3600_000);
  const box = createSecretBox(keys.encryption, keys.lookup, keys.previousEncryption);
  const links = createSignedLinks(keys.links);
  const linkSettings = { publicUrl: config.publicUrl, verifyLinkHours: config.VERIFY_LINK_HOURS };
  const shared = { db: database.db, clock, ids, outboxWritten: () => relay.kick(), forum, box, links, linkSettings, postUrlTemplate: config.FORUM_POST_URL, fourEyes: config.FOUR_EYES };
  // Webhooks out: recorded only when the forum has a URL for them; signed with the shared secret when sent.
  const forumWebhook = config.FORUM_WEBHOOK_URL && config.FORUM_WEBHOOK_SECRET ? { url: config.FORUM_WEBHOOK_URL, secret: config.FORUM_WEBHOOK_SECRET, timeoutMs: 10_000 } : null;
  const webhookShared = { sendsForumWebhooks: forumWebhook !== null, forumWebhook };

  const metricsRegistry = new Registry();
  // Quotes, in other posts, of a child's post deleted whole: rewritten like the quotes of a redacted passage.
  const redactQuotesOfDeleted = (requestId: string, passages: string[]): Promise<number> =>
    redactQuotesOf(workerDeps, requestId, passages.map((text) => ({ text, type: 'passage' as const })));

  const pageSettings = { verifyLinkHours: config.VERIFY_LINK_HOURS, reviewDeadlineDays: config.REVIEW_DEADLINE_DAYS };
  const appDeps: AppDeps = {
    ...shared,
    ...webhookShared,
    log,
    run: database.run,
    pages: createPages(pageSettings),
    consolePages: createConsolePages({ ...pageSettings, outboxPage: !config.SMTP_URL }),
    reviewDeadlineDays: config.REVIEW_DEADLINE_DAYS,
    perEmailDailyLimit: config.INTAKE_RATE_LIMIT,
    perEmailCounter,
    perAddressHourlyLimit: config.INTAKE_RATE_LIMIT,
    rateLimitStore,
    apiRateLimit: config.API_RATE_LIMIT,
    apiRateLimitStore,
    trustProxy: config.TRUST_PROXY,
    readiness: {
      database: () => database.ping(),
      redis: () => queues.ping(),
      ...(forumDatabase ? { forum: () => forumDatabase.ping() } : {}),
      ...(wordpressDatabase ? { forum: () => wordpressDatabase.ping() } : {}),
    },
    demoForum: !config.FORUM_URL,
    outboxDir: config.SMTP_URL ? null : outboxDir,
    queues,
    metricsRegistry,
    webhookMetrics: createWebhookMetrics(metricsRegistry),
    forumWebhookSecret: config.FORUM_WEBHOOK_SECRET,
  };
  const workerDeps: WorkerDeps = {
    ...shared,
    ...webhookShared,
    redactQuotesOfDeleted,
    log,
    relay,
    queues,
    renderer: createMailRenderer(),
    sender,
    mailSendLock: database.kind === 'postgres' ? rowLockedSends(database.db) : processLockedSends(database.db),
    unverifiedExpiryDays: config.UNVERIFIED_EXPIRY_DAYS,
    retentionDays: config.RETENTION_DAYS,
    digest: { hour: config.DIGEST_HOUR, timeZone: config.DIGEST_TIMEZONE, renderer: createDigestRenderer() },
    redisUrl: config.REDIS_URL,
    forumOutages,
    forumRetry: { delayMs: config.FORUM_RETRY_MS, maxDelayMs: config.FORUM_RETRY_MAX_MS },
    forumOutageAlert: { renderer: createForumOutageAlertRenderer(), locale: config.ADMIN_MAIL_LOCALE },
    staleAfterMs: 5 * 60_000,
    jobLockMs: config.JOB_LOCK_MS,
    reviewDeadlineDays: config.REVIEW_DEADLINE_DAYS,
    // A post the forum says was created or edited is checked against what completed requests removed.
    recheckPost: (postId) => recheckPost(workerDeps, postId),
  };

  let server: Server | undefined;
  let workers: RunningWorkers | undefined;
  let closing: Promise<void> | undefined;

  async function shutdown(): Promise<void> {
    // Each step runs even if an earlier one failed: HTTP, then workers, then the relay and queues, then databases.
    const steps: (() => Promise<unknown>)[] = [
      () => (server ? new Promise<void>((resolve) => server?.close(() => resolve())) : Promise.resolve()),
      () => workers?.close() ?? Promise.resolve(),
      () => relay.stop(),
      () => queues.close(),
      async () => rateLimitRedis.disconnect(),
      async () => sender.close(),
      () => forumDatabase?.close() ?? Promise.resolve(),
      () => wordpressDatabase?.close() ?? Promise.resolve(),
      () => (options.database ? Promise.resolve() : database.close()),
    ];
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        log.warn({ err: error }, 'a shutdown step failed; going on');
      }
    }
  }

  return {
    config,
    log,
    database,
    forum,
    queues,
    relay,
    sender,
    appDeps,
    workerDeps,
    async serve() {
      const app = createApp(appDeps);
      await new Promise<void>((resolve, reject) => {
        server = app.listen(config.PORT, config.HOST, (error?: Error) => (error ? reject(error) : resolve()));
      });
      server?.closeIdleConnections?.();
      relay.start(1000);
      return server as Server;
    },
    async work() {
      workers = await startWorkers(workerDeps);
      relay.start(1000);
      return workers;
    },
    close() {
      closing ??= Promise.race([shutdown(), new Promise<void>((resolve) => setTimeout(resolve, 20_000).unref())]);
      return closing;
    },
  };
}
