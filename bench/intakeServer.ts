// The servers under test for bench:intake, in a process of their own so the load generator does not share
// their event loop: Erasure's intake on the real PostgreSQL and Redis, and a bare Express route that answers 202.
import express from 'express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { readConfig } from '../src/config';
import { createReferenceSchema } from '../src/forum/postgres/referenceSchema';
import { rowsOf } from '../src/forum/postgres/rows';
import { openRuntime } from '../src/runtime';
import { sql } from 'drizzle-orm';

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `erasure_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const config = readConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: url.toString(),
    ERASURE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'erasure-bench-')),
    ERASURE_SECRET: randomBytes(32).toString('base64url'),
    QUEUE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
    INTAKE_RATE_LIMIT: '0',
    LOG_LEVEL: 'warn',
  });
  const runtime = await openRuntime(config);
  await createReferenceSchema(runtime.database.db);
  const [post] = rowsOf(await runtime.database.db.execute(sql`INSERT INTO forum.posts (author, body_raw, body_html, created_at, updated_at) VALUES ('bench', 'Call me on 06 12 34 56 78', '<p>Call me on 06 12 34 56 78</p>', now(), now()) RETURNING id`));
  const intake = await runtime.serve();

  const bare = express();
  bare.disable('x-powered-by');
  bare.disable('etag');
  bare.post('/api/v1/requests', express.json(), (_req, res) => {
    res.status(202).json({ id: 'bare', statusUrl: 'http://localhost/status/bare' });
  });
  const bareServer = bare.listen(0, '127.0.0.1');
  await new Promise((resolve) => bareServer.once('listening', resolve));

  const port = (server: { address(): unknown }) => (server.address() as { port: number }).port;
  process.send?.({ intake: port(intake), bare: port(bareServer), postId: String(post?.id) });

  process.once('disconnect', async () => {
    bareServer.close();
    await runtime.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    process.exit(0);
  });
}

void main();
