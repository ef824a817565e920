// The ForumStore over a PostgreSQL forum database, through Drizzle so that the same code reads the demo forum
// inside Erasure's PGlite and a real forum reached by FORUM_URL. Table and column names come from the mapping.
import { type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../store/database';
import { type ForumPost, type ForumStore, type Revision, postContentHash } from '../port';
import { type IdAcceptor, readIdAcceptor } from './idColumn';
import type { ForumMapping } from './mapping';
import { rowsOf } from './rows';
import { searchChunkSize, searchedText, searchNeedles } from '../searchPattern';
import { hasSearchIndexes } from './searchIndex';

/** Posts per chunk of a whole-forum search: one round trip per chunk, and a progress report. */
const defaultChunkSize = 5000;
/** Keeps an IN list well under the 65535 bind parameters a statement may carry. */
const idsPerQuery = 1000;

export function createPostgresForum(db: Db, mapping: ForumMapping): ForumStore {
  const names = sqlNames(mapping);
  let idAcceptor: Promise<IdAcceptor | undefined> | undefined;

  async function acceptsId(): Promise<IdAcceptor> {
    idAcceptor ??= readIdAcceptor(db, mapping.schema, mapping.posts.table, mapping.posts.id);
    try {
      const found = await idAcceptor;
      if (found) return found;
    } catch (error) {
      idAcceptor = undefined;
      throw error;
    }
    // No such column yet (the demo may be seeded later): look again next time, and let the query say what is wrong.
    idAcceptor = undefined;
    return () => true;
  }

  async function loadPosts(tx: Tx, condition: SQL, tail: SQL = sql``): Promise<ForumPost[]> {
    const { p } = names;
    // Fields are read as f0, f1… so that a field name never has to be a safe SQL alias.
    const fieldColumns = p.fields.map(({ column }, i) => sql`, coalesce(p.${column}::text, '') AS ${sql.identifier(`f${i}`)}`);
    const postRows = rowsOf(
      await tx.execute(sql`
        SELECT p.${p.id} AS id, p.${p.author}::text AS author,
               coalesce(p.${p.body}::text, '') AS body, coalesce(p.${p.renderedBody}::text, '') AS rendered_body,
               ${epochMs(sql`p.${p.createdAt}`)} AS created_ms${sql.join(fieldColumns, sql``)}
        FROM ${p.table} AS p WHERE ${condition} ${tail}`),
    );
    if (postRows.length === 0) return [];
    const revisions = await loadRevisions(tx, postRows.map((row) => String(row.id)));
    return postRows.map((row) => {
      const id = String(row.id);
      const post = {
        id,
        author: String(row.author ?? ''),
        body: String(row.body),
        renderedBody: String(row.rendered_body),
        createdAt: dateOf(row.created_ms),
        revisions: revisions.get(id) ?? [],
        ...(p.fields.length > 0 ? { fields: Object.fromEntries(p.fields.map(({ name }, i) => [name, String(row[`f${i}`] ?? '')])) } : {}),
      };
      return { ...post, contentHash: postContentHash(post) };
    });
  }

  async function loadRevisions(tx: Tx, postIds: string[]): Promise<Map<string, Revision[]>> {
    const { r } = names;
    const rows = rowsOf(
      await tx.execute(sql`
        SELECT r.${r.id} AS id, r.${r.postId} AS post_id,
               coalesce(r.${r.before}::text, '') AS before, coalesce(r.${r.after}::text, '') AS after,
               ${epochMs(sql`r.${r.createdAt}`)} AS created_ms
        FROM ${r.table} AS r WHERE r.${r.postId} IN (${idList(postIds)})
        ORDER BY r.${r.postId}, r.${r.createdAt}, r.${r.id}`),
    );
    const byPost = new Map<string, Revision[]>();
    for (const row of rows) {
      const postId = String(row.post_id);
      const list = byPost.get(postId) ?? [];
      list.push({ id: String(row.id), before: String(row.before), after: String(row.after), createdAt: dateOf(row.created_ms) });
      byPost.set(postId, list);
    }
    return byPost;
  }

  return {
    async getPost(id) {
      if (!(await acceptsId())(id)) return null;
      const [post] = await loadPosts(db, sql`p.${names.p.id} = ${id}`);
      return post ?? null;
    },

    async existingPostIds(ids) {
      const accepts = await acceptsId();
      const wanted = [...new Set(ids)].filter(accepts);
      const found = new Set<string>();
      for (let start = 0; start < wanted.length; start += idsPerQuery) {
        const chunk = wanted.slice(start, start + idsPerQuery);
        const rows = rowsOf(
          await db.execute(sql`SELECT p.${names.p.id} AS id FROM ${names.p.table} AS p WHERE p.${names.p.id} IN (${idList(chunk)})`),
        );
        for (const row of rows) found.add(String(row.id));
      }
      return found;
    },

    async *findPostsContaining(terms, options = {}) {
      const needles = searchNeedles(terms);
      if (needles.length === 0) return;
      const chunkSize = searchChunkSize(options.pageSize, defaultChunkSize);
      const { p, r } = names;
      const contains = (column: SQL) => sql.join(needles.map((pattern) => sql`${searchedText(column)} LIKE ${pattern}`), sql` OR `);
      // The body and every mapped field of the post itself.
      const postContains = sql.join([sql`p.${p.body}`, ...p.fields.map(({ column }) => sql`p.${column}`)].map(contains), sql` OR `);
      const [counted] = rowsOf(await db.execute(sql`SELECT count(*) AS n FROM ${p.table} AS p`));
      const total = Number(counted?.n ?? 0);
      if (await hasSearchIndexes(db, mapping)) {
        // The trigram indexes find the candidates without reading the forum: page through them, then report it all seen.
        await options.onProgress?.(0, total);
        const matches = sql`(${postContains} OR p.${p.id} IN (
          SELECT r.${r.postId} FROM ${r.table} AS r WHERE ${contains(sql`r.${r.before}`)} OR ${contains(sql`r.${r.after}`)}))`;
        let after: string | undefined;
        for (;;) {
          const page = await loadPosts(db, after === undefined ? matches : sql`p.${p.id} > ${after} AND ${matches}`, sql`ORDER BY p.${p.id} LIMIT ${chunkSize}`);
          yield* page;
          const last = page.at(-1);
          if (page.length < chunkSize || !last) break;
          after = last.id;
        }
        await options.onProgress?.(total, total);
        return;
      }
      let scanned = 0;
      let after: unknown;
      // Walks the ids in chunks, so memory stays flat and progress can be told; each chunk is filtered by the server.
      for (;;) {
        const from = after === undefined ? sql`TRUE` : sql`p.${p.id} > ${after}`;
        const [bounds] = rowsOf(
          await db.execute(sql`SELECT max(c.id) AS last, count(*) AS n FROM (
            SELECT p.${p.id} AS id FROM ${p.table} AS p WHERE ${from} ORDER BY p.${p.id} LIMIT ${chunkSize}) AS c`),
        );
        const inChunk = Number(bounds?.n ?? 0);
        if (inChunk === 0) return;
        const last = bounds?.last;
        // Revisions are filtered within the same id range, so each one is read once in the whole search.
        const revisionFrom = after === undefined ? sql`TRUE` : sql`r.${r.postId} > ${after}`;
        const matches = sql`(${postContains} OR p.${p.id} IN (
          SELECT r.${r.postId} FROM ${r.table} AS r WHERE ${revisionFrom} AND r.${r.postId} <= ${last}
            AND (${contains(sql`r.${r.before}`)} OR ${contains(sql`r.${r.after}`)})))`;
        yield* await loadPosts(db, sql`${from} AND p.${p.id} <= ${last} AND ${matches}`, sql`ORDER BY p.${p.id}`);
        scanned += inChunk;
        await options.onProgress?.(scanned, Math.max(total, scanned));
        if (inChunk < chunkSize) return;
        after = last;
      }
    },

    async applyRewrite(postId, expectedHash, rewrite) {
      if (!(await acceptsId())(postId)) return { status: 'not_found' };
      const { p, r } = names;
      return db.transaction(async (tx) => {
        // The lock holds off a concurrent edit between the hash check and the write.
        const locked = rowsOf(await tx.execute(sql`SELECT p.${p.id} FROM ${p.table} AS p WHERE p.${p.id} = ${postId} FOR UPDATE`));
        if (locked.length === 0) return { status: 'not_found' as const };
        const [current] = await loadPosts(tx, sql`p.${p.id} = ${postId}`);
        if (!current) return { status: 'not_found' as const };
        if (current.contentHash !== expectedHash) return { status: 'changed' as const, contentHash: current.contentHash };

        const next = rewrite(current);
        // Only changed fields are written: an untouched NULL stays NULL (it reads as '' either way).
        const fieldSets = Object.entries(next.fields ?? {}).flatMap(([name, value]) => {
          const field = p.fields.find((f) => f.name === name);
          // Throwing rolls back: a rewrite must not name a column the mapping does not know.
          if (!field) throw new Error(`the rewrite of post ${postId} names field ${name}, which the forum mapping does not have`);
          return value === current.fields?.[name] ? [] : [sql`, ${field.column} = ${value}`];
        });
        await tx.execute(sql`
          UPDATE ${p.table} SET ${p.body} = ${next.body}, ${p.renderedBody} = ${next.renderedBody}${sql.join(fieldSets, sql``)}
          WHERE ${p.id} = ${postId}`);
        for (const revision of next.revisions) {
          const updated = rowsOf(
            await tx.execute(sql`
              UPDATE ${r.table} SET ${r.before} = ${revision.before}, ${r.after} = ${revision.after}
              WHERE ${r.id} = ${revision.id} AND ${r.postId} = ${postId} RETURNING ${r.id}`),
          );
          // Throwing rolls back the body too: a rewrite that misses a revision must not half-apply.
          if (updated.length === 0) throw new Error(`revision ${revision.id} does not belong to post ${postId}`);
        }
        const [written] = await loadPosts(tx, sql`p.${p.id} = ${postId}`);
        if (!written) throw new Error(`post ${postId} vanished inside its own transaction`);
        return { status: 'applied' as const, contentHash: written.contentHash };
      });
    },

    async deletePost(postId, expectedHash) {
      if (!(await acceptsId())(postId)) return { status: 'not_found' };
      const { p, r } = names;
      return db.transaction(async (tx) => {
        const locked = rowsOf(await tx.execute(sql`SELECT p.${p.id} FROM ${p.table} AS p WHERE p.${p.id} = ${postId} FOR UPDATE`));
        if (locked.length === 0) return { status: 'not_found' as const };
        const [current] = await loadPosts(tx, sql`p.${p.id} = ${postId}`);
        if (!current) return { status: 'not_found' as const };
        if (current.contentHash !== expectedHash) return { status: 'changed' as const, contentHash: current.contentHash };
        // Revisions first: a forum whose revisions reference the post by a foreign key refuses the other order.
        await tx.execute(sql`DELETE FROM ${r.table} WHERE ${r.postId} = ${postId}`);
        await tx.execute(sql`DELETE FROM ${p.table} WHERE ${p.id} = ${postId}`);
        return { status: 'deleted' as const };
      });
    },
  };
}

/** Quoted names, built once; aliases p and r are used for posts and revisions in every query. */
function sqlNames(mapping: ForumMapping) {
  const schema = sql.identifier(mapping.schema);
  const { posts, revisions } = mapping;
  return {
    p: {
      table: sql`${schema}.${sql.identifier(posts.table)}`,
      id: sql.identifier(posts.id),
      author: sql.identifier(posts.author),
      body: sql.identifier(posts.body),
      renderedBody: sql.identifier(posts.renderedBody),
      createdAt: sql.identifier(posts.createdAt),
      fields: Object.entries(posts.fields).map(([name, column]) => ({ name, column: sql.identifier(column) })),
    },
    r: {
      table: sql`${schema}.${sql.identifier(revisions.table)}`,
      id: sql.identifier(revisions.id),
      postId: sql.identifier(revisions.postId),
      before: sql.identifier(revisions.before),
      after: sql.identifier(revisions.after),
      createdAt: sql.identifier(revisions.createdAt),
    },
  };
}

/**
 * Milliseconds since the epoch as a float8: both drivers return it as a number, whatever the session time zone.
 * A timestamp without time zone is read as UTC, which is how forums that use that type store it.
 */
function epochMs(column: SQL): SQL {
  return sql`(extract(epoch from ${column}) * 1000)::float8`;
}

function idList(ids: string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
}

function dateOf(ms: unknown): Date {
  return new Date(Number(ms));
}
