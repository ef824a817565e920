// Webhooks out: a redaction through the API makes Erasure call the forum's URL with signed events, retried with
// backoff until the forum takes them, and shown to admins. The forum is a real HTTP server started here.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { sql } from 'drizzle-orm';
import { startWorld, type World } from '../support/world';
import { type ForumReceiver, type Received, startForumReceiver } from '../support/forumReceiver';
import { hiddenValue, signInAs } from '../support/consoleSession';
import { checkWebhookSignature } from '../../src/forum/webhookSignature';
import { createApiToken } from '../../src/store/apiTokens';
import { randomIds } from '../../src/domain/clockAndIds';
import { rowsOf } from '../../src/forum/postgres/rows';
import { deliverWebhook } from '../../src/domain/webhookDelivery';

let world: World;
let forum: ForumReceiver;
let adminToken: string;
const secret = randomBytes(32).toString('hex');
// Each test runs whole requests through locating, review and redaction on a machine that may be busy.
jest.setTimeout(120_000);

beforeAll(async () => {
  forum = await startForumReceiver();
  // Three attempts, 100 ms apart at first: the retry schedule of production, shrunk to fit a test.
  world = await startWorld({ FORUM_WEBHOOK_URL: forum.url, FORUM_WEBHOOK_SECRET: secret, FORUM_WEBHOOK_ATTEMPTS: '3', FORUM_WEBHOOK_RETRY_MS: '100' });
  ({ token: adminToken } = await createApiToken({ db: world.database.db, clock: world.clock, ids: randomIds }, { name: 'test admin', role: 'admin' }));
});
afterAll(async () => {
  await world?.close();
  await forum?.close();
});

const email = 'lea.martin@example.fr';
const moderator = () => ({ Authorization: `Bearer ${world.moderatorToken}` });
const admin = () => ({ Authorization: `Bearer ${adminToken}` });

/** Submits a request for these posts, confirms it, approves every finding, and waits until it is completed. */
async function redactThrough(postIds: string[]): Promise<{ id: string; findings: number }> {
  const submitted = await request(world.server)
    .post('/api/v1/requests')
    .send({ email, name: 'Léa Martin', identifiers: { phones: [], usernames: [] }, posts: postIds, scope: 'all', relationship: 'author', consent: true })
    .expect(202);
  const id = submitted.body.id as string;
  await world.verifyFromEmail(email, id);
  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator()).expect(200);
  const findings = (review.body.posts as { findings: unknown[] }[]).reduce((n, p) => n + p.findings.length, 0);
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(moderator()).send({}).expect(202);
  await world.waitForState(id, 'completed');
  return { id, findings };
}

const ofRequest = (requestId: string) => (r: Received) => r.body.data.requestId === requestId;

