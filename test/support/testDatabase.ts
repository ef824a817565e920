// Each test file owns its database: a fresh PGlite in memory (started from the migrated template that
// pgliteTemplate.ts dumps once per run, when there is one), or, when TEST_DATABASE_URL names a
// PostgreSQL server, a new database on that server that is dropped again on close.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../../src/store/database';
import { templateVariable } from './pgliteTemplate';

export interface TestDatabase extends Database {
  /** The URL of the PostgreSQL database, or undefined on PGlite. */
  readonly url: string | undefined;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const template = process.env[templateVariable];
    const database = await openPglite('memory://', template ? { template: new Blob([readFileSync(template)]) } : {});
    await database.migrate();
    return Object.assign(database, { url: undefined });
  }
  const name = `erasure_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString());
  await database.migrate();
  const close = database.close;
  return Object.assign(database, {
    url: url.toString(),
    async close() {
      await close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  });
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
