// Locate: read each post a request names, find what should go in its body, fields ('field:<name>') and
// revisions, store the findings (offsets, type and a hash of the text, never the text) with the hash of the post
// as reviewed, and send the request to review.
import type { ForumStore } from '../forum/port';
import { detectPii } from '../pii/detect';
import type { EventDeps } from '../store/requestEvents';
import { applyEvent } from '../store/requestEvents';
import { addSearchedPost, type FindingRow, removeSearchedPost, getRequest, postsOf, privateTextOf, recordSearchProgress, replaceFindings, requesterOf, updatePost } from '../store/requestRecords';
import type { SecretBox } from '../store/secretBox';
import type { RedactableType, RequesterIdentifiers, Span } from '../pii/types';
import { searchWholeForum } from './forumSearch';
import { authorFieldSpans } from './authorFields';
import { sha256, textsOf } from './postRewrite';
import { findPassages } from './quotedPassages';
import { isPostDone } from './deletePosts';

export interface LocateDeps extends EventDeps {
  forum: ForumStore;
  box: SecretBox;
}

type NewFinding = Omit<FindingRow, 'requestId' | 'postId' | 'approved'>;

export async function locateFindings(deps: LocateDeps, requestId: string): Promise<void> {
  const request = await getRequest(deps.db, requestId);
  // Gone, or already past this step: running the job again changes nothing.
  if (!request || request.state !== 'verified') return;
  const { identifiers } = await requesterOf(deps.db, deps.box, requestId);
  const { quotes } = privateTextOf(deps.box, request);
  const located: { rowId: string; postId: string; hash: string | null; findings: NewFinding[]; found?: boolean }[] = [];
  const named = await postsOf(deps.db, requestId);
  const dropped: typeof named = [];
  for (const row of named) {
    if (row.source !== 'named') continue;
    if (isPostDone(row.status)) continue;
    const post = await deps.forum.getPost(row.postId);
    if (!post) {
      located.push({ rowId: row.id, postId: row.postId, hash: null, findings: [] });
      continue;
    }
    const texts = textsOf(post);
    const found = new Map(texts.map(({ location, text }) => [location, spansIn(text, request.scope, identifiers, quotes)]));
    // Whole author columns replace what was found in them: mergeSpans keeps one span per stretch of text.
    for (const [location, spans] of authorFieldSpans(post.fields, found)) found.set(location, spans);
    const findings = texts.flatMap(({ location, text }) => (found.get(location) ?? []).map((span) => findingOf(deps, location, text, span)));
    located.push({ rowId: row.id, postId: row.postId, hash: post.contentHash, findings });
  }
  if (request.searchForum) {
    const earlier = new Map(named.filter((row) => row.source === 'search').map((row) => [row.postId, row]));
    const skip = new Set(named.filter((row) => row.source === 'named' || isPostDone(row.status)).map((row) => row.postId));
    const progress = (scanned: number, total: number) => recordSearchProgress(deps.db, requestId, scanned, total);
    await progress(0, 0);
    for await (const hit of searchWholeForum(deps.forum, identifiers, skip, progress)) {
      const findings = hit.spans.map(({ location, text, span }) => findingOf(deps, location, text, span));
      located.push({ rowId: earlier.get(hit.post.id)?.id ?? deps.ids.next(), postId: hit.post.id, hash: hit.post.contentHash, findings, found: !earlier.has(hit.post.id) });
      earlier.delete(hit.post.id);
    }
    // Found by an earlier search but not this one (edited since): no longer part of the request.
    for (const row of earlier.values()) if (!isPostDone(row.status)) dropped.push(row);
  }
  const now = deps.clock.now();
  await applyEvent(deps, {
    requestId,
    event: 'located',
    actor: { kind: 'system' },
    audit: { posts: located.length, notFound: located.filter((p) => !p.hash).length, findings: located.reduce((n, p) => n + p.findings.length, 0) },
    within: async (tx) => {
      for (const row of dropped) await removeSearchedPost(tx, requestId, row.id, row.postId);
      for (const post of located) {
        if (post.found) await addSearchedPost(tx, { id: post.rowId, requestId, postId: post.postId });
        await updatePost(tx, post.rowId, post.hash ? { status: 'located', reviewedHash: post.hash, redactedHash: null, locatedAt: now } : { status: 'not_found', locatedAt: now });
        await replaceFindings(tx, requestId, post.postId, post.findings);
      }
    },
  });
}

function findingOf(deps: LocateDeps, location: string, text: string, span: Omit<Span, 'type'> & { type: RedactableType }): NewFinding {
  return {
    id: deps.ids.next(),
    location,
    start: span.start,
    end: span.end,
    type: span.type,
    owner: span.owner,
    score: span.score,
    textHash: sha256(text.slice(span.start, span.end)),
  };
}

/** "All my personal information" looks for everything; "the passages I quote" only for those passages. */
function spansIn(text: string, scope: string, identifiers: RequesterIdentifiers, quotes: string[]) {
  if (scope === 'quoted') return findPassages(text, quotes).map((p) => ({ ...p, type: 'passage' as const, owner: 'requester' as const, score: 1 }));
  return detectPii(text, identifiers);
}
