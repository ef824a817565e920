// The ForumStore over a WordPress (and bbPress) site's MySQL or MariaDB database, on mysql2. What an item is
// and how it is read lives in wordpressItems.ts; this file searches, rewrites and deletes them.
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import type { ForumPost, ForumStore, PostRewrite } from '../port';
import { searchChunkSize, searchNeedles } from '../searchPattern';
import { parseItemId, type ItemRef } from './wordpressIds';
import { commentFields, loadComments, loadPosts, type Queryable, revisionField, type WordpressTables, wordpressTables } from './wordpressItems';
import type { WordpressMapping } from './wordpressMapping';

/** Items per chunk of a whole-forum search: one round trip per chunk, and a progress report. */
const defaultChunkSize = 5000;
const idsPerQuery = 1000;

// A server that is not strict truncates a value too long for its column instead of refusing it: a rewrite is
// written whole or not at all, so the writing session is strict whatever the server's default.
const strictSession = `SET SESSION sql_mode = IF(@@SESSION.sql_mode = '', 'STRICT_ALL_TABLES', CONCAT(@@SESSION.sql_mode, ',STRICT_ALL_TABLES'))`;

export function createMysqlForum(pool: Pool, mapping: WordpressMapping): ForumStore {
  const t = wordpressTables(mapping);

  const loadItem = async (db: Queryable, ref: ItemRef): Promise<ForumPost | undefined> =>
    ref.kind === 'post'
      ? (await loadPosts(db, t, 'p.ID = ?', [ref.id]))[0]
      : (await loadComments(db, t, 'c.comment_ID = ?', [ref.id]))[0];

  /** Locks the item's rows (a post's with its revisions) until the transaction ends; false when it is gone. */
  async function lockItem(connection: PoolConnection, ref: ItemRef): Promise<boolean> {
    if (ref.kind === 'comment') {
      const [found] = await connection.query<RowDataPacket[]>(`SELECT comment_ID FROM ${t.comments} WHERE comment_ID = ? FOR UPDATE`, [ref.id]);
      return found.length > 0;
    }
    const [found] = await connection.query<RowDataPacket[]>(`SELECT ID FROM ${t.posts} WHERE ID = ? AND post_type IN (?) FOR UPDATE`, [ref.id, t.postTypes]);
    if (found.length === 0) return false;
    // Locking the revisions (and the index gap after them) also holds off WordPress saving a new one meanwhile.
    await connection.query(`SELECT ID FROM ${t.posts} WHERE post_parent = ? AND post_type = 'revision' FOR UPDATE`, [ref.id]);
    return true;
  }

  /** Runs `work` in one READ COMMITTED transaction on its own connection: committed if it returns, rolled back if it throws. */
  async function inTransaction<T>(work: (connection: PoolConnection) => Promise<T>): Promise<T> {
    const connection = await pool.getConnection();
    try {
      await connection.query(strictSession);
      // Each statement sees what others committed before it: the re-read after the lock wait sees their write.
      await connection.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
      await connection.beginTransaction();
      try {
        const result = await work(connection);
        await connection.commit();
        return result;
      } catch (error) {
        await connection.rollback().catch(() => undefined);
        throw error;
      }
    } finally {
      connection.release();
    }
  }

  async function writePost(connection: PoolConnection, current: ForumPost, next: PostRewrite): Promise<void> {
    const fields = writtenFields(current, next);
    const known = new Set(current.revisions.map((r) => r.id));
    for (const revision of next.revisions) {
      // Throwing rolls back what was written before: a rewrite that cannot be stored as given must not half-apply.
      if (!known.has(revision.id)) throw new Error(`revision ${revision.id} does not belong to post ${current.id}`);
    }
    // WordPress keeps each save whole: `before` is the previous copy, so only `after` is stored, and a rewrite that
    // gives a `before` other than the previous copy's new text could not be read back as written.
    const afterById = new Map(next.revisions.map((r) => [r.id, r.after]));
    const stored = current.revisions.map((r) => afterById.get(r.id) ?? r.after);
    current.revisions.forEach((revision, index) => {
      const given = next.revisions.find((r) => r.id === revision.id);
      if (given && given.before !== (index === 0 ? '' : stored[index - 1])) {
        throw new Error(`revision ${revision.id} of post ${current.id}: its before must be the previous revision's text, as WordPress stores whole copies`);
      }
    });
    await connection.query(
      `UPDATE ${t.posts} SET post_content = ?, post_title = ?, post_excerpt = ?,
         post_modified = IF(post_modified_gmt > '1000-01-01', UTC_TIMESTAMP() + INTERVAL TIMESTAMPDIFF(SECOND, post_modified_gmt, post_modified) SECOND, UTC_TIMESTAMP()),
         post_modified_gmt = UTC_TIMESTAMP()
       WHERE ID = ?`,
      [next.body, fields.title, fields.excerpt, current.id],
    );
    for (const revision of next.revisions) {
      await connection.query(
        `UPDATE ${t.posts} SET post_content = ?, post_title = ?, post_excerpt = ? WHERE ID = ? AND post_parent = ? AND post_type = 'revision'`,
        [revision.after, fields[revisionField(revision.id, 'title')], fields[revisionField(revision.id, 'excerpt')], revision.id, current.id],
      );
    }
    // Revisions the rewrite does not name keep their text, but their titles and excerpts are fields of the post.
    for (const revision of current.revisions.filter((r) => !afterById.has(r.id))) {
      await connection.query(`UPDATE ${t.posts} SET post_title = ?, post_excerpt = ? WHERE ID = ?`, [
        fields[revisionField(revision.id, 'title')],
        fields[revisionField(revision.id, 'excerpt')],
        revision.id,
      ]);
    }
  }

  async function writeComment(connection: PoolConnection, current: ForumPost, next: PostRewrite): Promise<void> {
    if (next.revisions.length > 0) throw new Error(`comment ${current.id} has no revisions to rewrite`);
    const fields = writtenFields(current, next);
    const columns = Object.entries(commentFields);
    await connection.query(
      `UPDATE ${t.comments} SET comment_content = ?, ${columns.map(([, column]) => `${column} = ?`).join(', ')} WHERE comment_ID = ?`,
      [next.body, ...columns.map(([name]) => fields[name]), parseItemId(current.id)?.id],
    );
  }

  return {
    async getPost(id) {
      const ref = parseItemId(id);
      return ref ? ((await loadItem(pool, ref)) ?? null) : null;
    },

    async existingPostIds(ids) {
      const refs = [...new Set(ids)].map(parseItemId).filter((ref): ref is ItemRef => ref !== null);
      const found = new Set<string>();
      for (const kind of ['post', 'comment'] as const) {
        const wanted = refs.filter((ref) => ref.kind === kind).map((ref) => ref.id);
        for (let start = 0; start < wanted.length; start += idsPerQuery) {
          const chunk = wanted.slice(start, start + idsPerQuery);
          const statement =
            kind === 'post'
              ? [`SELECT CAST(ID AS CHAR) AS id FROM ${t.posts} WHERE ID IN (?) AND post_type IN (?)`, [chunk, t.postTypes]]
              : [`SELECT CONCAT('comment-', comment_ID) AS id FROM ${t.comments} WHERE comment_ID IN (?)`, [chunk]];
          const [rows] = await pool.query<RowDataPacket[]>(statement[0] as string, statement[1]);
          for (const row of rows) found.add(String(row.id));
        }
      }
      return found;
    },

    async *findPostsContaining(terms, options = {}) {
      const needles = searchNeedles(terms);
      if (needles.length === 0) return;
      const chunkSize = searchChunkSize(options.pageSize, defaultChunkSize);
      const contains = searchCondition(needles);
      const [[postCount], [commentCount]] = await Promise.all([
        pool.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${t.posts} WHERE post_type IN (?)`, [t.postTypes]).then(([r]) => r),
        pool.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${t.comments}`).then(([r]) => r),
      ]);
      const total = Number(postCount?.n ?? 0) + Number(commentCount?.n ?? 0);
      let scanned = 0;
      const report = async (inChunk: number) => {
        scanned += inChunk;
        await options.onProgress?.(scanned, Math.max(total, scanned));
      };

      // Posts, walked in ID ranges; each chunk is filtered by the server, revisions within the same range.
      let after = '0';
      for (;;) {
        const [[bounds]] = await pool.query<RowDataPacket[]>(
          `SELECT CAST(MAX(c.ID) AS CHAR) AS last, COUNT(*) AS n FROM (
             SELECT ID FROM ${t.posts} WHERE post_type IN (?) AND ID > ? ORDER BY ID LIMIT ?) AS c`,
          [t.postTypes, after, chunkSize],
        );
        const inChunk = Number(bounds?.n ?? 0);
        if (inChunk === 0) break;
        const last = String(bounds?.last);
        const postText = contains(['p.post_content', 'p.post_title', 'p.post_excerpt']);
        const revisionText = contains(['r.post_content', 'r.post_title', 'r.post_excerpt']);
        yield* await loadPosts(
          pool,
          t,
          `p.ID > ? AND p.ID <= ? AND (${postText.sql} OR p.ID IN (
             SELECT r.post_parent FROM ${t.posts} AS r
             WHERE r.post_type = 'revision' AND r.post_parent > ? AND r.post_parent <= ? AND ${revisionText.sql}))`,
          [after, last, ...postText.values, after, last, ...revisionText.values],
        );
        await report(inChunk);
        if (inChunk < chunkSize) break;
        after = last;
      }

      // Comments, the same way; the commenter's columns are searched with the text.
      after = '0';
      for (;;) {
        const [[bounds]] = await pool.query<RowDataPacket[]>(
          `SELECT CAST(MAX(c.comment_ID) AS CHAR) AS last, COUNT(*) AS n FROM (
             SELECT comment_ID FROM ${t.comments} WHERE comment_ID > ? ORDER BY comment_ID LIMIT ?) AS c`,
          [after, chunkSize],
        );
        const inChunk = Number(bounds?.n ?? 0);
        if (inChunk === 0) break;
        const last = String(bounds?.last);
        const commentText = contains(['c.comment_content', ...Object.values(commentFields).map((column) => `c.${column}`)]);
        yield* await loadComments(pool, t, `c.comment_ID > ? AND c.comment_ID <= ? AND ${commentText.sql}`, [after, last, ...commentText.values]);
        await report(inChunk);
        if (inChunk < chunkSize) break;
        after = last;
      }
    },

    async applyRewrite(postId, expectedHash, rewrite) {
      const ref = parseItemId(postId);
      if (!ref) return { status: 'not_found' };
      return inTransaction(async (connection) => {
        // The lock holds off a concurrent edit between the hash check and the write.
        if (!(await lockItem(connection, ref))) return { status: 'not_found' as const };
        const current = await loadItem(connection, ref);
        if (!current) return { status: 'not_found' as const };
        if (current.contentHash !== expectedHash) return { status: 'changed' as const, contentHash: current.contentHash };
        const next = rewrite(current);
        await (ref.kind === 'post' ? writePost(connection, current, next) : writeComment(connection, current, next));
        const written = await loadItem(connection, ref);
        if (!written) throw new Error(`item ${postId} vanished inside its own transaction`);
        return { status: 'applied' as const, contentHash: written.contentHash };
      });
    },

    async deletePost(postId, expectedHash) {
      const ref = parseItemId(postId);
      if (!ref) return { status: 'not_found' };
      return inTransaction(async (connection) => {
        if (!(await lockItem(connection, ref))) return { status: 'not_found' as const };
        const current = await loadItem(connection, ref);
        if (!current) return { status: 'not_found' as const };
        if (current.contentHash !== expectedHash) return { status: 'changed' as const, contentHash: current.contentHash };
        if (ref.kind === 'comment') {
          await connection.query(`DELETE FROM ${t.commentmeta} WHERE comment_id = ?`, [ref.id]);
          await connection.query(`DELETE FROM ${t.comments} WHERE comment_ID = ?`, [ref.id]);
        } else {
          // The metadata of the post and of its revisions goes with them (bbPress keeps the author's IP there).
          const ids = [ref.id, ...current.revisions.map((r) => r.id)];
          await connection.query(`DELETE FROM ${t.postmeta} WHERE post_id IN (?)`, [ids]);
          await connection.query(`DELETE FROM ${t.posts} WHERE post_parent = ? AND post_type = 'revision'`, [ref.id]);
          await connection.query(`DELETE FROM ${t.posts} WHERE ID = ?`, [ref.id]);
        }
        return { status: 'deleted' as const };
      });
    },
  };
}

/** The fields to store: those the rewrite gives, over the current ones; a field the item does not have cannot be stored. */
function writtenFields(current: ForumPost, next: PostRewrite): Record<string, string> {
  const fields = { ...(current.fields ?? {}) };
  for (const [name, value] of Object.entries(next.fields ?? {})) {
    if (!(name in fields)) throw new Error(`item ${current.id} has no field ${name}`);
    fields[name] = value;
  }
  return fields;
}

/**
 * The search prefilter over some columns: searchPattern's LIKE patterns, compared under a case- and
 * accent-insensitive collation (the text converted first, so that a latin1 table is searched the same way).
 */
function searchCondition(needles: string[]) {
  return (columns: string[]) => {
    const tests = columns.flatMap((column) => needles.map(() => `CONVERT(${column} USING utf8mb4) COLLATE utf8mb4_unicode_ci LIKE ?`));
    return { sql: `(${tests.join(' OR ')})`, values: columns.flatMap(() => needles) };
  };
}
