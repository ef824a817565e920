// Quotes of removed text: when a passage leaves a post, every quote of it in other posts goes too — in their
// body, rendered body and revisions — but only inside quote blocks: the rest of those posts was never reviewed.
import type { ForumPost, PostRewrite } from '../forum/port';
import { postContentHash } from '../forum/port';
import { escapeHtml, redactSpans } from '../pii/redaction';
import type { RedactableType } from '../pii/types';
import { findingsOf, postsOf } from '../store/requestRecords';
import { confirmQuoteRewrites, forgetQuoteRewrite, quoteSource, recordQuoteRewrite, unfinishedQuoteRewrites } from '../store/quotingPosts';
import type { RedactDeps } from './applyRedactions';
import { RedactionIncomplete } from './applyRedactions';
import { type Range, htmlQuoteRanges, sourceQuoteRanges } from './quoteBlocks';
import { findPassages } from './quotedPassages';
import { rewritePost, type Target } from './postRewrite';

/**
 * The passages a request's approved findings name, read from its posts that are still as reviewed — before they
 * are rewritten, since findings keep only offsets and a hash. A post already rewritten gives nothing: its quotes
 * were handled by the run that rewrote it.
 */
export async function approvedPassages(deps: RedactDeps, requestId: string): Promise<Target[]> {
  const approved = (await findingsOf(deps.db, requestId)).filter((f) => f.approved);
  const passages = new Map<string, Target>();
  for (const row of await postsOf(deps.db, requestId)) {
    const findings = approved.filter((f) => f.postId === row.postId).map((f) => ({ ...f, type: f.type as RedactableType }));
    // A post deleted whole has had its quotes taken out line by line already (removeQuotesOfDeletedPost).
    if (row.status !== 'located' || row.source === quoteSource || row.action === 'delete' || findings.length === 0) continue;
    const post = await deps.forum.getPost(row.postId);
    if (!post || post.contentHash !== row.reviewedHash) continue;
    for (const target of rewritePost(post, findings).targets) passages.set(target.text, target);
  }
  return [...passages.values()];
}

/** Removes the quotes of the request's approved passages from other posts; see approvedPassages for when to call. */
export async function redactQuotesOfApproved(deps: RedactDeps, requestId: string): Promise<number> {
  return redactQuotesOf(deps, requestId, await approvedPassages(deps, requestId));
}

/**
 * Rewrites every other post that quotes one of the passages, inside its quote blocks only, and records it as a
 * 'quote' row of the request. Returns how many posts this run rewrote. Safe to run again: a post whose quotes
 * are gone is not found again, and a rewrite recorded but not confirmed is recognised by its hash.
 */
export async function redactQuotesOf(deps: RedactDeps, requestId: string, passages: Target[]): Promise<number> {
  const done: string[] = [];
  for (const row of await unfinishedQuoteRewrites(deps.db, requestId)) {
    const post = await deps.forum.getPost(row.postId);
    if (post && post.contentHash === row.redactedHash) done.push(row.postId);
    // Not written, or changed since: the search below finds it again if it still quotes a passage.
    else await forgetQuoteRewrite(deps.db, requestId, row.postId);
  }
  const own = new Set((await postsOf(deps.db, requestId)).filter((r) => r.source !== quoteSource).map((r) => r.postId));
  const targets = passages.filter((p) => p.text.trim() !== '');
  if (targets.length > 0) {
    for await (const post of deps.forum.findPostsContaining(targets.map((t) => t.text))) {
      // The request's own posts are rewritten from their reviewed findings, not here.
      if (own.has(post.id) || done.includes(post.id)) continue;
      const rewrite = quoteRewrite(post, targets);
      if (!rewrite) continue;
      const createdAt = new Map(post.revisions.map((r) => [r.id, r.createdAt]));
      const expectedHash = postContentHash({ ...rewrite, revisions: rewrite.revisions.map((r) => ({ ...r, createdAt: createdAt.get(r.id) as Date })) });
      await recordQuoteRewrite(deps.db, { id: deps.ids.next(), requestId, postId: post.id, reviewedHash: post.contentHash, redactedHash: expectedHash });
      const result = await deps.forum.applyRewrite(post.id, post.contentHash, () => rewrite);
      if (result.status === 'changed') throw new RedactionIncomplete(`post ${post.id} changed while its quotes were being rewritten`);
      if (result.status === 'not_found') {
        await forgetQuoteRewrite(deps.db, requestId, post.id);
        continue;
      }
      const reread = await deps.forum.getPost(post.id);
      if (reread && quoteRewrite(reread, targets)) throw new RedactionIncomplete(`post ${post.id} still quotes a removed passage after rewriting`);
      done.push(post.id);
    }
  }
  await confirmQuoteRewrites(deps, requestId, done, deps.clock.now(), deps.ids.next());
  return done.length;
}

/** The post with every passage inside its quote blocks replaced by its placeholder, or null when none is there. */
export function quoteRewrite(post: ForumPost, targets: Target[]): PostRewrite | null {
  const source = (text: string) => redactInside(text, sourceQuoteRanges(text), targets, false);
  const rewrite: PostRewrite = {
    body: source(post.body),
    renderedBody: redactInside(post.renderedBody, htmlQuoteRanges(post.renderedBody), targets, true),
    revisions: post.revisions.map((r) => ({ id: r.id, before: source(r.before), after: source(r.after) })),
    ...(post.fields ? { fields: post.fields } : {}),
  };
  const changed =
    rewrite.body !== post.body ||
    rewrite.renderedBody !== post.renderedBody ||
    rewrite.revisions.some((r, i) => r.before !== post.revisions[i]?.before || r.after !== post.revisions[i]?.after);
  return changed ? rewrite : null;
}

/** Replaces the passages found inside the ranges, longest passage first; what lies outside is left as it is. */
function redactInside(text: string, ranges: Range[], targets: Target[], html: boolean): string {
  if (ranges.length === 0) return text;
  const spans: { start: number; end: number; type: RedactableType }[] = [];
  const byLength = [...targets].sort((a, b) => b.text.length - a.text.length);
  for (const range of ranges) {
    const inside = text.slice(range.start, range.end);
    for (const target of byLength) {
      // A forum stores its rendered copy escaped: look for the passage as it was written and as HTML writes it.
      const forms = html ? [...new Set([target.text, escapeHtml(target.text), escapeHtml(target.text, '&#x27;')])] : [target.text];
      for (const found of findPassages(inside, forms, { html })) {
        const span = { start: range.start + found.start, end: range.start + found.end, type: target.type };
        if (!spans.some((s) => s.start < span.end && span.start < s.end)) spans.push(span);
      }
    }
  }
  return spans.length === 0 ? text : redactSpans(text, spans);
}
