// With the trigram indexes of `erasure forum index`, a whole-forum search finds the same posts from the index
// instead of reading every post. pg_trgm is a PostgreSQL server extension: this file runs on the PostgreSQL pass.
import { sql } from 'drizzle-orm';
import type { ForumPost } from '../../src/forum/port';
import { parseForumMapping } from '../../src/forum/postgres/mapping';
import { createPostgresForum } from '../../src/forum/postgres/postgresForum';
import { createReferenceSchema } from '../../src/forum/postgres/referenceSchema';
import { rowsOf } from '../../src/forum/postgres/rows';
import { createSearchIndexes, hasSearchIndexes } from '../../src/forum/postgres/searchIndex';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

const onServer = process.env.TEST_DATABASE_URL ? describe : describe.skip;

onServer('whole-forum search with trigram indexes', () => {
  let database: TestDatabase;
  const mapping = parseForumMapping(undefined);

  beforeAll(async () => {
    database = await openTestDatabase();
    await createReferenceSchema(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  const insert = async (body: string, before?: string, title = '') => {
    const id = String(rowsOf(await database.db.execute(sql`INSERT INTO forum.posts (author, body_raw, body_html, title) VALUES ('m', ${body}, '', ${title}) RETURNING id`))[0]?.id);
    if (before) await database.db.execute(sql`INSERT INTO forum.post_revisions (post_id, before_text, after_text) VALUES (${id}, ${before}, ${body})`);
    return id;
  };

  test('finds the same posts with and without the indexes, and reports the whole forum seen', async () => {
    const ids = [await insert('Ring 06.71.22.33.44 any time'), await insert('Edited.', 'was ZOÉ-QUILLARD here'), await insert('QUILLARD Zoé'), await insert('See the title.', undefined, 'Zoé Quillard sells books')];
    for (let i = 0; i < 20; i += 1) await insert(`an ordinary post number ${i}`);
    const forum = createPostgresForum(database.db, mapping);
    const search = async () => {
      const found: ForumPost[] = [];
      const progress: [number, number][] = [];
      for await (const post of forum.findPostsContaining(['Zoé Quillard', 'Quillard Zoé', '0 6 7 1 2 2 3 3 4 4'], { pageSize: 2, onProgress: (s, t) => void progress.push([s, t]) })) found.push(post);
      return { ids: found.map((p) => p.id), progress };
    };
    const scanned = await search();
    expect(await hasSearchIndexes(database.db, mapping)).toBe(false);
    expect(await createSearchIndexes(database.db, mapping)).toHaveLength(4);
    expect(await hasSearchIndexes(database.db, mapping)).toBe(true);
    const indexed = await search();
    expect(scanned.ids).toEqual(ids);
    expect(indexed.ids).toEqual(ids);
    expect(indexed.progress).toEqual([[0, 24], [24, 24]]);
    // On 24 rows the planner would rather read the table: made to choose, it must pick the trigram index.
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      return rowsOf(await tx.execute(sql`EXPLAIN SELECT id FROM forum.posts WHERE lower(body_raw::text) LIKE '%quillard%'`)).map((r) => String(r['QUERY PLAN'])).join('\n');
    });
    expect(plan).toMatch(/erasure_search_posts_body_raw/);
  });
});
