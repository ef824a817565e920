// Removal requests driven through a real Erasure as requesters and a moderator would drive them, and the count
// the fault scenarios report: redactions completed, work lost, redactions applied twice, emails received twice.
import request from 'supertest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/forum/postgres/rows';
import { linkPath, type World } from '../support/world';
import type { FaultFigures } from './faultScenario';

export interface RemovalCase {
  id: string;
  email: string;
  postId: string;
  original: string;
  /** The post as it must read once the request completes. */
  redacted: string;
  /** The post's one revision, when it has one (before the edit, as written and as it must read once redacted). */
  revision?: { original: string; redacted: string };
}

const moderator = (world: World) => ({ Authorization: `Bearer ${world.moderatorToken}` });

/** A post that holds the requester's address, and a request to remove it; the intake must answer 202. */
export async function submitRemoval(world: World, tag: string, options: { withRevision?: boolean } = {}): Promise<RemovalCase> {
  const email = `${tag}@example.org`;
  const original = `Write to ${email} for the bike swap.`;
  const revision = options.withRevision ? { original: `Write to ${email} soon.`, redacted: 'Write to [email removed] soon.' } : undefined;
  const postId = await world.addPost(original, revision ? { revisions: [{ before: revision.original, after: original }] } : {});
  const res = await request(world.server).post('/api/v1/requests').send({ email, posts: [postId], scope: 'all', relationship: 'author', consent: true });
  if (res.status !== 202) throw new Error(`the intake answered ${res.status} instead of 202`);
  return { id: res.body.id as string, email, postId, original, redacted: 'Write to [email removed] for the bike swap.', ...(revision ? { revision } : {}) };
}

/** What the forum's database holds of the post, read directly (not through any proxy): as written, redacted, or partly. */
export async function postReads(world: World, removal: RemovalCase): Promise<'original' | 'redacted' | 'partial'> {
  const [post] = rowsOf(await world.database.db.execute(sql`SELECT body_raw FROM forum.posts WHERE id = ${removal.postId}`));
  const revisions = rowsOf(await world.database.db.execute(sql`SELECT before_text, after_text FROM forum.post_revisions WHERE post_id = ${removal.postId} ORDER BY id`));
  const texts = [String(post?.body_raw ?? ''), ...revisions.flatMap((r) => [String(r.before_text), String(r.after_text)])];
  const expect = (body: string, before?: string) => [body, ...(removal.revision ? [before as string, body] : [])];
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((text, i) => text === b[i]);
  if (same(texts, expect(removal.original, removal.revision?.original))) return 'original';
  if (same(texts, expect(removal.redacted, removal.revision?.redacted))) return 'redacted';
  return 'partial';
}

/** Follows the link of the verification email, which may still be on its way. */
export async function verifyRemoval(world: World, removal: RemovalCase, timeoutMs = 30_000): Promise<void> {
  const mail = await world.waitForMail(removal.email, /./, [`/verify/${removal.id}`], timeoutMs);
  const res = await request(world.server).get(linkPath(mail.text ?? '', `/verify/${removal.id}`));
  if (res.status !== 200) throw new Error(`the verification link answered ${res.status}`);
}

/** The moderator approves every finding; the API must answer 202. */
export async function approveRemoval(world: World, removal: RemovalCase): Promise<void> {
  const res = await request(world.server).post(`/api/v1/moderation/requests/${removal.id}/approve`).set(moderator(world)).send({});
  if (res.status !== 202) throw new Error(`approving answered ${res.status}: ${JSON.stringify(res.body)}`);
}

/** The states of these requests, read from Erasure's database. */
export async function statesOf(world: World, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf(await world.database.db.execute(sql`SELECT id::text AS id, state FROM requests WHERE id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`));
  return new Map(rows.map((row) => [String(row.id), String(row.state)]));
}

/** Waits until every request is in `state`, or the time is up; answers those that are not. */
export async function waitForAll(world: World, ids: string[], state: string, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await statesOf(world, ids);
    const behind = ids.filter((id) => states.get(id) !== state);
    if (behind.length === 0 || Date.now() > deadline) return behind;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Verifies each request as its email arrives, then approves it once located; all at once, not one after another. */
export async function carryThrough(world: World, removals: RemovalCase[], timeoutMs: number): Promise<void> {
  await Promise.all(
    removals.map(async (removal) => {
      await verifyRemoval(world, removal, timeoutMs);
      const behind = await waitForAll(world, [removal.id], 'awaiting_review', timeoutMs);
      if (behind.length === 0) await approveRemoval(world, removal);
    }),
  );
}

export interface Tally extends Pick<FaultFigures, 'redactionsCompleted' | 'lost' | 'appliedTwice' | 'duplicateEmails'> {
  /** Posts that read neither as written nor as fully redacted. */
  partialPosts: number;
}

/**
 * What became of the requests: a redaction counts as completed when the request is and the post reads exactly as
 * redacted; applied twice when the audit trail records it twice or the placeholder appears twice; an email is a
 * duplicate when the same address got the same subject more than once (each request has its own address).
 */
export async function tallyRemovals(world: World, removals: RemovalCase[]): Promise<Tally> {
  await world.smtp.settled();
  const states = await statesOf(world, removals.map((r) => r.id));
  let redactionsCompleted = 0;
  let appliedTwice = 0;
  let partialPosts = 0;
  for (const removal of removals) {
    const [post] = rowsOf(await world.database.db.execute(sql`SELECT body_raw FROM forum.posts WHERE id = ${removal.postId}`));
    const body = String(post?.body_raw ?? '');
    const reads = await postReads(world, removal);
    if (states.get(removal.id) === 'completed' && reads === 'redacted') redactionsCompleted += 1;
    if (reads === 'partial') partialPosts += 1;
    const [audit] = rowsOf(await world.database.db.execute(sql`SELECT count(*)::int AS n FROM audit WHERE stream = ${removal.id} AND action = 'redacted'`));
    if (Number(audit?.n ?? 0) > 1 || body.split('[email removed]').length > 2) appliedTwice += 1;
  }
  const ours = new Set(removals.map((r) => r.email));
  const seen = new Map<string, number>();
  for (const message of world.smtp.messages) {
    const to = message.to && !Array.isArray(message.to) ? message.to.text : '';
    if (!ours.has(to)) continue;
    const key = `${to}\n${message.subject ?? ''}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const duplicateEmails = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
  return { redactionsCompleted, lost: removals.length - redactionsCompleted, appliedTwice, duplicateEmails, partialPosts };
}

/** Emails the sink received for these requests, by kind of subject, for a scenario's details. */
export function mailCount(world: World, removals: RemovalCase[]): number {
  const ours = new Set(removals.map((r) => r.email));
  return world.smtp.messages.filter((m) => ours.has(m.to && !Array.isArray(m.to) ? m.to.text : '')).length;
}
