// Erasure's own tables. Requester identifiers and free text are stored encrypted; findings keep
// offsets and a hash of the text, never the text. Migrations in migrations/ are generated from this file.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey(),
    state: text('state').notNull(),
    lang: text('lang').notNull(),
    scope: text('scope').notNull(),
    relationship: text('relationship').notNull(),
    /** HMAC of the normalised email: finds a requester's other requests without storing the address in clear. */
    emailHash: text('email_hash').notNull(),
    /** AES-256-GCM box of { details, quotes, answer }: free text the requester wrote. */
    privateBox: text('private_box'),
    question: text('question'),
    refusalReason: text('refusal_reason'),
    refusalMessage: text('refusal_message'),
    /** Failed tries in a row of the step under way (locate or redact); back to 0 when a try succeeds. */
    attempts: integer('attempts').notNull().default(0),
    /** Why the last try of that step failed, for moderators: a short message that names an error code, never a post's text. */
    lastError: text('last_error'),
    lastErrorAt: at('last_error_at'),
    /** The requester agreed that the whole forum be searched for their identifiers, not only the posts they named. */
    searchForum: boolean('search_forum').notNull().default(false),
    searchScanned: integer('search_scanned'),
    searchTotal: integer('search_total'),
    /** Four eyes: who gave the first approval, when approved findings include other people's information. */
    firstApprover: text('first_approver'),
    firstApprovedAt: at('first_approved_at'),
    /** A parent or guardian asks for a child under 13: urgent, 72-hour deadline, posts may be deleted whole. */
    childUnder13: boolean('child_under_13').notNull().default(false),
    /** The requester agreed that keyed hashes of what was removed be kept, to catch it if it is posted again. */
    keepRemovedHashes: boolean('keep_removed_hashes').notNull().default(false),
    createdAt: at('created_at').notNull(),
    verifiedAt: at('verified_at'),
    updatedAt: at('updated_at').notNull(),
    dueAt: at('due_at').notNull(),
    closedAt: at('closed_at'),
    /** When retention erased the identifiers and free text of this closed request (RETENTION_DAYS after closing). */
    identifiersErasedAt: at('identifiers_erased_at'),
  },
  (t) => [index('requests_state_due').on(t.state, t.dueAt), index('requests_email_hash').on(t.emailHash)],
);

export const requesterIdentifiers = pgTable(
  'requester_identifiers',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id').notNull().references(() => requests.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    valueBox: text('value_box').notNull(),
  },
  (t) => [index('requester_identifiers_request').on(t.requestId)],
);

export const requestPosts = pgTable(
  'request_posts',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id').notNull().references(() => requests.id, { onDelete: 'cascade' }),
    postId: text('post_id').notNull(),
    /**
     * named: the requester named it; search: the whole-forum search found their identifiers in it; quote: someone
     * else's post whose quotes of the removed text were rewritten (quoteSource); recheck: a later post rewritten.
     */
    source: text('source').notNull().default('named'),
    /** pending | located | not_found | redacted */
    status: text('status').notNull(),
    /** redact: the approved spans are rewritten; delete: the whole post goes, with its revisions (a child's information). */
    action: text('action').notNull().default('redact'),
    reviewedHash: text('reviewed_hash'),
    redactedHash: text('redacted_hash'),
    locatedAt: at('located_at'),
    redactedAt: at('redacted_at'),
  },
  (t) => [uniqueIndex('request_posts_request_post').on(t.requestId, t.postId)],
);

/** request_posts.source of another member's post whose quotes of the removed text were rewritten. */
export const quoteSource = 'quote';

export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id').notNull().references(() => requests.id, { onDelete: 'cascade' }),
    postId: text('post_id').notNull(),
    /** 'body', or 'revision:<id>:before' / 'revision:<id>:after' */
    location: text('location').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    type: text('type').notNull(),
    owner: text('owner').notNull(),
    score: real('score').notNull(),
    textHash: text('text_hash').notNull(),
    approved: boolean('approved'),
  },
  (t) => [index('findings_request').on(t.requestId)],
);

export const audit = pgTable(
  'audit',
  {
    id: uuid('id').primaryKey(),
    /** One hash chain per stream: a request id, or 'system'. */
    stream: text('stream').notNull(),
    seq: integer('seq').notNull(),
    at: at('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('audit_stream_seq').on(t.stream, t.seq)],
);

export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    job: text('job').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: at('created_at').notNull(),
    relayedAt: at('relayed_at'),
    doneAt: at('done_at'),
  },
  (t) => [index('outbox_pending').on(t.doneAt, t.relayedAt)],
);

