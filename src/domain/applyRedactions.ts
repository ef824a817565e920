// Redact: rewrite each approved post, but only if it is still the post the moderator reviewed; re-read it to
// verify that nothing approved is left; then complete the request. Safe to run again at any point.
import type { ForumStore } from '../forum/port';
import { postContentHash } from '../forum/port';
import type { EventDeps } from '../store/requestEvents';
import { applyEvent } from '../store/requestEvents';
import { findingsOf, getRequest, postsOf, updatePost } from '../store/requestRecords';
import { markPostRedacted } from '../store/webhookDeliveries';
import type { RedactableType } from '../pii/types';
import { leftoverTargets, rewritePost } from './postRewrite';
import type { SecretBox } from '../store/secretBox';
import { keepFindingFingerprints, keepRequesterFingerprints } from './removedIdentifiers';
import { redactQuotesOfApproved } from './quoteRedaction';
import { deleteApprovedPost, type DeletePostDeps, removeQuotesOfDeletedPost } from './deletePosts';

export interface RedactDeps extends EventDeps, DeletePostDeps {
  forum: ForumStore;
  box: SecretBox;
}

export class RedactionIncomplete extends Error {}

export async function applyRedactions(deps: RedactDeps, requestId: string): Promise<void> {
  const request = await getRequest(deps.db, requestId);
  if (!request || request.state !== 'redacting') return;
  const approved = (await findingsOf(deps.db, requestId)).filter((f) => f.approved);
  // Quotes first: once a post is rewritten or deleted its text is gone, and a retry could no longer find its quotes.
  // Whole lines of posts to delete go before the approved spans, which would cut those lines apart.
  const posts = await postsOf(deps.db, requestId);
  for (const row of posts) await removeQuotesOfDeletedPost(deps, requestId, row);
  await redactQuotesOfApproved(deps, requestId);
  for (const row of posts) {
    if (row.action === 'delete') {
      // A child's post, deleted whole rather than redacted.
      if ((await deleteApprovedPost(deps, requestId, row)) === 'back_to_review') return;
      continue;
    }
    const findings = approved.filter((f) => f.postId === row.postId).map((f) => ({ ...f, type: f.type as RedactableType }));
    if (row.status !== 'located' || findings.length === 0) continue;
    const post = await deps.forum.getPost(row.postId);
    if (!post) {
      await updatePost(deps.db, row.id, { status: 'not_found' });
      continue;
    }
    if (post.contentHash !== row.reviewedHash) {
      // Our own earlier run may have rewritten it before it could record so.
      if (post.contentHash === row.redactedHash) {
        await markPostRedacted(deps, row, deps.clock.now());
        continue;
      }
      await applyEvent(deps, { requestId, event: 'post_changed', actor: { kind: 'system' }, audit: { postId: row.postId } });
      return;
    }
    const { rewrite, targets } = rewritePost(post, findings);
    const createdAt = new Map(post.revisions.map((r) => [r.id, r.createdAt]));
    const expectedHash = postContentHash({ ...rewrite, revisions: rewrite.revisions.map((r) => ({ ...r, createdAt: createdAt.get(r.id) as Date })) });
    // With consent, identity/card/IBAN fingerprints are taken now: after the rewrite the post no longer holds the text.
    await keepFindingFingerprints(deps, request, post, findings);
    // Recorded before writing, so a crash between the write and the next line is recognised on the retry.
    await updatePost(deps.db, row.id, { redactedHash: expectedHash });
    const result = await deps.forum.applyRewrite(row.postId, post.contentHash, () => rewrite);
    if (result.status === 'changed') throw new RedactionIncomplete(`post ${row.postId} changed while it was being rewritten`);
    if (result.status === 'not_found') {
      await updatePost(deps.db, row.id, { status: 'not_found' });
      continue;
    }
    const reread = await deps.forum.getPost(row.postId);
    const left = reread ? leftoverTargets(reread, targets) : [];
    if (left.length > 0) throw new RedactionIncomplete(`post ${row.postId} still holds ${left.length} approved finding(s) after rewriting`);
    await markPostRedacted(deps, row, deps.clock.now());
  }
  await applyEvent(deps, { requestId, event: 'redacted', actor: { kind: 'system' }, audit: { findings: approved.length }, within: (tx) => keepRequesterFingerprints(deps, tx, request) });
}