/** Polls the admin API until the request's deliveries all have this status. */
async function deliveriesOf(requestId: string, status: 'delivered' | 'failed', count: number) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await request(world.server).get('/api/v1/admin/webhook-deliveries?limit=200').set(admin()).expect(200);
    const mine = (res.body.deliveries as { requestId: string; status: string }[]).filter((d) => d.requestId === requestId);
    if (mine.length === count && mine.every((d) => d.status === status)) return mine as unknown as { id: string; event: string; status: string; attempts: number; lastStatus: number | null; lastError: string | null; deliveredAt: string | null }[];
    if (Date.now() > deadline) throw new Error(`deliveries of ${requestId}: ${JSON.stringify(mine.map((d) => d.status))}, not all ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('a redacted request makes the forum receive a signed redaction.applied per post changed and one request.completed, ids and counts only', async () => {
  const first = await world.addPost('Write to lea.martin@example.fr for the tickets.');
  const second = await world.addPost('Léa Martin (lea.martin@example.fr) sold me hers.');
  // Someone else's post that quotes the first: its quote is rewritten too, so the forum must purge it as well.
  const quoting = await world.addPost('[quote]Write to lea.martin@example.fr for the tickets.[/quote]\nSold out already?');
  const { id, findings } = await redactThrough([first, second]);

  const received = (await forum.waitFor((all) => all.filter(ofRequest(id)).length >= 4)).filter(ofRequest(id));
  expect(received).toHaveLength(4);
  for (const hook of received) {
    expect(checkWebhookSignature(secret, hook.headers['erasure-signature'] as string, hook.raw, new Date())).toBe('valid');
    expect(hook.headers['content-type']).toBe('application/json');
    expect(Object.keys(hook.body)).toEqual(['id', 'type', 'occurredAt', 'data']);
    expect(hook.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(hook.body.occurredAt).toISOString()).toBe(hook.body.occurredAt);
    expect(hook.raw).not.toMatch(/lea|martin|example\.fr|tickets/i);
  }
  const applied = received.filter((r) => r.body.type === 'redaction.applied');
  expect(applied.map((r) => r.body.data).sort((a, b) => String(a.postId).localeCompare(String(b.postId)))).toEqual(
    [[first, 'redacted'], [second, 'redacted'], [quoting, 'quote_redacted']].sort((a, b) => String(a[0]).localeCompare(String(b[0]))).map(([postId, change]) => ({ requestId: id, postId, change })),
  );
  const completed = received.filter((r) => r.body.type === 'request.completed');
  expect(completed.map((r) => r.body.data)).toEqual([{ requestId: id, postsRedacted: 2, findingsRedacted: findings, postsDeleted: 0, quotesRedacted: 1 }]);
  // The body's id is the delivery's: the forum deduplicates on it.
  expect(new Set(received.map((r) => r.body.id)).size).toBe(4);

  const rows = await deliveriesOf(id, 'delivered', 4);
  expect(rows.map((r) => r.id).sort()).toEqual(received.map((r) => r.body.id).sort());
  expect(rows.every((r) => r.attempts === 1 && r.lastStatus === 200 && r.lastError === null)).toBe(true);
});

test('a forum that answers 500 twice gets the event on the third attempt, and the admin page and API show it delivered', async () => {
  const tries = new Map<string, number>();
  const postId = await world.addPost('Tickets from lea.martin@example.fr, first come first served.');
  forum.answer = (body) => {
    const n = (tries.get(body.id) ?? 0) + 1;
    tries.set(body.id, n);
    return n <= 2 ? 500 : 200;
  };
  try {
    const { id } = await redactThrough([postId]);
    const rows = await deliveriesOf(id, 'delivered', 2);
    expect(rows.map((r) => [r.event, r.attempts, r.lastStatus])).toEqual(
      expect.arrayContaining([
        ['redaction.applied', 3, 200],
        ['request.completed', 3, 200],
      ]),
    );
    const answered = forum.received.filter(ofRequest(id)).map((r) => r.answered);
    expect(answered.sort()).toEqual([200, 200, 500, 500, 500, 500]);

    const signedIn = await signInAs(world, 'admin');
    const page = await signedIn.agent.get('/console/webhooks').expect(200);
    for (const row of rows) {
      const tr = new RegExp(`<tr data-delivery="${row.id}" data-status="delivered">[\\s\\S]*?<td data-attempts>3</td>`);
      expect(page.text).toMatch(tr);
    }
    expect(page.text).toContain(`/console/requests/${id}`);
  } finally {
    forum.answer = () => 200;
  }
});

test('a forum that never answers 2xx leaves the delivery failed with its last status, and "send again now" delivers it once the forum is back', async () => {
  const postId = await world.addPost('Ask lea.martin@example.fr about the flat.');
  // Tests run one after another and every earlier delivery is done: only this request's events meet the outage.
  let forumUp = false;
  forum.answer = () => (forumUp ? 200 : 503);
  try {
    const { id } = await redactThrough([postId]);
    const failed = await deliveriesOf(id, 'failed', 2);
    for (const row of failed) {
      expect(row.attempts).toBe(3);
      expect(row.lastStatus).toBe(503);
      expect(row.lastError).toBe('HTTP 503: down for maintenance');
      expect(row.deliveredAt).toBeNull();
    }
    const onlyFailed = await request(world.server).get('/api/v1/admin/webhook-deliveries?status=failed').set(admin()).expect(200);
    expect((onlyFailed.body.deliveries as { id: string }[]).map((d) => d.id)).toEqual(expect.arrayContaining(failed.map((r) => r.id)));

    const signedIn = await signInAs(world, 'admin');
    const page = await signedIn.agent.get('/console/webhooks?status=failed').expect(200);
    const target = failed[0] as (typeof failed)[number];
    expect(page.text).toMatch(new RegExp(`<tr data-delivery="${target.id}" data-status="failed">[\\s\\S]*?<span data-last-status>503</span>[\\s\\S]*?/console/webhooks/${target.id}/resend`));

    // A form without the session's token is refused and sends nothing.
    const before = forum.received.length;
    await signedIn.agent.post(`/console/webhooks/${target.id}/resend`).type('form').send({}).expect(403);
    expect(forum.received.length).toBe(before);

    forumUp = true;
    const resent = await signedIn.agent.post(`/console/webhooks/${target.id}/resend`).type('form').send({ _csrf: hiddenValue(page.text, '_csrf') }).expect(303);
    expect(resent.headers.location).toBe('/console/webhooks?done=resent');
    const after = await signedIn.agent.get(resent.headers.location as string).expect(200);
    expect(after.text).toMatch(new RegExp(`<tr data-delivery="${target.id}" data-status="delivered">[\\s\\S]*?<td data-attempts>4</td>`));
    const last = forum.received[forum.received.length - 1] as Received;
    expect(last.body.id).toBe(target.id);
    expect(checkWebhookSignature(secret, last.headers['erasure-signature'] as string, last.raw, new Date())).toBe('valid');

    // Delivered now: sending it again is refused, and the forum hears nothing more.
    const again = await signedIn.agent.post(`/console/webhooks/${target.id}/resend`).type('form').send({ _csrf: hiddenValue(page.text, '_csrf') }).expect(409);
    expect(again.text).toContain('only a failed one can be sent again');
    expect(forum.received.filter((r) => r.body.id === target.id).filter((r) => r.answered === 200)).toHaveLength(1);
  } finally {
    forum.answer = () => 200;
  }
});

test('a delivery job that runs twice sends the event once', async () => {
  const postId = await world.addPost('Call lea.martin@example.fr back.');
  const { id } = await redactThrough([postId]);
  const [row] = (await deliveriesOf(id, 'delivered', 2)).filter((r) => r.event === 'request.completed');
  expect(await deliverWebhook(world.runtime.workerDeps, (row as { id: string }).id)).toBe('already_delivered');
  expect(forum.received.filter((r) => r.body.id === row?.id)).toHaveLength(1);
  const stored = rowsOf(await world.database.db.execute(sql`SELECT payload FROM webhook_deliveries WHERE request_id = ${id}`)) as { payload: unknown }[];
  expect(JSON.stringify(stored)).not.toMatch(/lea|martin/i);
});
