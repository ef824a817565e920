// A batch of requesters driven through the whole API (intake, the link in the verify email, approval) while a fault
// scenario hurts the workers, then the tally of what came out: each post's exact text, how many times the forum
// row was written, the audit trail, and every email the SMTP server received, per recipient and kind.
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { rowsOf } from '../../src/forum/postgres/rows';
import { queueNames } from '../../src/queue/jobs';
import { linkPath, type World } from '../support/world';
import type { FaultFigures } from './faultScenario';

export interface BatchPost {
  id: string;
  body: string;
  /** The body once the requester's address is replaced, once, by its placeholder. */
  expected: string;
}

export interface Requester {
  email: string;
  posts: BatchPost[];
  requestId?: string;
}

/** Posts written in the forum by every requester, each naming their address once; a tag keeps runs apart. */
export async function seedRequesters(world: World, count: number, postsEach: number): Promise<Requester[]> {
  const tag = Math.random().toString(36).slice(2, 8);
  const requesters: Requester[] = [];
  for (let i = 0; i < count; i += 1) {
    const email = `seller${i}.${tag}@mail.example.net`;
    const posts: BatchPost[] = [];
    for (let k = 0; k < postsEach; k += 1) {
      const before = `Selling a bike, advert ${i}-${k}. Write to `;
      const after = ' if you want to see it.';
      const body = `${before}${email}${after}`;
      posts.push({ id: await world.addPost(body), body, expected: `${before}[email removed]${after}` });
    }
    requesters.push({ email, posts });
  }
  return requesters;
}

/**
 * Every UPDATE of a post's body, counted by a trigger in the forum's own database: a redaction applied twice shows
 * as two writes even when the second wrote the same text.
 */
export async function countForumWrites(world: World): Promise<void> {
  const db = world.database.db;
  await db.execute(sql.raw('CREATE TABLE IF NOT EXISTS forum.post_writes (post_id bigint NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())'));
  await db.execute(
    sql.raw(`CREATE OR REPLACE FUNCTION forum.count_post_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO forum.post_writes (post_id) VALUES (NEW.id);
  RETURN NEW;
END
$$`),
  );
  await db.execute(sql.raw('CREATE OR REPLACE TRIGGER posts_count_writes AFTER UPDATE OF body_raw ON forum.posts FOR EACH ROW EXECUTE FUNCTION forum.count_post_write()'));
}

/** Runs fn over items, at most `limit` at a time. */
export async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next] as T;
        next += 1;
        await fn(item);
      }
    }),
  );
}

export async function submitAll(world: World, requesters: Requester[]): Promise<void> {
  await eachLimited(requesters, 10, async (r) => {
    const res = await request(world.server)
      .post('/api/v1/requests')
      .send({ email: r.email, posts: r.posts.map((p) => p.id), scope: 'all', relationship: 'author', consent: true });
    if (res.status !== 202) throw new Error(`intake answered ${res.status}: ${JSON.stringify(res.body)}`);
    r.requestId = (res.body as { id: string }).id;
  });
}

/**
 * Follows the link of each verify email, as each requester would, once the (possibly killed) workers sent it.
 * Returns the requesters whose email came in time: the others are lost work, which the tally counts.
 */
export async function verifyAll(world: World, requesters: Requester[], timeoutMs: number): Promise<Requester[]> {
  const deadline = Date.now() + timeoutMs;
  const verified: Requester[] = [];
  await eachLimited(requesters, 10, async (r) => {
    const id = r.requestId as string;
    const mail = await world.smtp.waitFor((m) => (m.text ?? '').includes(`/verify/${id}`), Math.max(1, deadline - Date.now())).catch(() => undefined);
    if (!mail) return;
    const res = await request(world.server).get(linkPath(mail.text ?? '', `/verify/${id}`));
    if (res.status !== 200) throw new Error(`the verification link of ${id} answered ${res.status}`);
    verified.push(r);
  });
  return verified;
}

/** Approves every finding of each request; a request that never reached review is left for the tally to count. */
export async function approveAll(world: World, requesters: Requester[]): Promise<void> {
  await eachLimited(requesters, 10, async (r) => {
    const res = await request(world.server).post(`/api/v1/moderation/requests/${r.requestId}/approve`).set({ Authorization: `Bearer ${world.moderatorToken}` }).send({});
    // 409: the request is not in review (its locate was lost, say): the tally counts it.
    if (res.status !== 202 && res.status !== 409) throw new Error(`approving ${r.requestId} answered ${res.status}: ${JSON.stringify(res.body)}`);
  });
}

