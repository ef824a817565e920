// Other people's posts that quoted what a request removed, kept as request_posts rows with source 'quote':
// recorded before the rewrite (its expected hash) so a retry recognises its own write, then marked redacted.
import { and, eq } from 'drizzle-orm';
import { appendAudit } from './auditTrail';
import type { Db, Tx } from './database';
import type { EventDeps } from './requestEvents';
import { quoteSource, requestPosts } from './schema';
import { tellForumPostChanged } from './webhookDeliveries';

export { quoteSource } from './schema';

/** About to rewrite a quoting post: remember the hash it had and the one it will have. */
export async function recordQuoteRewrite(db: Tx, row: { id: string; requestId: string; postId: string; reviewedHash: string; redactedHash: string }): Promise<void> {
  await db
    .insert(requestPosts)
    .values({ ...row, source: quoteSource, status: 'located' })
    .onConflictDoUpdate({
      target: [requestPosts.requestId, requestPosts.postId],
      set: { reviewedHash: row.reviewedHash, redactedHash: row.redactedHash, status: 'located' },
      // Never turns a post the request names (or found by search) into a quote row.
      where: eq(requestPosts.source, quoteSource),
    });
}

/** Quote rows whose rewrite was recorded but not confirmed: a run that stopped between the two. */
export async function unfinishedQuoteRewrites(db: Tx, requestId: string) {
  return db
    .select()
    .from(requestPosts)
    .where(and(eq(requestPosts.requestId, requestId), eq(requestPosts.source, quoteSource), eq(requestPosts.status, 'located')));
}

export async function forgetQuoteRewrite(db: Tx, requestId: string, postId: string): Promise<void> {
  await db.delete(requestPosts).where(and(eq(requestPosts.requestId, requestId), eq(requestPosts.postId, postId), eq(requestPosts.source, quoteSource)));
}

/** The rewrite happened and was verified; with the audit entry that counts this run's rewrites. */
export async function confirmQuoteRewrites(deps: EventDeps, requestId: string, postIds: string[], at: Date, auditId: string): Promise<void> {
  if (postIds.length === 0) return;
  await deps.db.transaction(async (tx) => {
    for (const postId of postIds) {
      await tx
        .update(requestPosts)
        .set({ status: 'redacted', redactedAt: at })
        .where(and(eq(requestPosts.requestId, requestId), eq(requestPosts.postId, postId), eq(requestPosts.source, quoteSource)));
      // The forum purges its caches of the quoting post too.
      await tellForumPostChanged(deps, tx, { requestId, postId }, 'quote_redacted', at);
    }
    await appendAudit(tx, { stream: requestId, actor: 'system', action: 'quotes_redacted', data: { posts: postIds.length } }, at, auditId);
  });
  if (deps.sendsForumWebhooks) deps.outboxWritten?.();
}
