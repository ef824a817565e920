// One way to read a request for review, for the moderation API and the console alike: the request, what the
// requester told us, and each post as it is now with the findings located in it and the texts they point into.
import { ForumUnavailable } from '../forum/forumAvailability';
import type { ForumStore } from '../forum/port';
import type { Db } from '../store/database';
import { findingsOf, getRequest, postsOf, privateTextOf, requesterOf } from '../store/requestRecords';
import type { SecretBox } from '../store/secretBox';
import type { RequesterIdentifiers } from '../pii/types';
import { RequestNotFound } from './errors';
import type { RequestState } from './lifecycle';
import { postUrl } from './postReference';
import { textsOf } from './postRewrite';

export interface ReviewDeps {
  db: Db;
  box: SecretBox;
  forum: ForumStore;
  postUrlTemplate: string;
}

export interface ReviewFinding {
  id: string;
  location: string;
  start: number;
  end: number;
  type: string;
  owner: string;
  score: number;
  approved: boolean | null;
  /** The text the offsets cover, or null once the post changed since review. */
  text: string | null;
}

export interface ReviewPost {
  id: string;
  url: string;
  status: string;
  source: string;
  /** redact: the approved findings are rewritten; delete: the whole post goes (a child's request only). */
  action: string;
  changedSinceReview: boolean;
  /** The post's content hash is the one reviewed: offsets point into `texts`. */
  asReviewed: boolean;
  post: {
    author: string;
    createdAt: Date;
    body: string;
    revisions: { id: string; before: string; after: string; createdAt: Date }[];
    /** The post's named fields (title, commenter's email…), {} when the forum keeps none. */
    fields: Record<string, string>;
  } | null;
  /** The texts the findings' offsets point into, by location ('body', 'field:<name>', 'revision:<id>:before'…); empty once the post changed. */
  texts: { location: string; text: string }[];
  findings: ReviewFinding[];
}

export interface ReviewView {
  id: string;
  state: RequestState;
  createdAt: Date;
  dueAt: Date;
  lang: string;
  scope: string;
  relationship: string;
  /** A parent or guardian writes for a child under 13: urgent, and a moderator may delete whole posts. */
  childUnder13: boolean;
  /** email is null for a request opened from a forum user's report that left no address. */
  requester: { email: string | null } & RequesterIdentifiers;
  details: string | null;
  quotes: string[];
  question: string | null;
  answers: string[];
  refusal: { reason: string; message: string | null } | null;
  /** Four eyes: who gave the first approval ('moderator:<id>') and when, while a second one is awaited. */
  firstApproval: { by: string; at: Date | null } | null;
  /** Progress of the whole-forum search, when the requester asked for one. */
  search: { scanned: number; total: number } | null;
  /** Why the last try of locate or redact failed, when and after how many tries in a row; null once a try succeeds. */
  lastError: { message: string; at: Date | null; attempts: number } | null;
  /** False when the forum database could not be reached to show the posts: each post then has `post: null`. */
  forumReachable: boolean;
  posts: ReviewPost[];
}

export async function readReviewView(deps: ReviewDeps, id: string): Promise<ReviewView> {
  const request = await getRequest(deps.db, id);
  if (!request) throw new RequestNotFound();
  const { email, identifiers } = await requesterOf(deps.db, deps.box, id);
  const text = privateTextOf(deps.box, request);
  const findings = await findingsOf(deps.db, id);
  const posts: ReviewPost[] = [];
  let forumReachable = true;
  for (const row of await postsOf(deps.db, id)) {
    // The request is still shown while the forum is away, which is when moderators most need its last error.
    const post = forumReachable ? await deps.forum.getPost(row.postId).catch(unlessUnavailable) : null;
    if (post === undefined) forumReachable = false;
    // Offsets describe the post as reviewed: once it changed (edited, or redacted) they point elsewhere.
    const asReviewed = Boolean(post && post.contentHash === row.reviewedHash);
    const texts = post && asReviewed ? textsOf(post) : [];
    const textAt = new Map(texts.map((t) => [t.location, t.text]));
    posts.push({
      id: row.postId,
      url: postUrl(row.postId, deps.postUrlTemplate),
      status: row.status,
      source: row.source,
      action: row.action,
      changedSinceReview: Boolean(post && row.reviewedHash && !asReviewed && row.status === 'located'),
      asReviewed,
      post: post ? { author: post.author, createdAt: post.createdAt, body: post.body, revisions: post.revisions, fields: post.fields ?? {} } : null,
      texts,
      findings: findings
        .filter((f) => f.postId === row.postId)
        .map((f) => ({ id: f.id, location: f.location, start: f.start, end: f.end, type: f.type, owner: f.owner, score: f.score, approved: f.approved, text: textAt.get(f.location)?.slice(f.start, f.end) ?? null })),
    });
  }
  return {
    id,
    state: request.state as RequestState,
    createdAt: request.createdAt,
    dueAt: request.dueAt,
    lang: request.lang,
    scope: request.scope,
    relationship: request.relationship,
    childUnder13: request.childUnder13,
    requester: { email, ...identifiers },
    details: text.details ?? null,
    quotes: text.quotes,
    question: request.question,
    answers: text.answers,
    refusal: request.refusalReason ? { reason: request.refusalReason, message: request.refusalMessage } : null,
    firstApproval: request.firstApprover ? { by: request.firstApprover, at: request.firstApprovedAt } : null,
    search: request.searchForum ? { scanned: request.searchScanned ?? 0, total: request.searchTotal ?? 0 } : null,
    lastError: request.lastError ? { message: request.lastError, at: request.lastErrorAt, attempts: request.attempts } : null,
    forumReachable,
    posts,
  };
}

/** undefined for a forum that cannot be reached; any other error goes on. */
function unlessUnavailable(error: unknown): undefined {
  if (error instanceof ForumUnavailable) return undefined;
  throw error;
}
