// The forum storage port: what Erasure needs from any forum's storage, whatever its connector.
// A post is read with its revisions, and rewritten only if it still has the content the moderator reviewed.
import { createHash } from 'node:crypto';

export interface Revision {
  id: string;
  before: string;
  after: string;
  createdAt: Date;
}

export interface ForumPost {
  id: string;
  author: string;
  body: string;
  renderedBody: string;
  createdAt: Date;
  revisions: Revision[];
  /**
   * Other text columns that belong to the post and are redacted with it, by name: a WordPress title and excerpt,
   * a comment's author name, email, URL and IP address. Absent or empty when the forum keeps none.
   */
  fields?: Record<string, string>;
  contentHash: string;
}

export interface PostRewrite {
  body: string;
  renderedBody: string;
  revisions: { id: string; before: string; after: string }[];
  /** The post's fields after the rewrite; every field the post has, changed or not. */
  fields?: Record<string, string>;
}

export type RewriteResult =
  | { status: 'applied'; contentHash: string } // contentHash of the post after the rewrite
  | { status: 'changed'; contentHash: string } // the post's current hash is not the expected one: nothing written
  | { status: 'not_found' };

export type DeleteResult =
  | { status: 'deleted' }
  | { status: 'changed'; contentHash: string } // the post's current hash is not the expected one: nothing deleted
  | { status: 'not_found' };

export interface ForumStore {
  getPost(id: string): Promise<ForumPost | null>;
  existingPostIds(ids: string[]): Promise<Set<string>>;
  /**
   * Posts whose body or any revision may contain any term, however it is written (searchPattern.ts: case, accents,
   * spacing and punctuation aside; a wide prefilter, for the detector to confirm; terms with fewer than 4 letters
   * and digits are ignored). Walks the forum in chunks
   * of pageSize posts, never all in memory, and reports posts scanned of total after each chunk.
   */
  findPostsContaining(
    terms: string[],
    options?: { pageSize?: number; onProgress?: (scanned: number, total: number) => void | Promise<void> },
  ): AsyncIterable<ForumPost>;
  /** In ONE transaction: lock the post (SELECT … FOR UPDATE), re-read it with its revisions, compare postContentHash with expectedHash; if equal, call rewrite(post) and write body, rendered body and every revision it returns; return the new hash. */
  applyRewrite(postId: string, expectedHash: string, rewrite: (post: ForumPost) => PostRewrite): Promise<RewriteResult>;
  /** In ONE transaction: lock the post, compare postContentHash with expectedHash; if equal, delete its revisions and the post. */
  deletePost(postId: string, expectedHash: string): Promise<DeleteResult>;
}

/**
 * SHA-256 hex over a canonical JSON of body, renderedBody and revisions (id, before, after, in id/created order),
 * and of the fields by name when the post has any (a post without fields hashes as it always did).
 */
export function postContentHash(post: Pick<ForumPost, 'body' | 'renderedBody' | 'revisions' | 'fields'>): string {
  // Sorted here rather than trusted from the caller, so that the hash never depends on how a connector ordered them.
  const revisions = [...post.revisions]
    .sort(compareRevisions)
    .map((r) => ({ id: r.id, before: r.before, after: r.after }));
  const fieldNames = Object.keys(post.fields ?? {}).sort();
  const fields = fieldNames.length === 0 ? undefined : fieldNames.map((name) => [name, post.fields?.[name] ?? '']);
  const canonical = JSON.stringify({ body: post.body, renderedBody: post.renderedBody, revisions, ...(fields ? { fields } : {}) });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

function compareRevisions(a: Revision, b: Revision): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || compareIds(a.id, b.id);
}

/** Numeric ids compare as numbers ("9" before "10"), others as strings. */
function compareIds(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
