// Seeds the demo forum in the reference schema of Erasure's own database: the embedded default then has a
// forum to work on, and the README walk-through has Marie Dupont's posts to find.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../store/database';
import { createReferenceSchema } from '../postgres/referenceSchema';
import { rowsOf } from '../postgres/rows';
import { renderBodyHtml } from './bodyHtml';
import { composeDemoPosts } from './demoPosts';

export { demoPersona } from './demoPersona';

const rowsPerInsert = 100;

/** Does nothing when the forum already has posts; answers how many posts this call wrote. */
export async function seedDemoForum(db: Db, options: { count?: number } = {}): Promise<{ posts: number }> {
  const count = options.count ?? 200;
  if (!Number.isInteger(count) || count < 0) throw new Error(`demo forum post count must be a whole number, not ${count}`);
  await createReferenceSchema(db, 'forum');
  return db.transaction(async (tx) => {
    // Two processes starting on one database must not both seed.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('erasure.forum.demo'))`);
    const [existing] = rowsOf(await tx.execute(sql`SELECT EXISTS (SELECT 1 FROM forum.posts) AS seeded`));
    if (existing?.seeded) return { posts: 0 };

    const posts = composeDemoPosts(count);
    const postRows = posts.map((post) => {
      const updatedAt = post.revisions[post.revisions.length - 1]?.createdAt ?? post.createdAt;
      return sql`(${post.id}, ${post.author}, ${post.title}, ${post.body}, ${renderBodyHtml(post.body)},
        ${post.createdAt.toISOString()}::timestamptz, ${updatedAt.toISOString()}::timestamptz)`;
    });
    let revisionId = 0;
    const revisionRows = posts.flatMap((post) =>
      post.revisions.map(
        (revision) =>
          sql`(${++revisionId}, ${post.id}, ${revision.before}, ${revision.after}, ${revision.createdAt.toISOString()}::timestamptz)`,
      ),
    );
    for (const chunk of chunks(postRows)) {
      await tx.execute(sql`INSERT INTO forum.posts (id, author, title, body_raw, body_html, created_at, updated_at) VALUES ${chunk}`);
    }
    for (const chunk of chunks(revisionRows)) {
      await tx.execute(sql`INSERT INTO forum.post_revisions (id, post_id, before_text, after_text, created_at) VALUES ${chunk}`);
    }
    // Ids were given explicitly (so that the persona's post ids are fixed): move the identities past them.
    for (const table of ['posts', 'post_revisions']) {
      await tx.execute(
        sql`SELECT setval(pg_get_serial_sequence(${`forum.${table}`}, 'id'), max(id)) FROM ${sql.raw(`forum.${table}`)} HAVING max(id) IS NOT NULL`,
      );
    }
    return { posts: posts.length };
  });
}

function chunks(rows: SQL[]): SQL[] {
  const joined: SQL[] = [];
  for (let start = 0; start < rows.length; start += rowsPerInsert) {
    joined.push(sql.join(rows.slice(start, start + rowsPerInsert), sql`, `));
  }
  return joined;
}
