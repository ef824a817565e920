// A whole Erasure for one test file: its own database (PGlite, or a new database on TEST_DATABASE_URL's server),
// its own queue prefix on the real Redis, a real SMTP server that receives the mail, the demo forum's reference
// schema, and the HTTP app with its workers running in process.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import request from 'supertest';
import type { ParsedMail } from 'mailparser';
import { readConfig, type Config } from '../../src/config';
import type { Clock } from '../../src/domain/clockAndIds';
import { createReferenceSchema } from '../../src/forum/postgres/referenceSchema';
import { openRuntime, type Runtime } from '../../src/runtime';
import { createApiToken } from '../../src/store/apiTokens';
import { getRequest } from '../../src/store/requestRecords';
import { randomIds } from '../../src/domain/clockAndIds';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/forum/postgres/rows';
import { Queue } from 'bullmq';
import { queueNames } from '../../src/queue/jobs';
import { redisConnection } from '../../src/queue/queues';
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from './smtpSink';
import { openTestDatabase, type TestDatabase } from './testDatabase';
import { openTestLog } from './testLogs';

export interface World {
  runtime: Runtime;
  config: Config;
  database: TestDatabase;
  server: Server;
  baseUrl: string;
  smtp: SmtpSink;
  clock: MovableClock;
  moderatorToken: string;
  /** Inserts a post in the test forum and returns its id. */
  addPost(body: string, options?: { author?: string; revisions?: { before: string; after: string }[] }): Promise<string>;
  waitForState(requestId: string, state: string, timeoutMs?: number): Promise<void>;
  /** The first mail to this address whose subject matches and whose text contains every given string. */
  waitForMail(to: string, subject: RegExp, containing?: string[], timeoutMs?: number): Promise<ParsedMail>;
  /** Follows the verification link of the email sent for this request, as the requester would. */
  verifyFromEmail(email: string, requestId: string): Promise<void>;
  close(): Promise<void>;
}

/** The path and query of the first link in a text whose path contains pathPart (emails carry absolute links). */
export function linkPath(text: string, pathPart: string): string {
  const match = new RegExp(`https?://[^\\s"<>]+${pathPart}[^\\s"<>]*`).exec(text);
  if (!match) throw new Error(`no link to ${pathPart} in the text`);
  const url = new URL(match[0].replace(/&amp;/g, '&'));
  return `${url.pathname}${url.search}`;
}

export interface MovableClock extends Clock {
  advance(ms: number): void;
}

export function movableClock(): MovableClock {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => void (offset += ms) };
}

export interface WorldOptions {
  logTo?: NodeJS.WritableStream;
  /** The forum is the one env.FORUM_URL names, with its own tables (a WordPress site): no reference schema, no addPost. */
  ownForum?: boolean;
  /** The forum is the test database reached at another URL (a proxy in front of it): gets the database's URL. */
  forumUrl?: (databaseUrl: string) => string;
  /** false: no workers in this process; the test runs them elsewhere (child processes, test/support/erasureProcess.ts). */
  workers?: boolean;
  smtp?: SmtpSinkOptions;
}

export async function startWorld(env: Record<string, string> = {}, options: WorldOptions = {}): Promise<World> {
  const database = await openTestDatabase();
  const smtp = await startSmtpSink(options.smtp);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'erasure-test-'));
  const config = readConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    ERASURE_DATA_DIR: dataDir,
    ERASURE_SECRET: randomBytes(32).toString('base64url'),
    SMTP_URL: smtp.url,
    QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
    INTAKE_RATE_LIMIT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // On a PostgreSQL run the forum is reached through FORUM_URL, as a real forum would be.
    ...(database.url ? { FORUM_URL: options.forumUrl ? options.forumUrl(database.url) : database.url } : {}),
    ...env,
  });
  const clock = movableClock();
  if (!options.ownForum) await createReferenceSchema(database.db);
  // Lines go to the run's log folder at debug level (the log scan reads them), and to logTo at trace level.
  const testLog = openTestLog(config.QUEUE_PREFIX, options.logTo);
  const runtime = await openRuntime(config, { database, clock, log: testLog.log });
  const server = await runtime.serve();
  if (options.workers !== false) await runtime.work();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const { token: moderatorToken } = await createApiToken({ db: database.db, clock, ids: randomIds }, { name: 'test moderator', role: 'moderator' });

  const world: World = {
    runtime,
    config,
    database,
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    smtp,
    clock,
    moderatorToken,
    async addPost(body, options = {}) {
      const rendered = `<p>${body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;
      const result = await database.db.execute(
        sql`INSERT INTO forum.posts (author, body_raw, body_html, created_at, updated_at) VALUES (${options.author ?? 'someone'}, ${body}, ${rendered}, now(), now()) RETURNING id`,
      );
      const id = String((rowsOf(result)[0] as { id: unknown }).id);
      for (const revision of options.revisions ?? []) {
        await database.db.execute(sql`INSERT INTO forum.post_revisions (post_id, before_text, after_text, created_at) VALUES (${id}, ${revision.before}, ${revision.after}, now())`);
      }
      return id;
    },
    async waitForState(requestId, state, timeoutMs = 15000) {
      const deadline = Date.now() + timeoutMs;
      let last: string | undefined;
      while (Date.now() < deadline) {
        last = (await getRequest(database.db, requestId))?.state;
        if (last === state) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`request ${requestId} stayed ${last ?? 'missing'}, never became ${state}`);
    },
    waitForMail(to, subject, containing = [], timeoutMs) {
      return smtp.waitFor(
        (m) =>
          (m.to && !Array.isArray(m.to) ? m.to.text : '').includes(to) &&
          subject.test(m.subject ?? '') &&
          containing.every((part) => (m.text ?? '').includes(part)),
        timeoutMs,
      );
    },
    async verifyFromEmail(email, requestId) {
      const mail = await world.waitForMail(email, /./, [`/verify/${requestId}`]);
      const res = await request(server).get(linkPath(mail.text ?? '', `/verify/${requestId}`));
      if (res.status !== 200) throw new Error(`the verification link answered ${res.status}`);
      await world.waitForState(requestId, 'awaiting_review');
    },
    async close() {
      await runtime.close();
      testLog.close();
      await forgetQueues(config);
      await smtp.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

/** Redis is shared by every test file: each removes its own queues when done. */
async function forgetQueues(config: Config): Promise<void> {
  for (const name of queueNames) {
    const queue = new Queue(name, { connection: redisConnection(config.REDIS_URL), prefix: config.QUEUE_PREFIX });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}
