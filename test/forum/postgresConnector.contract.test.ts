// The connector contract against the PostgreSQL connector on the reference schema (PGlite, or the server when
// TEST_DATABASE_URL is set). The reference schema keeps no fields, so the field cases do not apply to it.
import { sql } from 'drizzle-orm';
import { parseForumMapping } from '../../src/forum/postgres/mapping';
import { createPostgresForum } from '../../src/forum/postgres/postgresForum';
import { createReferenceSchema } from '../../src/forum/postgres/referenceSchema';
import { rowsOf } from '../../src/forum/postgres/rows';
import { openTestDatabase } from '../support/testDatabase';
import { describeForumConnector } from './connectorContract';

describeForumConnector('PostgreSQL (reference schema)', { fieldNames: [], idsOfWrongShape: ['not-a-number', '99999999999999999999999', '12a'] }, async () => {
  const database = await openTestDatabase();
  await createReferenceSchema(database.db);
  const { db } = database;
  return {
    forum: createPostgresForum(db, parseForumMapping(undefined)),
    async insertPost(item) {
      const [row] = rowsOf(
        await db.execute(sql`INSERT INTO forum.posts (author, body_raw, body_html, created_at)
          VALUES ('someone', ${item.body}, ${`<p>${item.body}</p>`}, '2024-05-01T10:00:00Z') RETURNING id`),
      );
      const id = String(row?.id);
      const texts = item.revisions ?? [];
      // Each edit holds the text before it and after it; inserted newest first, so that order is not an accident.
      for (let index = texts.length - 1; index >= 0; index--) {
        await db.execute(sql`INSERT INTO forum.post_revisions (post_id, before_text, after_text, created_at)
          VALUES (${id}, ${texts[index - 1] ?? ''}, ${texts[index] ?? ''}, '2024-05-01T10:00:00Z'::timestamptz + make_interval(mins => ${index + 1}::int))`);
      }
      return id;
    },
    async readStored(id) {
      const [post] = rowsOf(await db.execute(sql`SELECT body_raw, body_html FROM forum.posts WHERE id = ${id}`));
      if (!post) return null;
      const revisions = rowsOf(await db.execute(sql`SELECT before_text, after_text FROM forum.post_revisions WHERE post_id = ${id} ORDER BY created_at, id`));
      return [String(post.body_raw), String(post.body_html), ...revisions.flatMap((r) => [String(r.before_text), String(r.after_text)])];
    },
    async editBody(id, body) {
      await db.execute(sql`UPDATE forum.posts SET body_raw = ${body} WHERE id = ${id}`);
    },
    close: () => database.close(),
  };
});
