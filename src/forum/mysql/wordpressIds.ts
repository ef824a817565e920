// How Erasure names a WordPress item: a post (post, page, bbPress topic or reply) by its wp_posts ID, as
// WordPress shows it in ?p=123, and a comment as comment-<comment_ID>, so that the two id spaces never meet.
// Anything else names no item: the connector answers "not found" without asking the server.

export type ItemRef = { kind: 'post'; id: string } | { kind: 'comment'; id: string };

/** wp_posts.ID and wp_comments.comment_ID are bigint unsigned. */
const bigintUnsignedMax = 18446744073709551615n;
const itemId = /^(comment-)?([1-9][0-9]{0,19})$/;

export function parseItemId(id: string): ItemRef | null {
  const match = itemId.exec(id);
  if (!match?.[2] || BigInt(match[2]) > bigintUnsignedMax) return null;
  return { kind: match[1] ? 'comment' : 'post', id: match[2] };
}

export const commentItemId = (commentId: string): string => `comment-${commentId}`;
