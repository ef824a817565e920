#!/usr/bin/env node
// erasure start | serve | work | migrate | demo seed | token create --role R [--name N] | user add … | detect
// | audit verify [--request ID] | keys rotate
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, readConfig, type Config } from './config';
import { randomIds, systemClock } from './domain/clockAndIds';
import { ValidationFailed } from './domain/errors';
import { seedDemoForum } from './forum/demo/demoForum';
import { runDetect } from './pii/detectCli';
import { RedisUnreachable } from './queue/queues';
import { openRuntime, type Runtime } from './runtime';
import { createApiToken, ensureFirstToken, tokenRoles, type TokenRole } from './store/apiTokens';
import { type AccountRole, accountRoles, addAccount, ensureFirstAdmin, minPasswordLength } from './store/moderatorAccounts';
import { DatabaseInUse, openDatabase, openPostgres } from './store/database';
import { createSearchIndexes } from './forum/postgres/searchIndex';
import { loadKeys } from './secret';
import { verifyAuditTrail } from './store/auditTrail';
import { rotateSealedValues } from './store/keyRotation';
import { createSecretBox } from './store/secretBox';

const usage = `usage: erasure <command>
  start                     HTTP server and workers in one process (the embedded default seeds the demo forum)
  serve                     HTTP server only
  work                      job workers only
  migrate                   apply database migrations
  demo seed                 fill the demo forum with sample posts
  forum index               create trigram indexes that speed up whole-forum search (PostgreSQL with pg_trgm)
  token create --role R     make an API token (R: ${tokenRoles.join(' | ')}); --name N labels it
  user add --role R --email E [--name N]
                            make a console account (R: ${accountRoles.join(' | ')}); the password is read from
                            standard input, or made up and printed when standard input is a terminal
  detect                    PII detector: JSON lines in on stdin, JSON lines out
  audit verify [--request ID]
                            check the audit trail's hash chains (every stream, or one request's); exits 1 at
                            the first altered entry
  keys rotate               reseal stored identifiers under the current ERASURE_SECRET's key, row by row, while
                            the service runs; safe to interrupt and to run again`;

async function withDatabase<T>(config: Config, run: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.ERASURE_DATA_DIR });
  try {
    await database.migrate();
    return await run(database);
  } finally {
    await database.close();
  }
}

