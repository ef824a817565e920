// The number of rows in each of Erasure's tables, read in one statement: a test compares two readings to prove
// that a refused input wrote nothing, and that an accepted one wrote what it should.
import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../src/store/database';
import { rowsOf } from '../../src/forum/postgres/rows';
import * as schema from '../../src/store/schema';

export type TableCounts = Record<string, number>;

export const erasureTables: string[] = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => typeof value === 'object' && value !== null && Symbol.for('drizzle:IsDrizzleTable') in value)
  .map((table) => getTableName(table));

export async function countRows(db: Db, tables: string[] = erasureTables): Promise<TableCounts> {
  const columns = tables.map((t) => `(SELECT count(*) FROM "${t}")::int AS "${t}"`).join(', ');
  const row = rowsOf(await db.execute(sql.raw(`SELECT ${columns}`)))[0] as Record<string, unknown>;
  return Object.fromEntries(tables.map((t) => [t, Number(row[t])]));
}

/** The tables whose count changed, with the change: {} when nothing was written. */
export function rowChanges(before: TableCounts, after: TableCounts): TableCounts {
  return Object.fromEntries(Object.keys(after).flatMap((t) => (after[t] !== before[t] ? [[t, (after[t] ?? 0) - (before[t] ?? 0)]] : [])));
}
