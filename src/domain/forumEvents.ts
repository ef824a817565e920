// What Erasure does with a webhook the forum sent, once it is recorded: a changed post sends the requests that
// reviewed it back to be located again and is checked against what was removed before; a deleted post is no longer
// found; a user's PII report opens a third-party request for moderators. Each event is handled once.
import type { ForumStore } from '../forum/port';
import {
  getForumEvent,
  insertReportedRequest,
  lockForumEvent,
  markForumEventHandled,
  markPostsGone,
  openRequestsWithPost,
  type ForumEventRow,
} from '../store/forumEventRecords';
import { appendAudit } from '../store/auditTrail';
import { applyEvent, type EventDeps } from '../store/requestEvents';
import type { SecretBox } from '../store/secretBox';
import { dueAtFrom } from './deadlines';
import { InvalidTransition } from './errors';
import type { PiiReport } from './forumEventPayloads';
import type { RequestState } from './lifecycle';

/**
 * Checks a new or edited post against the keyed hashes of identifiers removed earlier, and answers what it did in a
 * word ('no_match', 'redacted', 'review_opened', …). Implemented by the removed-identifier check.
 */
export type RecheckPost = (postId: string) => Promise<string>;

export interface ForumEventDeps extends EventDeps {
  forum: ForumStore;
  box: SecretBox;
  recheckPost: RecheckPost;
  reviewDeadlineDays: number;
}

/** The payload of a pii.reported event as sealed in forum_events.details_box. */
export type SealedReport = Pick<PiiReport, 'reporter' | 'note' | 'types'>;

/** States in which a decision is still to be taken on what was located: a changed post must be located again. */
const reviewStates: readonly RequestState[] = ['awaiting_review', 'awaiting_second_approval'];

export async function handleForumEvent(deps: ForumEventDeps, eventId: string): Promise<void> {
  const event = await getForumEvent(deps.db, eventId);
  // Gone, or handled by an earlier run: nothing to do.
  if (!event || event.handledAt) return;
  switch (event.type) {
    case 'post.created':
    case 'post.edited':
      return finish(deps, event, await postChanged(deps, event));
    case 'post.deleted':
      return postDeleted(deps, event);
    case 'user.deleted':
      // The forum reports what happens to the user's posts as events of their own (post.deleted when it removes
      // them, post.edited when it anonymises them), and those act on the requests: here there is nothing to decide.
      return finish(deps, event, 'recorded');
    case 'pii.reported':
      return piiReported(deps, event);
    default:
      return finish(deps, event, 'unknown_type');
  }
}

async function finish(deps: ForumEventDeps, event: ForumEventRow, outcome: string): Promise<void> {
  await markForumEventHandled(deps.db, event.id, outcome, deps.clock.now());
}

/** Requests waiting for a decision on this post, as it was reviewed, go back to locate; then the removed-identifier check. */
async function postChanged(deps: ForumEventDeps, event: ForumEventRow): Promise<string> {
  const postId = event.postId as string;
  const post = await deps.forum.getPost(postId);
  let relocated = 0;
  for (const row of await openRequestsWithPost(deps.db, postId)) {
    if (!reviewStates.includes(row.state as RequestState) || row.status !== 'located') continue;
    if (post && row.reviewedHash === post.contentHash) continue;
    try {
      await applyEvent(deps, {
        requestId: row.requestId,
        event: 'post_changed',
        actor: { kind: 'system' },
        audit: { postId, forumEvent: event.id },
        // A first approval was given on findings that are about to be replaced.
        changes: { firstApprover: null, firstApprovedAt: null },
      });
      relocated += 1;
    } catch (error) {
      // A moderator decided meanwhile: the redaction worker checks the hash again before it writes.
      if (!(error instanceof InvalidTransition)) throw error;
    }
  }
  const checked = await deps.recheckPost(postId);
  return relocated > 0 ? `relocated:${relocated};${checked}` : checked;
}

/** Open requests no longer find the post; each gets an audit entry saying the forum deleted it. */
async function postDeleted(deps: ForumEventDeps, event: ForumEventRow): Promise<void> {
  const postId = event.postId as string;
  await deps.db.transaction(async (tx) => {
    const locked = await lockForumEvent(tx, event.id);
    if (!locked || locked.handledAt) return;
    const now = deps.clock.now();
    const rows = (await openRequestsWithPost(tx, postId)).filter((row) => row.status === 'pending' || row.status === 'located');
    await markPostsGone(tx, rows.map((row) => row.rowId), now);
    for (const row of rows) {
      await appendAudit(tx, { stream: row.requestId, actor: 'forum', action: 'post_deleted', data: { postId, forumEvent: event.id } }, now, deps.ids.next());
    }
    await markForumEventHandled(tx, event.id, rows.length > 0 ? `not_found:${rows.length}` : 'no_request', now);
  });
}

/** Opens a third-party request for review of the reported post, unless one is already open for it. */
async function piiReported(deps: ForumEventDeps, event: ForumEventRow): Promise<void> {
  const postId = event.postId as string;
  const report: SealedReport = event.detailsBox ? (JSON.parse(deps.box.open(event.detailsBox)) as SealedReport) : {};
  const exists = (await deps.forum.existingPostIds([postId])).has(postId);
  let opened = false;
  await deps.db.transaction(async (tx) => {
    const locked = await lockForumEvent(tx, event.id);
    if (!locked || locked.handledAt) return;
    const now = deps.clock.now();
    if (!exists) return markForumEventHandled(tx, event.id, 'post_not_found', now);
    const open = (await openRequestsWithPost(tx, postId)).find((row) => row.relationship === 'third_party');
    if (open) {
      // Several users flag the same post: one request for moderators, with every report in its trail.
      await appendAudit(tx, { stream: open.requestId, actor: 'forum', action: 'reported_again', data: { postId, forumEvent: event.id, types: report.types } }, now, deps.ids.next());
      return markForumEventHandled(tx, event.id, 'already_under_review', now);
    }
    await insertReportedRequest(
      tx,
      deps,
      {
        postId,
        lang: report.reporter?.lang ?? 'en',
        reporter: { email: report.reporter?.email, name: report.reporter?.name },
        note: report.note,
        audit: { forumEvent: event.id, types: report.types },
        dueAt: dueAtFrom(now, deps.reviewDeadlineDays),
      },
      now,
    );
    opened = true;
    await markForumEventHandled(tx, event.id, 'review_opened', now);
  });
  if (opened) deps.outboxWritten?.();
}