function closeOnSignal(runtime: Runtime): void {
  const stop = (signal: string) => {
    runtime.log.info({ signal }, 'shutting down');
    void runtime.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === 'detect') {
    await runDetect(process.stdin, process.stdout);
    return 0;
  }
  if (!command || command === 'help' || command === '--help') {
    console.log(usage);
    return command ? 0 : 2;
  }
  const config = readConfig();
  switch (command) {
    case 'start':
    case 'serve':
    case 'work': {
      const runtime = await openRuntime(config);
      closeOnSignal(runtime);
      if (command !== 'work') {
        if (command === 'start') {
          if (!config.FORUM_URL) {
            const { posts } = await seedDemoForum(runtime.database.db);
            runtime.log.info({ added: posts }, 'demo forum ready');
          }
          const adminFile = path.join(config.ERASURE_DATA_DIR, 'first-admin.txt');
          if (await ensureFirstAdmin({ db: runtime.database.db, clock: systemClock, ids: randomIds }, adminFile)) {
            runtime.log.info({ file: adminFile }, 'no console account existed: the first admin\'s email and password were written to this file');
          }
          const tokenFile = path.join(config.ERASURE_DATA_DIR, 'admin-token');
          if (await ensureFirstToken({ db: runtime.database.db, clock: systemClock, ids: randomIds }, tokenFile)) {
            runtime.log.info({ file: tokenFile }, 'no API token existed: an admin token was written to this file');
          }
        }
        const server = await runtime.serve();
        const address = server.address();
        runtime.log.info({ url: config.publicUrl, port: typeof address === 'object' ? address?.port : config.PORT }, 'Erasure is listening');
      }
      if (command !== 'serve') {
        await runtime.work();
        // Supervisors (and the fault tests) wait for this line before they count the workers as up.
        runtime.log.info({ pid: process.pid }, 'workers started');
      }
      return -1;
    }
    case 'migrate':
      await withDatabase(config, async () => undefined);
      console.log('migrations applied');
      return 0;
    case 'demo': {
      if (sub !== 'seed') break;
      const { posts } = await withDatabase(config, (database) => seedDemoForum(database.db));
      console.log(posts > 0 ? `demo forum seeded with ${posts} posts` : 'demo forum already has posts: nothing added');
      return 0;
    }
    case 'forum': {
      if (sub !== 'index') break;
      const url = config.FORUM_URL ?? config.DATABASE_URL;
      if (!url) {
        console.error('forum index needs a PostgreSQL forum: set FORUM_URL (or DATABASE_URL for the demo forum)');
        return 2;
      }
      if (config.wordpressMapping) {
        console.error('forum index builds PostgreSQL trigram indexes; a WordPress forum on MySQL/MariaDB is searched without them');
        return 2;
      }
      const database = openPostgres(url);
      try {
        const made = await createSearchIndexes(database.db, config.forumMapping);
        console.log(`search indexes ready: ${made.join(', ')}`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'audit': {
      if (sub !== 'verify') break;
      const { values } = parseArgs({ args: rest, options: { request: { type: 'string' } } });
      if (values.request !== undefined && !z.string().uuid().safeParse(values.request).success) {
        console.error('audit verify --request needs a request id (a UUID)');
        return 2;
      }
      const report = await withDatabase(config, (database) => verifyAuditTrail(database.db, values.request));
      if (report.broken) {
        const b = report.broken;
        console.log(`ALTERED: stream ${b.stream}, entry ${b.seq} (id ${b.id}): ${b.problem}`);
        console.log(`${report.streams} streams checked intact before it`);
        return 1;
      }
      console.log(`OK: ${report.streams} streams, ${report.entries} entries, every hash chain intact`);
      return 0;
    }
    case 'keys': {
      if (sub !== 'rotate') break;
      const keys = loadKeys(config);
      const box = createSecretBox(keys.encryption, keys.lookup, keys.previousEncryption);
      const counts = await withDatabase(config, (database) => rotateSealedValues({ db: database.db, box }));
      for (const c of counts) console.log(`${c.column}: ${c.resealed} resealed${c.unreadable ? `, ${c.unreadable} sealed with a key no listed secret opens` : ''}`);
      const unreadable = counts.reduce((n, c) => n + c.unreadable, 0);
      if (unreadable > 0) {
        console.error('some values were left as they were: add the secret that sealed them to ERASURE_PREVIOUS_SECRETS and run again');
        return 1;
      }
      console.log(`every sealed value is under key ${box.currentKeyId}`);
      return 0;
    }
    case 'token': {
      if (sub !== 'create') break;
      const { values } = parseArgs({ args: rest, options: { role: { type: 'string' }, name: { type: 'string' } } });
      if (!values.role || !(tokenRoles as readonly string[]).includes(values.role)) {
        console.error(`token create needs --role ${tokenRoles.join(' or ')}`);
        return 2;
      }
      const role = values.role as TokenRole;
      const created = await withDatabase(config, (database) => createApiToken({ db: database.db, clock: systemClock, ids: randomIds }, { name: values.name ?? role, role }));
      console.log(created.token);
      console.error(`token ${created.id} (${role}) created: it is shown once, keep it safe`);
      return 0;
    }
    case 'user': {
      if (sub !== 'add') break;
      const { values } = parseArgs({ args: rest, options: { role: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } } });
      if (!values.role || !(accountRoles as readonly string[]).includes(values.role) || !values.email) {
        console.error(`user add needs --role ${accountRoles.join(' or ')} and --email`);
        return 2;
      }
      const typed = process.stdin.isTTY ? '' : (await text(process.stdin)).replace(/\r?\n$/, '');
      const password = typed || randomBytes(15).toString('base64url');
      const input = { email: values.email, displayName: values.name ?? values.email.split('@')[0] ?? values.email, role: values.role as AccountRole, password };
      try {
        const { id } = await withDatabase(config, (database) => addAccount({ db: database.db, clock: systemClock, ids: randomIds }, input, 'cli'));
        console.error(`account ${id} (${values.role}) created for ${input.email}`);
        if (!typed) console.log(`password: ${password}`);
      } catch (error) {
        if (!(error instanceof ValidationFailed)) throw error;
        for (const f of error.fields) console.error(`${f.field}: ${f.message}`);
        if (typed && typed.length < minPasswordLength) console.error(`(the password read from standard input was ${typed.length} characters)`);
        return 2;
      }
      return 0;
    }
  }
  console.error(usage);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    // Start-up failures (configuration, Redis, the database) say what to fix in one line.
    const known = error instanceof ConfigError || error instanceof RedisUnreachable || error instanceof DatabaseInUse;
    console.error(`erasure: ${error instanceof Error ? error.message : String(error)}`);
    if (!known && error instanceof Error) console.error(error.stack?.split('\n').slice(1, 6).join('\n'));
    process.exit(1);
  },
);
