// Reads WordPress rows as forum items. A post (post, page, bbPress topic or reply) is its post_content, with
// its title and excerpt as fields; WordPress renders at display time, so there is no rendered copy to keep.
// Its revisions are the wp_posts rows of post_type 'revision' whose post_parent is the post: WordPress keeps a
// whole copy per save, so a Revision's `after` is that copy and its `before` the previous copy ('' for the
// first), and each revision's own title and excerpt are fields of the post named revision:<id>:title and
// revision:<id>:excerpt. A comment is its comment_content, with the commenter's name, email, URL and IP address
// as fields.
import mysql, { type Pool, type PoolConnection, type RowDataPacket } from 'mysql2/promise';
import { type ForumPost, type Revision, postContentHash } from '../port';
import { commentItemId } from './wordpressIds';
import type { WordpressMapping } from './wordpressMapping';

export type Queryable = Pool | PoolConnection;

/** The comment columns kept as fields, by field name. */
export const commentFields = {
  author: 'comment_author',
  author_email: 'comment_author_email',
  author_url: 'comment_author_url',
  author_ip: 'comment_author_IP',
} as const;

export const revisionField = (revisionId: string, name: 'title' | 'excerpt'): string => `revision:${revisionId}:${name}`;

/** Quoted table names and the public post types, built once from the mapping. */
export function wordpressTables(mapping: WordpressMapping) {
  return {
    posts: mysql.escapeId(`${mapping.prefix}posts`),
    postmeta: mysql.escapeId(`${mapping.prefix}postmeta`),
    comments: mysql.escapeId(`${mapping.prefix}comments`),
    commentmeta: mysql.escapeId(`${mapping.prefix}commentmeta`),
    postTypes: mapping.postTypes,
  };
}
export type WordpressTables = ReturnType<typeof wordpressTables>;

/**
 * A row's time in UTC as ISO text. WordPress leaves the _gmt column zero on drafts; the local column is then the
 * best there is, read as UTC.
 */
function isoTime(gmt: string, local: string): string {
  return `DATE_FORMAT(IF(${gmt} > '1000-01-01', ${gmt}, ${local}), '%Y-%m-%dT%H:%i:%sZ')`;
}

function dateOf(iso: unknown): Date {
  const ms = Date.parse(String(iso));
  return new Date(Number.isNaN(ms) ? 0 : ms);
}

async function rows(db: Queryable, statement: string, values: unknown[]): Promise<RowDataPacket[]> {
  const [result] = await db.query<RowDataPacket[]>(statement, values);
  return result;
}

/** The posts matching `condition` (over alias p, with its values), in ID order, with their revisions. */
export async function loadPosts(db: Queryable, t: WordpressTables, condition: string, values: unknown[]): Promise<ForumPost[]> {
  const postRows = await rows(
    db,
    `SELECT CAST(p.ID AS CHAR) AS id, CAST(p.post_author AS CHAR) AS author, p.post_content AS body,
            p.post_title AS title, p.post_excerpt AS excerpt, ${isoTime('p.post_date_gmt', 'p.post_date')} AS created
     FROM ${t.posts} AS p WHERE p.post_type IN (?) AND (${condition}) ORDER BY p.ID`,
    [t.postTypes, ...values],
  );
  if (postRows.length === 0) return [];
  const revisions = await loadRevisions(db, t, postRows.map((row) => String(row.id)));
  return postRows.map((row) => {
    const id = String(row.id);
    const own = revisions.get(id) ?? [];
    const fields: Record<string, string> = { title: String(row.title), excerpt: String(row.excerpt) };
    for (const revision of own) {
      fields[revisionField(revision.id, 'title')] = revision.title;
      fields[revisionField(revision.id, 'excerpt')] = revision.excerpt;
    }
    const post = {
      id,
      author: String(row.author),
      body: String(row.body),
      renderedBody: '',
      createdAt: dateOf(row.created),
      revisions: own.map(({ title: _t, excerpt: _e, ...revision }) => revision),
      fields,
    };
    return { ...post, contentHash: postContentHash(post) };
  });
}

type StoredRevision = Revision & { title: string; excerpt: string };

async function loadRevisions(db: Queryable, t: WordpressTables, postIds: string[]): Promise<Map<string, StoredRevision[]>> {
  const created = isoTime('r.post_date_gmt', 'r.post_date');
  // Ordered as postContentHash orders them (time, then numeric id), so that each `before` is the copy hashed before it.
  const revisionRows = await rows(
    db,
    `SELECT CAST(r.ID AS CHAR) AS id, CAST(r.post_parent AS CHAR) AS post_id, r.post_content AS content,
            r.post_title AS title, r.post_excerpt AS excerpt, ${created} AS created
     FROM ${t.posts} AS r WHERE r.post_type = 'revision' AND r.post_parent IN (?)
     ORDER BY r.post_parent, created, r.ID`,
    [postIds],
  );
  const byPost = new Map<string, StoredRevision[]>();
  for (const row of revisionRows) {
    const postId = String(row.post_id);
    const list = byPost.get(postId) ?? [];
    list.push({
      id: String(row.id),
      before: list.at(-1)?.after ?? '',
      after: String(row.content),
      createdAt: dateOf(row.created),
      title: String(row.title),
      excerpt: String(row.excerpt),
    });
    byPost.set(postId, list);
  }
  return byPost;
}

/** The comments matching `condition` (over alias c, with its values), in comment_ID order. */
export async function loadComments(db: Queryable, t: WordpressTables, condition: string, values: unknown[]): Promise<ForumPost[]> {
  const commentRows = await rows(
    db,
    `SELECT CAST(c.comment_ID AS CHAR) AS id, c.comment_content AS body,
            ${Object.entries(commentFields).map(([name, column]) => `c.${column} AS ${name}`).join(', ')},
            ${isoTime('c.comment_date_gmt', 'c.comment_date')} AS created
     FROM ${t.comments} AS c WHERE ${condition} ORDER BY c.comment_ID`,
    values,
  );
  return commentRows.map((row) => {
    const fields = Object.fromEntries(Object.keys(commentFields).map((name) => [name, String(row[name] ?? '')]));
    const comment = {
      id: commentItemId(String(row.id)),
      author: fields.author ?? '',
      body: String(row.body),
      renderedBody: '',
      createdAt: dateOf(row.created),
      revisions: [],
      fields,
    };
    return { ...comment, contentHash: postContentHash(comment) };
  });
}