async function statesOf(world: World): Promise<Map<string, string>> {
  const rows = rowsOf(await world.database.db.execute(sql`SELECT id, state FROM requests`)) as { id: string; state: string }[];
  return new Map(rows.map((r) => [String(r.id), r.state]));
}

/** Resolves true when every request is in `state`, false when the time runs out first. */
export async function waitForAll(world: World, requesters: Requester[], state: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await statesOf(world);
    if (requesters.every((r) => states.get(r.requestId as string) === state)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Resolves when every requester has a completion email, or the time runs out. */
export async function waitForCompletionEmails(world: World, requesters: Requester[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const kinds = await emailKinds(world);
    if (requesters.every((r) => (kinds.get(`${r.email} completed`) ?? 0) > 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Resolves when no job of this world waits, runs or is delayed (late duplicates would come from those), or the time runs out. */
export async function waitForQuietQueues(world: World, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let busy = 0;
    for (const name of queueNames.filter((q) => q !== 'maintenance')) {
      const counts = await world.runtime.queues.get(name).getJobCounts('active', 'waiting', 'delayed', 'prioritized');
      busy += Object.values(counts).reduce((a, b) => a + b, 0);
    }
    if (busy === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** How many emails each recipient received of each kind ("address template"), from the SMTP server's messages. */
async function emailKinds(world: World): Promise<Map<string, number>> {
  return new Map([...(await emailsByKind(world))].map(([key, ids]) => [key, ids.length]));
}

interface Copy {
  messageId: string;
  /** When the SMTP server kept it (the test's clock). */
  at: number;
}

/** The copies each recipient received of each kind of email ("address template"). */
async function emailsByKind(world: World): Promise<Map<string, Copy[]>> {
  await world.smtp.settled();
  const rows = rowsOf(await world.database.db.execute(sql`SELECT id, template FROM mails`)) as { id: string; template: string }[];
  const mailOf = new Map(rows.map((r) => [`<${String(r.id)}@erasure>`, r]));
  const kinds = new Map<string, Copy[]>();
  for (const message of world.smtp.messages) {
    const to = message.to && !Array.isArray(message.to) ? message.to.text : '?';
    const mail = mailOf.get(message.messageId ?? '');
    const key = `${to} ${mail?.template ?? 'unknown'}`;
    const copy = { messageId: message.messageId ?? '?', at: world.smtp.receivedAt(message) ?? 0 };
    kinds.set(key, [...(kinds.get(key) ?? []), copy]);
  }
  return kinds;
}

/**
 * How long after the SMTP server kept a message its sender may still be short of the COMMIT that records it: the
 * 250's way back and one COMMIT, in a worker whose event loop also runs locate jobs. At bench size on a loaded 2-core
 * machine that took 15–20 ms typically and at most about 100 ms, with event-loop stalls up to about 280 ms.
 */
export const unrecordedSendMs = 300;

/** The kills of a scenario, for the tally to tell which duplicate emails a kill explains. */
export interface Kills {
  /** Date.now() of each SIGKILL as it was sent. */
  times: number[];
  /**
   * The test process's longest event-loop stall during the run: the sink notices a message's last byte only when its
   * loop runs, so a sender killed just after it wrote the message can have it noticed up to this much later.
   */
  sinkStallMs: number;
}

/**
 * The one duplicate no sender can rule out (mail/mailJobs.ts): the SMTP server accepted the message, the worker
 * died before it committed the mark, and the retry sent it again. Such copies are one message, and a SIGKILL was
 * sent between sinkStallMs before the first copy was noticed and unrecordedSendMs after. Returns that kill's offset
 * from the first copy in ms (negative: before the sink noticed it), or undefined when no kill explains the copies.
 */
const killExplaining = (copies: Copy[], kills: Kills): number | undefined => {
  const first = copies[0];
  if (!first || new Set(copies.map((c) => c.messageId)).size !== 1) return undefined;
  const offsets = kills.times.map((k) => k - first.at).filter((offset) => offset >= -kills.sinkStallMs && offset <= unrecordedSendMs);
  return offsets.length > 0 ? offsets.reduce((a, b) => (Math.abs(b) < Math.abs(a) ? b : a)) : undefined;
};

/** Failed jobs of this world, counted by name and reason (BullMQ's words or an error class, never a post's text). */
export async function failedJobs(world: World): Promise<string> {
  const counts = new Map<string, number>();
  for (const name of queueNames) {
    for (const job of await world.runtime.queues.get(name).getFailed(0, 1000)) {
      const key = `${job.name}: ${(job.failedReason ?? '').slice(0, 60)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].map(([key, n]) => `${n} × ${key}`).join('; ') || 'none';
}

export interface BatchTally {
  figures: Pick<FaultFigures, 'redactionsCompleted' | 'lost' | 'appliedTwice' | 'duplicateEmails'>;
  /** What went wrong, one line each (ids and counts only), for a failing test to show. */
  problems: string[];
  requestsCompleted: number;
  /** Duplicates, among duplicateEmails, of the one kind a kill explains (see killExplaining); every other is a problem. */
  resentAfterKill: number;
  /** For each of those: the explaining kill's offset from the first copy's arrival, in ms (negative: before it), in order. */
  resendGapsMs: number[];
}

/**
 * redactionsCompleted: posts whose text is exactly the expected one. lost: posts not so, plus requesters without a
 * completion email. appliedTwice: posts written more than once, or whose request's audit trail says redacted twice.
 * duplicateEmails: every email beyond the first of its kind to one recipient. kills: when workers were killed.
 */
export async function tallyBatch(world: World, requesters: Requester[], kills: Kills = { times: [], sinkStallMs: 0 }): Promise<BatchTally> {
  const db = world.database.db;
  const problems: string[] = [];
  const states = await statesOf(world);
  const postRows = rowsOf(await db.execute(sql`SELECT id, body_raw, body_html FROM forum.posts`)) as { id: unknown; body_raw: string; body_html: string }[];
  const posts = new Map(postRows.map((p) => [String(p.id), p]));
  const writeRows = rowsOf(await db.execute(sql`SELECT post_id, count(*)::int AS n FROM forum.post_writes GROUP BY post_id`)) as { post_id: unknown; n: number }[];
  const writes = new Map(writeRows.map((w) => [String(w.post_id), Number(w.n)]));
  const auditRows = rowsOf(await db.execute(sql`SELECT stream, count(*)::int AS n FROM audit WHERE action = 'redacted' GROUP BY stream`)) as { stream: string; n: number }[];
  const redactedEntries = new Map(auditRows.map((a) => [a.stream, Number(a.n)]));
  const kinds = await emailKinds(world);

  let redactionsCompleted = 0;
  let lost = 0;
  let appliedTwice = 0;
  let requestsCompleted = 0;
  for (const r of requesters) {
    const id = r.requestId ?? '(never submitted)';
    const state = states.get(id);
    if (state === 'completed') requestsCompleted += 1;
    else problems.push(`request ${id} ended ${state ?? 'missing'}`);
    const auditCount = redactedEntries.get(id) ?? 0;
    if (auditCount > 1) problems.push(`request ${id}: ${auditCount} "redacted" audit entries`);
    for (const p of r.posts) {
      const row = posts.get(p.id);
      const written = writes.get(p.id) ?? 0;
      if (row?.body_raw === p.expected && row.body_html === `<p>${p.expected}</p>`) redactionsCompleted += 1;
      else {
        lost += 1;
        problems.push(`post ${p.id} (request ${id}) does not read as redacted once${row?.body_raw.includes(r.email) ? ': the address is still there' : ''}`);
      }
      if (written > 1 || auditCount > 1) {
        appliedTwice += 1;
        if (written > 1) problems.push(`post ${p.id} was written ${written} times`);
      }
    }
    const completionEmails = kinds.get(`${r.email} completed`) ?? 0;
    if (completionEmails === 0) {
      lost += 1;
      problems.push(`request ${id}: no completion email`);
    }
  }
  let duplicateEmails = 0;
  let resentAfterKill = 0;
  const resendGapsMs: number[] = [];
  for (const [key, copies] of await emailsByKind(world)) {
    if (copies.length <= 1) continue;
    duplicateEmails += copies.length - 1;
    const killOffset = killExplaining(copies, kills);
    if (killOffset !== undefined) {
      resentAfterKill += copies.length - 1;
      resendGapsMs.push(killOffset);
      continue;
    }
    const ids = new Set(copies.map((c) => c.messageId));
    const what =
      ids.size === 1
        ? `one message sent again: ${copies[0]?.messageId}, and no worker was killed from ${kills.sinkStallMs} ms before the first copy arrived to ${unrecordedSendMs} ms after`
        : `${ids.size} different messages`;
    problems.push(`${copies.length} emails "${key.replace(/^\S+ /, '')}" to one requester (${what})`);
  }
  // Effects twice first: they are the rarer finding, and a long list of lost posts would hide them.
  const twice = (line: string) => /twice|times|emails/.test(line);
  problems.sort((a, b) => Number(twice(b)) - Number(twice(a)));
  return { figures: { redactionsCompleted, lost, appliedTwice, duplicateEmails }, problems, requestsCompleted, resentAfterKill, resendGapsMs: resendGapsMs.sort((a, b) => a - b) };
}
