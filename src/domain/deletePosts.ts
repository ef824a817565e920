// Delete instead of redact: a post of a child's request (under 13) that a moderator chose to delete goes whole,
// with its revisions, only if it is still the post reviewed; quotes of it in other posts are redacted first.
import type { ForumPost, ForumStore } from '../forum/port';
import { applyEvent, type EventDeps } from '../store/requestEvents';
import { type RequestPostRow, updatePost } from '../store/requestRecords';
import { markPostRedacted } from '../store/webhookDeliveries';

/** Redacts quotes of these passages in the forum's other posts; answers how many posts it rewrote. */
export type RedactQuotesOf = (requestId: string, passages: string[]) => Promise<number>;

export interface DeletePostDeps extends EventDeps {
  forum: ForumStore;
  /** Quote redaction, for the text of a post about to be deleted: its quotes elsewhere must go too. */
  redactQuotesOfDeleted: RedactQuotesOf;
}

export class PostDeletionIncomplete extends Error {}

/** A post already redacted or deleted by this request: locating again (after another post changed) leaves it be. */
export const isPostDone = (status: string): boolean => status === 'redacted' || status === 'deleted';

/**
 * Recorded in redacted_hash before deleting: on a retry, a post that is gone and carries this mark was deleted
 * by us (crash between the delete and recording it), not by someone else.
 */
const deletionMark = (reviewedHash: string | null) => `deleted:${reviewedHash ?? ''}`;

/** Every text of the post that another post may have quoted: its body as it is, and as it was. */
// A quote copies a line or a paragraph, seldom a whole post: each line of the post and its revisions is looked for.
// Lines under a few words would match too much elsewhere; the search ignores terms under 4 letters and digits anyway.
const passagesOf = (post: ForumPost): string[] =>
  [...new Set([post.body, ...post.revisions.flatMap((r) => [r.before, r.after])].flatMap((text) => text.split(/\r?\n/)).map((line) => line.trim()).filter((line) => line.length >= 12))];

/**
 * Takes out of other posts the quotes of one post to be deleted, line by line, while the post still holds its
 * text. applyRedactions calls it for every such post before anything else: the quotes of approved findings cut
 * spans out of the same quotes, after which the lines would no longer match.
 */
export async function removeQuotesOfDeletedPost(deps: DeletePostDeps, requestId: string, row: RequestPostRow): Promise<void> {
  if (row.action !== 'delete' || row.status !== 'located') return;
  const post = await deps.forum.getPost(row.postId);
  if (post && post.contentHash === row.reviewedHash) await deps.redactQuotesOfDeleted(requestId, passagesOf(post));
}

/**
 * Deletes one post whose action is 'delete'. Answers 'back_to_review' when the post changed since the moderator
 * reviewed it (the request is located again, as for a rewrite), 'done' otherwise. Safe to run again at any point.
 */
export async function deleteApprovedPost(deps: DeletePostDeps, requestId: string, row: RequestPostRow): Promise<'done' | 'back_to_review'> {
  if (row.status !== 'located') return 'done';
  const post = await deps.forum.getPost(row.postId);
  if (!post) {
    const ours = row.redactedHash === deletionMark(row.reviewedHash);
    if (ours) await markPostRedacted(deps, row, deps.clock.now(), 'deleted');
    else await updatePost(deps.db, row.id, { status: 'not_found' });
    return 'done';
  }
  if (post.contentHash !== row.reviewedHash) {
    await applyEvent(deps, { requestId, event: 'post_changed', actor: { kind: 'system' }, audit: { postId: row.postId } });
    return 'back_to_review';
  }
  await updatePost(deps.db, row.id, { redactedHash: deletionMark(row.reviewedHash) });
  const result = await deps.forum.deletePost(row.postId, post.contentHash);
  if (result.status === 'changed') throw new PostDeletionIncomplete(`post ${row.postId} changed while it was being deleted`);
  if (result.status === 'not_found') {
    await updatePost(deps.db, row.id, { status: 'not_found' });
    return 'done';
  }
  if (await deps.forum.getPost(row.postId)) throw new PostDeletionIncomplete(`post ${row.postId} is still in the forum after deleting it`);
  await markPostRedacted(deps, row, deps.clock.now(), 'deleted');
  return 'done';
}
