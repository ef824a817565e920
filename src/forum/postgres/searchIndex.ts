// Optional trigram indexes that let PostgreSQL answer a whole-forum search from an index instead of reading
// every post: `erasure forum index`, run by an operator whose forum database allows the pg_trgm extension.
import { sql } from 'drizzle-orm';
import type { Db } from '../../store/database';
import { searchedText } from '../searchPattern';
import type { ForumMapping } from './mapping';
import { rowsOf } from './rows';

function indexedColumns(mapping: ForumMapping) {
  return [
    { table: mapping.posts.table, column: mapping.posts.body },
    // A post's fields are searched beside its body: without their index the search would read the posts table.
    ...Object.values(mapping.posts.fields).map((column) => ({ table: mapping.posts.table, column })),
    { table: mapping.revisions.table, column: mapping.revisions.before },
    { table: mapping.revisions.table, column: mapping.revisions.after },
  ]
    .map((target) => ({ ...target, name: `erasure_search_${target.table}_${target.column}`.slice(0, 63) }))
    // Two fields may share a column: one index serves both.
    .filter((target, i, all) => all.findIndex((t) => t.name === target.name) === i);
}

/** Whether all the indexes exist: with one missing, PostgreSQL would read that table whole on every page. */
export async function hasSearchIndexes(db: Db, mapping: ForumMapping): Promise<boolean> {
  const names = indexedColumns(mapping).map((t) => t.name);
  const [row] = rowsOf(
    await db.execute(sql`SELECT count(*) AS n FROM pg_indexes WHERE schemaname = ${mapping.schema} AND indexname IN (${sql.join(names.map((n) => sql`${n}`), sql`, `)})`),
  );
  return Number(row?.n) === names.length;
}

export async function createSearchIndexes(db: Db, mapping: ForumMapping): Promise<string[]> {
  await db.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  const schema = sql.identifier(mapping.schema);
  const made: string[] = [];
  for (const { table, column, name } of indexedColumns(mapping)) {
    // The indexed expression is the very one the search filters on, or PostgreSQL would not use the index.
    await db.execute(sql`CREATE INDEX IF NOT EXISTS ${sql.identifier(name)} ON ${schema}.${sql.identifier(table)}
      USING gin ((${searchedText(sql`${sql.identifier(column)}`)}) gin_trgm_ops)`);
    made.push(name);
  }
  return made;
}
