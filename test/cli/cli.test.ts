// The erasure command as an operator runs it: migrate, token create, demo seed, serve and its shutdown,
// and the one-line errors for a bad setting or a missing Redis. Runs on PGlite files, or on
// TEST_DATABASE_URL's server when set.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPglite, openPostgres, type Database } from '../../src/store/database';
import { authenticateToken } from '../../src/store/apiTokens';
import { randomIds, systemClock } from '../../src/domain/clockAndIds';
import { signIn } from '../../src/store/moderatorAccounts';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

const cli = path.join(__dirname, '../../src/cli.ts');
let dataDir: string;
let server: TestDatabase | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'erasure-cli-'));
  // On the PostgreSQL run the CLI gets a database of its own on the server; on the other, PGlite files in dataDir.
  if (process.env.TEST_DATABASE_URL) server = await openTestDatabase();
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _d, FORUM_URL: _f, SMTP_URL: _s, ...rest } = process.env;
  return { ...rest, ERASURE_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...(server?.url ? { DATABASE_URL: server.url } : {}), ...extra };
}

function start(args: string[], extra: Record<string, string> = {}, stdin: 'ignore' | 'pipe' = 'ignore'): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', cli, ...args], { env: env(extra), stdio: [stdin, 'pipe', 'pipe'] });
}

function run(args: string[], extra: Record<string, string> = {}, input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = start(args, extra, input === undefined ? 'ignore' : 'pipe');
  child.stdin?.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Waits for the 'listening' log line; answers the port and what the process printed until then. */
function listening(child: ChildProcess): Promise<{ port: number; out: string }> {
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /"port":(\d+)/.exec(out);
      if (match) resolve({ port: Number(match[1]), out });
    });
    child.on('close', (code) => reject(new Error(`exited with ${code} before listening: ${out}`)));
  });
}

async function openOwnDatabase(): Promise<Database> {
  return server?.url ? openPostgres(server.url) : openPglite(dataDir);
}

test('migrate applies the migrations and can run again', async () => {
  expect(await run(['migrate'])).toMatchObject({ code: 0, stdout: expect.stringContaining('migrations applied') });
  expect((await run(['migrate'])).code).toBe(0);
});

test('token create prints a token that the API accepts, and keeps only its hash', async () => {
  const result = await run(['token', 'create', '--role', 'admin', '--name', 'ops']);
  expect(result.code).toBe(0);
  const token = result.stdout.trim();
  expect(token).toMatch(/^ert_[\w-]{40,}$/);
  const database = await openOwnDatabase();
  try {
    expect(await authenticateToken(database.db, token)).toMatchObject({ role: 'admin' });
    expect(await authenticateToken(database.db, `${token}x`)).toBeNull();
  } finally {
    await database.close();
  }
});

test('token create refuses an unknown role', async () => {
  const result = await run(['token', 'create', '--role', 'overlord']);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/--role moderator or admin/);
});

test('user add makes a console account whose password, read from standard input, signs in', async () => {
  const result = await run(['user', 'add', '--role', 'admin', '--email', 'Ops@Example.org', '--name', 'Ops'], {}, 'a long enough password\n');
  expect(result.code).toBe(0);
  expect(result.stdout).toBe('');
  const database = await openOwnDatabase();
  try {
    const deps = { db: database.db, clock: systemClock, ids: randomIds };
    expect(await signIn(deps, 'ops@example.org', 'a long enough password')).toMatchObject({ ok: true, account: { role: 'admin', displayName: 'Ops' } });
  } finally {
    await database.close();
  }
  const again = await run(['user', 'add', '--role', 'moderator', '--email', 'ops@example.org'], {}, 'another long password\n');
  expect(again.code).toBe(2);
  expect(again.stderr).toContain('email: an account with this email already exists');
});

test('user add refuses a short password and an unknown role, saying what to fix', async () => {
  const short = await run(['user', 'add', '--role', 'moderator', '--email', 'short@example.org'], {}, 'short\n');
  expect(short.code).toBe(2);
  expect(short.stderr).toContain('password: must be at least 12 characters');
  const role = await run(['user', 'add', '--role', 'overlord', '--email', 'x@example.org'], {}, 'a long enough password\n');
  expect(role.code).toBe(2);
  expect(role.stderr).toMatch(/--role moderator or admin/);
});

test('demo seed fills the demo forum once', async () => {
  const first = await run(['demo', 'seed']);
  expect(first.code).toBe(0);
  const count = Number(/seeded with (\d+) posts/.exec(first.stdout)?.[1]);
  expect(count).toBeGreaterThanOrEqual(150);
  expect((await run(['demo', 'seed'])).stdout).toContain('already has posts: nothing added');
});

test('forum index on a WordPress forum says the indexes are for PostgreSQL, without touching the database', async () => {
  const result = await run(['forum', 'index'], { FORUM_URL: 'mysql://nobody@127.0.0.1:1/wordpress' });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('a WordPress forum on MySQL/MariaDB is searched without them');
});

test('a malformed setting stops start-up with one line naming it', async () => {
  const result = await run(['serve'], { PORT: 'eighty' });
  expect(result.code).toBe(1);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/^erasure: invalid configuration: PORT/);
});

test('without Redis, start-up stops with one line saying how to start it', async () => {
  const result = await run(['serve'], { REDIS_URL: 'redis://127.0.0.1:1' });
  expect(result.code).toBe(1);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/cannot reach Redis at 127\.0\.0\.1:1: start one with "redis-server/);
});

test('serve answers on its port and shuts down cleanly on SIGTERM', async () => {
  const child = start(['serve'], { PORT: '0', LOG_LEVEL: 'info', QUEUE_PREFIX: `cli${process.pid}` });
  const { port } = await listening(child);
  const health = await fetch(`http://127.0.0.1:${port}/readyz`);
  expect(health.status).toBe(200);
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});

test('the first start leaves an admin token the API accepts, and a second process cannot open the embedded database meanwhile', async () => {
  const startDir = mkdtempSync(path.join(tmpdir(), 'erasure-start-'));
  // A first start: a database no other test has touched.
  const fresh = server ? await openTestDatabase() : undefined;
  const child = start(['start'], {
    PORT: '0',
    LOG_LEVEL: 'info',
    QUEUE_PREFIX: `clistart${process.pid}`,
    ERASURE_DATA_DIR: startDir,
    ...(fresh?.url ? { DATABASE_URL: fresh.url } : {}),
  });
  try {
    const { port, out } = await listening(child);
    expect(out).toContain('admin-token');
    expect(out).toContain('first-admin.txt');
    const token = readFileSync(path.join(startDir, 'admin-token'), 'utf8').trim();
    expect(out).not.toContain(token);
    const list = await fetch(`http://127.0.0.1:${port}/api/v1/moderation/requests`, { headers: { Authorization: `Bearer ${token}` } });
    expect(list.status).toBe(200);
    const demo = await fetch(`http://127.0.0.1:${port}/demo/posts/7`);
    expect(demo.status).toBe(200);
    if (!server) {
      const second = await run(['token', 'create', '--role', 'moderator'], { ERASURE_DATA_DIR: startDir });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/in use by process \d+: stop that Erasure first/);
    }
  } finally {
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await fresh?.close();
    rmSync(startDir, { recursive: true, force: true });
  }
});
