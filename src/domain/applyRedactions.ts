// Redact: rewrite each approved post, but only if it is still the post the moderator reviewed; re-read it to
// verify that nothing approved is left; then complete the request. Safe to run again at any point.
import type { ForumStore } from '../forum/port';
import { postContentHash } from '../forum/port';
import type { EventDeps } from '../store/requestEvents';
import { applyEvent } from '../store/requestEvents';
import { findingsOf, getRequest, postsOf, updatePost } from '../store/requestRecords';
import type { RedactableType } from '../pii/types';
import { leftoverTargets, rewritePost } from './postRewrite';
import { deleteApprovedPost, type DeletePostDeps } from './deletePosts';

export interface RedactDeps extends EventDeps, DeletePostDeps {
  forum: ForumStore;
}

export class RedactionIncomplete extends Error {}

export async function applyRedactions(deps: RedactDeps, requestId: string): Promise<void> {
  const request = await getRequest(deps.db, requestId);
  if (!request || request.state !== 'redacting') return;
  const approved = (await findingsOf(deps.db, requestId)).filter((f) => f.approved);
  for (const row of await postsOf(deps.db, requestId)) {
    if (row.action === 'delete') { if ((await deleteApprovedPost(deps, requestId, row)) === 'back_to_review') return; continue; } // a child's post, deleted whole
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
        await updatePost(deps.db, row.id, { status: 'redacted', redactedAt: deps.clock.now() });
        continue;
      }
      await applyEvent(deps, { requestId, event: 'post_changed', actor: { kind: 'system' }, audit: { postId: row.postId } });
      return;
    }
    const { rewrite, targets } = rewritePost(post, findings);
    const createdAt = new Map(post.revisions.map((r) => [r.id, r.createdAt]));
    const expectedHash = postContentHash({ ...rewrite, revisions: rewrite.revisions.map((r) => ({ ...r, createdAt: createdAt.get(r.id) as Date })) });
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
    await updatePost(deps.db, row.id, { status: 'redacted', redactedAt: deps.clock.now() });
  }
  await applyEvent(deps, { requestId, event: 'redacted', actor: { kind: 'system' }, audit: { findings: approved.length } });
}
