// Optional trigram indexes that let PostgreSQL answer a whole-forum search from an index instead of reading
// every post: `erasure forum index`, run by an operator whose forum database allows the pg_trgm extension.
import { sql } from 'drizzle-orm';
import type { Db } from '../../store/database';
import { searchedText } from '../searchPattern';
import type { ForumMapping } from './mapping';

export async function createSearchIndexes(db: Db, mapping: ForumMapping): Promise<string[]> {
  await db.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  const schema = sql.identifier(mapping.schema);
  const targets = [
    { table: mapping.posts.table, column: mapping.posts.body },
    { table: mapping.revisions.table, column: mapping.revisions.before },
    { table: mapping.revisions.table, column: mapping.revisions.after },
  ];
  const made: string[] = [];
  for (const { table, column } of targets) {
    const name = `erasure_search_${table}_${column}`.slice(0, 63);
    // The indexed expression is the very one the search filters on, or PostgreSQL would not use the index.
    await db.execute(sql`CREATE INDEX IF NOT EXISTS ${sql.identifier(name)} ON ${schema}.${sql.identifier(table)}
      USING gin ((${searchedText(sql`${sql.identifier(column)}`)}) gin_trgm_ops)`);
    made.push(name);
  }
  return made;
}
