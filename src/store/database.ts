// Opens Erasure's database: a PostgreSQL server when DATABASE_URL is set, else PGlite in the data directory.
// Both are driven through the same Drizzle schema and the same migrations.
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrationsDir } from '../paths';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction, or the database itself: repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

/** A statement of fixed text that the server may keep prepared under its name: for hot paths only. */
export interface NamedStatement {
  name: string;
  text: string;
  values: unknown[];
}
export type RunStatement = (statement: NamedStatement) => Promise<void>;

export interface Database {
  readonly kind: 'postgres' | 'pglite';
  readonly db: Db;
  run: RunStatement;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** 'memory://' gives an in-memory PGlite: tests use it to own a fresh database. */
export async function openDatabase(target: { url?: string; dataDir: string }): Promise<Database> {
  return target.url ? openPostgres(target.url) : openPglite(target.dataDir);
}

export function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  // Nor one that is checked out between two statements of a transaction, which the pool's listener does not cover:
  // the transaction's next statement fails and rolls it back.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async run(statement) {
      await pool.query(statement);
    },
    async migrate() {
      // Several processes may start at once: one migrates, the others wait on the lock.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('SELECT pg_advisory_lock(7201520)');
        await migratePg(drizzlePg(client), { migrationsFolder: migrationsDir });
      } finally {
        await client.end();
      }
    },
    async ping() {
      await db.execute(sql`SELECT 1`);
    },
    close: () => pool.end(),
  };
}

export class DatabaseInUse extends Error {}

/** PGlite allows one process per data directory: a second one would corrupt it, so it is refused. */
function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'pglite.pid');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(file, 'utf8'));
    if (holder !== process.pid && isAlive(holder)) {
      throw new DatabaseInUse(`the embedded database in ${dataDir} is in use by process ${holder}: stop that Erasure first (PGlite allows one process per data directory)`);
    }
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * template: a data directory dumped by PGlite (dumpDataDir) to start an in-memory database from, instead of
 * creating an empty cluster; tests start each file's database from one already migrated, which is 3× quicker.
 */
export async function openPglite(dataDir: string, options: { template?: Blob } = {}): Promise<Database> {
  const memory = dataDir === 'memory://';
  if (!memory) mkdirSync(dataDir, { recursive: true });
  const unlock = memory ? () => undefined : lockDataDir(dataDir);
  const client = memory ? new PGlite({ loadDataDir: options.template }) : new PGlite(`${dataDir}/pglite`);
  try {
    await client.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async run(statement) {
      await client.query(statement.text, statement.values);
    },
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder: migrationsDir }),
    async ping() {
      await client.query('SELECT 1');
    },
    async close() {
      await client.close();
      unlock();
    },
  };
}
