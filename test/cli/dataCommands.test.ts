// erasure audit verify and erasure keys rotate as an operator runs them, on PGlite files or on TEST_DATABASE_URL's
// server: an untouched trail is OK, one entry altered in SQL is named; sealed values end under the new key.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/forum/postgres/rows';
import { deriveKeys } from '../../src/secret';
import { openPglite, openPostgres, type Database } from '../../src/store/database';
import { createSecretBox, keyId } from '../../src/store/secretBox';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

const cli = path.join(__dirname, '../../src/cli.ts');
let dataDir: string;
let server: TestDatabase | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'erasure-cli-data-'));
  if (process.env.TEST_DATABASE_URL) server = await openTestDatabase();
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const firstSecret = randomBytes(32).toString('base64url');
const nextSecret = randomBytes(32).toString('base64url');

function run(args: string[], extra: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _d, FORUM_URL: _f, SMTP_URL: _s, ERASURE_SECRET: _e, ERASURE_PREVIOUS_SECRETS: _p, ...rest } = process.env;
  const env = { ...rest, ERASURE_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ERASURE_SECRET: firstSecret, ...(server?.url ? { DATABASE_URL: server.url } : {}), ...extra };
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The CLI's database, opened between runs (the embedded one admits one process at a time). */
async function withOwnDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = server?.url ? openPostgres(server.url) : await openPglite(dataDir);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

test('audit verify reports an untouched trail OK, and names the first entry altered in SQL', async () => {
  expect((await run(['token', 'create', '--role', 'admin'])).code).toBe(0);
  expect((await run(['token', 'create', '--role', 'moderator'])).code).toBe(0);
  const intact = await run(['audit', 'verify']);
  expect(intact).toMatchObject({ code: 0, stdout: expect.stringContaining('OK: 1 streams, 2 entries') });

  const altered = await withOwnDatabase(async ({ db }) => {
    const [entry] = rowsOf(await db.execute(sql`SELECT id FROM audit WHERE stream = 'system' AND seq = 2`)) as { id: string }[];
    // The trail is append-only by trigger: only someone able to disable it, as here, can change an entry.
    await db.execute(sql`ALTER TABLE audit DISABLE TRIGGER ALL`);
    await db.execute(sql`UPDATE audit SET data = jsonb_set(data, '{role}', '"admin"') WHERE id = ${entry?.id}`);
    await db.execute(sql`ALTER TABLE audit ENABLE TRIGGER ALL`);
    return entry?.id as string;
  });
  const broken = await run(['audit', 'verify']);
  expect(broken.code).toBe(1);
  expect(broken.stdout).toContain(`ALTERED: stream system, entry 2 (id ${altered}): content does not match its hash`);

  // One request's stream only: it has no entries here, so it holds.
  const one = await run(['audit', 'verify', '--request', randomUUID()]);
  expect(one).toMatchObject({ code: 0, stdout: expect.stringContaining('OK: 1 streams, 0 entries') });
  const bad = await run(['audit', 'verify', '--request', 'not-an-id']);
  expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('--request needs a request id') });
  // Every step is a process of its own that starts TypeScript and opens the database.
}, 120_000);

test('keys rotate reseals every stored value under the new secret, once, and stops at values it cannot open', async () => {
  const firstKeys = deriveKeys(firstSecret);
  const firstBox = createSecretBox(firstKeys.encryption, firstKeys.lookup);
  const requestId = randomUUID();
  await withOwnDatabase(async ({ db }) => {
    await db.execute(sql`INSERT INTO requests (id, state, lang, scope, relationship, email_hash, private_box, created_at, updated_at, due_at)
      VALUES (${requestId}, 'received', 'en', 'all', 'author', ${firstBox.lookupHash('a@example.org')}, ${firstBox.seal('{"details":"d"}')}, now(), now(), now())`);
    for (const value of ['a@example.org', 'Ann Example']) {
      await db.execute(sql`INSERT INTO requester_identifiers (id, request_id, kind, value_box) VALUES (${randomUUID()}, ${requestId}, 'email', ${firstBox.seal(value)})`);
    }
    await db.execute(sql`INSERT INTO forum_events (id, type, details_box, received_at) VALUES ('cli-ev-1', 'pii.reported', ${firstBox.seal('{"note":"n"}')}, now())`);
  });

  const rotated = await run(['keys', 'rotate'], { ERASURE_SECRET: nextSecret, ERASURE_PREVIOUS_SECRETS: firstSecret });
  expect(rotated.code).toBe(0);
  expect(rotated.stdout).toContain('requester_identifiers.value_box: 2 resealed');
  expect(rotated.stdout).toContain('requests.private_box: 1 resealed');
  expect(rotated.stdout).toContain('forum_events.details_box: 1 resealed');

  const nextKeys = deriveKeys(nextSecret, [firstSecret]);
  const nextOnly = createSecretBox(nextKeys.encryption, nextKeys.lookup);
  const values = await withOwnDatabase(async ({ db }) => [
    ...(rowsOf(await db.execute(sql`SELECT value_box AS v FROM requester_identifiers WHERE request_id = ${requestId}`)) as { v: string }[]),
    ...(rowsOf(await db.execute(sql`SELECT private_box AS v FROM requests WHERE id = ${requestId}`)) as { v: string }[]),
    ...(rowsOf(await db.execute(sql`SELECT details_box AS v FROM forum_events WHERE id = 'cli-ev-1'`)) as { v: string }[]),
  ]);
  expect(values).toHaveLength(4);
  for (const { v } of values) expect(v.startsWith(`v2.${keyId(nextKeys.encryption)}.`)).toBe(true);
  expect(values.map(({ v }) => nextOnly.open(v)).sort()).toEqual(['Ann Example', 'a@example.org', '{"details":"d"}', '{"note":"n"}']);

  const again = await run(['keys', 'rotate'], { ERASURE_SECRET: nextSecret, ERASURE_PREVIOUS_SECRETS: firstSecret });
  expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('requester_identifiers.value_box: 0 resealed') });

  // A secret that never sealed these, without the one that did: nothing is changed, and it says what to do.
  const lost = await run(['keys', 'rotate'], { ERASURE_SECRET: randomBytes(32).toString('base64url') });
  expect(lost.code).toBe(1);
  expect(lost.stderr).toContain('ERASURE_PREVIOUS_SECRETS');
  const after = await withOwnDatabase(async ({ db }) => rowsOf(await db.execute(sql`SELECT private_box AS v FROM requests WHERE id = ${requestId}`)) as { v: string }[]);
  expect(after[0]?.v).toBe(values.find(({ v }) => nextOnly.open(v) === '{"details":"d"}')?.v);
}, 120_000);