export const mails = pgTable('mails', {
  id: uuid('id').primaryKey(),
  /** The outbox row that asked for this mail: rendering twice finds it here and stops. */
  outboxId: uuid('outbox_id').notNull().unique(),
  requestId: uuid('request_id').notNull().references(() => requests.id, { onDelete: 'cascade' }),
  template: text('template').notNull(),
  locale: text('locale').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html').notNull(),
  createdAt: at('created_at').notNull(),
  sentAt: at('sent_at'),
  messageId: text('message_id'),
});

export const moderators = pgTable('moderators', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  passwordHash: text('password_hash'),
  /** Failed sign-ins since the last success; reaching the limit sets lockedUntil. */
  failedSignIns: integer('failed_sign_ins').notNull().default(0),
  lockedUntil: at('locked_until'),
  disabledAt: at('disabled_at'),
  createdAt: at('created_at').notNull(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token: a leaked database does not leak working sessions. */
    id: text('id').primaryKey(),
    moderatorId: uuid('moderator_id')
      .notNull()
      .references(() => moderators.id, { onDelete: 'cascade' }),
    /** The synchroniser token every form of this session must carry. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: at('created_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('sessions_moderator').on(t.moderatorId), index('sessions_expires').on(t.expiresAt)],
);

/** One row per morning digest sent, so a repeated job does not mail moderators twice the same day. */
/**
 * Spells of the forum database being unreachable, as the workers saw them: one row per outage, open until a try
 * reaches the forum again. At most one is open (the partial unique index), and it is alerted at most once.
 */
export const forumOutages = pgTable(
  'forum_outages',
  {
    id: uuid('id').primaryKey(),
    startedAt: at('started_at').notNull(),
    /** Failed tries against the forum during this outage. */
    failures: integer('failures').notNull().default(0),
    lastError: text('last_error').notNull(),
    lastErrorAt: at('last_error_at').notNull(),
    /** When the admins' alert was written to the outbox: set once, by the first job to fail FORUM_FAILURE_ALERT_AFTER times in a row. */
    alertedAt: at('alerted_at'),
    endedAt: at('ended_at'),
  },
  (t) => [uniqueIndex('forum_outages_one_open').on(sql`(true)`).where(sql`${t.endedAt} IS NULL`)],
);

export const moderatorDigests = pgTable('moderator_digests', {
  day: text('day').primaryKey(),
  sentAt: at('sent_at').notNull(),
  requestCount: integer('request_count').notNull(),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  moderatorId: uuid('moderator_id').references(() => moderators.id, { onDelete: 'cascade' }),
  /** SHA-256 of the token: a leaked database does not leak working tokens. */
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: at('created_at').notNull(),
  lastUsedAt: at('last_used_at'),
  revokedAt: at('revoked_at'),
});

/**
 * Keyed hashes (HMAC with the service secret) of the normalised identifiers a completed request removed, kept
 * with the requester's consent so that a post created or edited later can be checked against them. Never the
 * identifiers themselves. Forgetting deletes the request's rows.
 */
export const removedIdentifiers = pgTable(
  'removed_identifiers',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    /** email | phone | national_id | name | username | address | … : what a match leads to (redact at once or review). */
    kind: text('kind').notNull(),
    hash: text('hash').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('removed_identifiers_hash').on(t.hash), index('removed_identifiers_request').on(t.requestId)],
);

/** Webhooks the forum sent: the event id deduplicates deliveries; the payload's ids only, never post text. */
export const forumEvents = pgTable('forum_events', {
  /** The forum's event id. */
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  postId: text('post_id'),
  userId: text('user_id'),
  /** AES-256-GCM box of what a pii.reported event says in free text (reporter's note, contact). */
  detailsBox: text('details_box'),
  receivedAt: at('received_at').notNull(),
  handledAt: at('handled_at'),
  /** What handling it did, in a word or two (for admins): 'no_match', 'redacted', 'review_opened', … */
  outcome: text('outcome'),
});

/** Signed events Erasure sends to the forum's webhook URL, with every attempt's result, for admins to see. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    /** redaction.applied | request.completed */
    event: text('event').notNull(),
    requestId: uuid('request_id'),
    /** Ids and counts only, never post text or identifiers. */
    payload: jsonb('payload').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull(),
    lastAttemptAt: at('last_attempt_at'),
    deliveredAt: at('delivered_at'),
  },
  (t) => [index('webhook_deliveries_created').on(t.createdAt)],
);
