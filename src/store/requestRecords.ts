// Reading and writing a request's rows: the request, the requester's identifiers (sealed), the posts it names
// and the findings located in them.
import { and, asc, count, desc, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import { isChildRequest, type NewRequest } from '../domain/newRequest';
import type { RequesterIdentifiers } from '../pii/types';
import { parsePayload } from '../queue/jobs';
import { firstAuditEntry } from './auditTrail';
import type { Db, RunStatement, Tx } from './database';
import type { EventDeps } from './requestEvents';
import { findings, requesterIdentifiers, requestPosts, requests } from './schema';
import type { SecretBox } from './secretBox';

export type RequestRow = typeof requests.$inferSelect;
export type RequestPostRow = typeof requestPosts.$inferSelect;
export type FindingRow = typeof findings.$inferSelect;

/** Free text the requester wrote, sealed together in requests.private_box. */
export interface PrivateText {
  details?: string;
  quotes: string[];
  answers: string[];
}

const createRequestSql = `
  WITH request AS (
    INSERT INTO requests (id, state, lang, scope, relationship, email_hash, private_box, created_at, updated_at, due_at, search_forum, child_under_13, keep_removed_hashes)
    VALUES ($1, 'received', $2, $3, $4, $5, $6, $7::timestamptz, $7::timestamptz, $8::timestamptz, $23, $24, $25)
    RETURNING id
  ), identifiers AS (
    INSERT INTO requester_identifiers (id, request_id, kind, value_box)
    SELECT v.id, request.id, v.kind, v.value_box FROM request, unnest($9::uuid[], $10::text[], $11::text[]) AS v (id, kind, value_box)
  ), posts AS (
    INSERT INTO request_posts (id, request_id, post_id, status)
    SELECT v.id, request.id, v.post_id, 'pending' FROM request, unnest($12::uuid[], $13::text[]) AS v (id, post_id)
  ), trail AS (
    INSERT INTO audit (id, stream, seq, at, actor, action, data, prev_hash, hash)
    SELECT $14, request.id::text, 1, $7::timestamptz, $15, $16, $17::jsonb, $18, $19 FROM request
  )
  INSERT INTO outbox (id, job, payload, created_at) SELECT $20, $21, $22::jsonb, $7::timestamptz FROM request`;

export async function createRequest(
  deps: EventDeps & { box: SecretBox; run: RunStatement },
  input: NewRequest,
  postIds: string[],
  dates: { createdAt: Date; dueAt: Date },
): Promise<{ id: string }> {
  const { ids, box } = deps;
  const id = ids.next();
  const { createdAt: now, dueAt } = dates;
  const identifierRows: { kind: string; value: string }[] = [
    { kind: 'email', value: input.email },
    ...(input.name ? [{ kind: 'name', value: input.name }] : []),
    ...input.identifiers.phones.map((value) => ({ kind: 'phone', value })),
    ...input.identifiers.usernames.map((value) => ({ kind: 'username', value: value.replace(/^@/, '') })),
    ...input.identifiers.addresses.map((value) => ({ kind: 'address', value })),
  ];
  const privateText: PrivateText = { details: input.details, quotes: input.quotes, answers: [] };
  const audited = firstAuditEntry(
    { stream: id, actor: 'requester', action: 'submit', data: { posts: postIds.length, scope: input.scope, relationship: input.relationship } },
    now,
    ids.next(),
  );
  const mail = { id: ids.next(), job: 'mail.render' as const, payload: parsePayload('mail.render', { requestId: id, template: 'verify' }) };
  const identifierIds = identifierRows.map(() => ids.next());
  const uniquePosts = [...new Set(postIds)];
  const at = now.toISOString();
  // One prepared statement instead of a transaction of seven: intake is the hot path, and a statement is atomic too.
  await deps.run({
    name: 'erasure_create_request',
    text: createRequestSql,
    values: [
      id, input.lang, input.scope, input.relationship, box.lookupHash(input.email), box.seal(JSON.stringify(privateText)), at, dueAt.toISOString(),
      identifierIds, identifierRows.map((row) => row.kind), identifierRows.map((row) => box.seal(row.value)),
      uniquePosts.map(() => ids.next()), uniquePosts,
      audited.id, audited.actor, audited.action, JSON.stringify(audited.data), audited.prevHash, audited.hash,
      mail.id, mail.job, JSON.stringify(mail.payload),
      input.searchForum,
      isChildRequest(input),
      input.keepRemovedHashes,
    ],
  });
  deps.outboxWritten?.();
  return { id };
}

export async function getRequest(db: Tx, id: string): Promise<RequestRow | null> {
  const [row] = await db.select().from(requests).where(eq(requests.id, id));
  return row ?? null;
}

/** Of these request ids, the ones of a child's request (under 13): their jobs are queued ahead of the others. */
export async function childRequestIds(db: Tx, ids: string[]): Promise<Set<string>> {
  const rows = await db.select({ id: requests.id }).from(requests).where(and(inArray(requests.id, ids), eq(requests.childUnder13, true)));
  return new Set(rows.map((row) => row.id));
}

/** email is null only for a request a forum user's report opened without leaving an address: nobody is mailed. */
export async function requesterOf(db: Tx, box: SecretBox, requestId: string): Promise<{ email: string | null; identifiers: RequesterIdentifiers }> {

  const rows = await db.select().from(requesterIdentifiers).where(eq(requesterIdentifiers.requestId, requestId));
  const identifiers: RequesterIdentifiers = { emails: [], names: [], phones: [], usernames: [], addresses: [] };
  const lists: Record<string, string[]> = { email: identifiers.emails, name: identifiers.names, phone: identifiers.phones, username: identifiers.usernames, address: identifiers.addresses };
  for (const row of rows) lists[row.kind]?.push(box.open(row.valueBox));
  return { email: identifiers.emails[0] ?? null, identifiers };
}

export function privateTextOf(box: SecretBox, row: Pick<RequestRow, 'privateBox'>): PrivateText {
  return row.privateBox ? (JSON.parse(box.open(row.privateBox)) as PrivateText) : { quotes: [], answers: [] };
}

export async function postsOf(db: Tx, requestId: string): Promise<RequestPostRow[]> {
  return db.select().from(requestPosts).where(eq(requestPosts.requestId, requestId)).orderBy(asc(requestPosts.postId));
}

export async function updatePost(db: Tx, id: string, changes: Partial<Omit<RequestPostRow, 'id' | 'requestId' | 'postId'>>): Promise<void> {
  await db.update(requestPosts).set(changes).where(eq(requestPosts.id, id));
}

/** A post the whole-forum search found, added to the request beside the ones the requester named. */
export async function addSearchedPost(tx: Tx, row: { id: string; requestId: string; postId: string }): Promise<void> {
  await tx.insert(requestPosts).values({ ...row, source: 'search', status: 'pending' }).onConflictDoNothing();
}

export async function removeSearchedPost(tx: Tx, requestId: string, rowId: string, postId: string): Promise<void> {
  await tx.delete(findings).where(and(eq(findings.requestId, requestId), eq(findings.postId, postId)));
  await tx.delete(requestPosts).where(and(eq(requestPosts.id, rowId), eq(requestPosts.source, 'search')));
}

export async function recordSearchProgress(db: Tx, requestId: string, scanned: number, total: number): Promise<void> {
  await db.update(requests).set({ searchScanned: scanned, searchTotal: total }).where(eq(requests.id, requestId));
}

export async function findingsOf(db: Tx, requestId: string): Promise<FindingRow[]> {
  return db.select().from(findings).where(eq(findings.requestId, requestId)).orderBy(asc(findings.postId), asc(findings.location), asc(findings.start));
}

export async function replaceFindings(tx: Tx, requestId: string, postId: string, rows: Omit<FindingRow, 'requestId' | 'postId' | 'approved'>[]): Promise<void> {
  await tx.delete(findings).where(and(eq(findings.requestId, requestId), eq(findings.postId, postId)));
  if (rows.length > 0) await tx.insert(findings).values(rows.map((row) => ({ ...row, requestId, postId, approved: null })));
}

/** Marks the chosen findings approved and every other finding of the request not approved. */
export async function setApprovals(tx: Tx, requestId: string, approvedIds: string[]): Promise<void> {
  await tx.update(findings).set({ approved: false }).where(eq(findings.requestId, requestId));
  if (approvedIds.length > 0) await tx.update(findings).set({ approved: true }).where(and(eq(findings.requestId, requestId), inArray(findings.id, approvedIds)));
}

/** The order of every list of requests moderators read: a child's request (urgent) first, then by deadline. */
export const urgentFirst = [desc(requests.childUnder13), asc(requests.dueAt), asc(requests.id)] as const;

/** Each post of the request is deleted whole if listed in deletePostIds, and redacted otherwise. */
export async function setPostActions(tx: Tx, requestId: string, deletePostIds: string[]): Promise<void> {
  await tx.update(requestPosts).set({ action: 'redact' }).where(eq(requestPosts.requestId, requestId));
  if (deletePostIds.length > 0) {
    await tx.update(requestPosts).set({ action: 'delete' }).where(and(eq(requestPosts.requestId, requestId), inArray(requestPosts.postId, deletePostIds)));
  }
}

export async function listRequests(db: Db, filter: { states?: string[]; limit: number; offset: number }): Promise<RequestRow[]> {
  const where = filter.states?.length ? inArray(requests.state, filter.states) : undefined;
  return db.select().from(requests).where(where).orderBy(...urgentFirst).limit(filter.limit).offset(filter.offset);
}

export async function recentRequestsByEmail(db: Db, emailHash: string, since: Date): Promise<number> {
  const [row] = await db.select({ n: count() }).from(requests).where(and(eq(requests.emailHash, emailHash), gte(requests.createdAt, since)));
  return Number(row?.n ?? 0);
}

/** What a deadline list shows of a request: no requester data, only where it stands and when it is due. */
export interface DueRequest {
  id: string;
  state: string;
  dueAt: Date;
  childUnder13: boolean;
}

/** Requests in one of `states` whose due date is at or before `cutoff`: children's first, then soonest first. */
export async function openRequestsDueBy(db: Db, states: readonly string[], cutoff: Date, limit: number): Promise<DueRequest[]> {
  return db
    .select({ id: requests.id, state: requests.state, dueAt: requests.dueAt, childUnder13: requests.childUnder13 })
    .from(requests)
    .where(and(inArray(requests.state, [...states]), lte(requests.dueAt, cutoff)))
    .orderBy(...urgentFirst)
    .limit(limit);
}

export async function unverifiedBefore(db: Db, createdBefore: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.state, 'received'), lt(requests.createdAt, createdBefore)))
    .limit(limit);
  return rows.map((r) => r.id);
}
