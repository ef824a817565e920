// The forum webhook endpoint refuses what is unsigned, badly signed, replayed, oversized or malformed with the right
// status, writes nothing when it refuses, counts each refusal on /metrics, and records an accepted event once.
import request from 'supertest';
import { count, eq } from 'drizzle-orm';
import { startWorld, type World } from '../support/world';
import express from 'express';
import { webhookRoutes } from '../../src/http/webhookRoutes';
import { signWebhook } from '../../src/forum/webhookSignature';
import { forumEvents, outbox } from '../../src/store/schema';

const secret = 'a-forum-webhook-secret-of-at-least-32-characters';
let world: World;
let sequence = 0;

beforeAll(async () => {
  world = await startWorld({ FORUM_WEBHOOK_SECRET: secret });
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const path = '/api/v1/webhooks/forum';
const newEventId = () => `evt-${Date.now()}-${(sequence += 1)}`;

interface Delivery {
  body: string;
  signature?: string | null;
  contentType?: string;
}

function deliver({ body, signature, contentType = 'application/json' }: Delivery) {
  const req = request(world.server).post(path).set('Content-Type', contentType);
  const header = signature === undefined ? signWebhook(secret, body, world.clock.now()) : signature;
  if (header !== null) req.set('Erasure-Signature', header);
  return req.send(body);
}

const eventBody = (overrides: Record<string, unknown> = {}) => JSON.stringify({ id: newEventId(), type: 'post.created', data: { postId: '424242' }, ...overrides });

async function storedRows() {
  const db = world.database.db;
  const [events] = await db.select({ n: count() }).from(forumEvents);
  const [jobs] = await db.select({ n: count() }).from(outbox);
  return { events: Number(events?.n), outbox: Number(jobs?.n) };
}

async function counter(name: string, label: string, value: string): Promise<number> {
  const res = await request(world.server).get('/metrics');
  expect(res.status).toBe(200);
  const line = res.text.split('\n').find((l) => l.startsWith(`${name}{${label}="${value}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}
const rejected = (reason: string) => counter('erasure_webhook_rejected_total', 'reason', reason);

/** Sends a delivery that must be refused, and checks its status, its problem code, that nothing was stored and that it was counted. */
async function expectRefused(delivery: Delivery, status: number, reason: string, code?: string) {
  const before = await storedRows();
  const countedBefore = await rejected(reason);
  const res = await deliver(delivery);
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  if (code) expect(res.body.code).toBe(code);
  expect(res.body.detail).toEqual(expect.any(String));
  expect(await storedRows()).toEqual(before);
  expect(await rejected(reason)).toBe(countedBefore + 1);
  return res;
}

test('a signed post.created event is accepted with 202, recorded once with its job, and counted by type', async () => {
  const id = newEventId();
  const before = await counter('erasure_webhook_events_total', 'type', 'post.created');
  const res = await deliver({ body: JSON.stringify({ id, type: 'post.created', occurredAt: '2026-11-27T05:00:00Z', data: { postId: '1001' } }) });
  expect(res.status).toBe(202);
  expect(res.body).toEqual({ id, status: 'accepted' });
  const [row] = await world.database.db.select().from(forumEvents).where(eq(forumEvents.id, id));
  expect(row).toMatchObject({ type: 'post.created', postId: '1001', userId: null, detailsBox: null });
  const jobs = await world.database.db.select().from(outbox).where(eq(outbox.job, 'forum.event'));
  expect(jobs.filter((j) => (j.payload as { eventId: string }).eventId === id)).toHaveLength(1);
  expect(await counter('erasure_webhook_events_total', 'type', 'post.created')).toBe(before + 1);
});

test('an unsigned event is refused with 401 and counted as unsigned', async () => {
  const res = await expectRefused({ body: eventBody(), signature: null }, 401, 'unsigned', 'signature_missing');
  expect(res.body.detail).toContain('Erasure-Signature');
});

test('an event signed with another secret is refused with 401 and counted as a bad signature', async () => {
  const body = eventBody();
  await expectRefused({ body, signature: signWebhook('another-secret-that-the-forum-should-not-use', body, world.clock.now()) }, 401, 'bad_signature', 'signature_mismatch');
});

test('a signature over a different body is refused: the body was changed on the way', async () => {
  const signature = signWebhook(secret, eventBody(), world.clock.now());
  await expectRefused({ body: eventBody(), signature }, 401, 'bad_signature', 'signature_mismatch');
});

test('a signature header that is not t=…,v1=… is refused with 401 and counted as a bad signature', async () => {
  await expectRefused({ body: eventBody(), signature: 'sha256=abc' }, 401, 'bad_signature', 'signature_malformed');
});

test('an old delivery replayed after the five-minute window is refused with 401 saying the signature expired', async () => {
  const body = eventBody();
  const sixMinutesAgo = new Date(world.clock.now().getTime() - 6 * 60_000);
  const res = await expectRefused({ body, signature: signWebhook(secret, body, sixMinutesAgo) }, 401, 'expired', 'signature_expired');
  expect(res.body.detail).toMatch(/5 minutes/);
});

test('a signature from the future beyond the window is refused too: the clocks disagree', async () => {
  const body = eventBody();
  await expectRefused({ body, signature: signWebhook(secret, body, new Date(world.clock.now().getTime() + 6 * 60_000)) }, 401, 'expired', 'signature_expired');
});

test('the same event id delivered again is answered as a duplicate and does nothing more', async () => {
  const body = eventBody();
  expect((await deliver({ body })).status).toBe(202);
  const before = await storedRows();
  const countedBefore = await rejected('duplicate');
  // Signed afresh, as a forum retrying a delivery would: the event id alone makes it a duplicate.
  const again = await deliver({ body });
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ status: 'duplicate' });
  expect(await storedRows()).toEqual(before);
  expect(await rejected('duplicate')).toBe(countedBefore + 1);
});

test('two deliveries of the same event arriving together record it once', async () => {
  const id = newEventId();
  const body = JSON.stringify({ id, type: 'post.edited', data: { postId: '2002' } });
  const answers = await Promise.all([deliver({ body }), deliver({ body }), deliver({ body })]);
  expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 202]);
  expect(await world.database.db.select().from(forumEvents).where(eq(forumEvents.id, id))).toHaveLength(1);
  const jobs = await world.database.db.select().from(outbox).where(eq(outbox.job, 'forum.event'));
  expect(jobs.filter((j) => (j.payload as { eventId: string }).eventId === id)).toHaveLength(1);
});

test('a body over 64 kB is refused with 413 and counted as oversized', async () => {
  const body = JSON.stringify({ id: newEventId(), type: 'pii.reported', data: { postId: '1', note: 'x'.repeat(70 * 1024) } });
  const res = await expectRefused({ body }, 413, 'oversized', 'body_too_large');
  expect(res.body.detail).toContain('64 kB');
});

test('a body that is not JSON is refused with 400 and counted as malformed', async () => {
  await expectRefused({ body: '{"id": "evt-1", "type": ' }, 400, 'malformed', 'malformed_json');
});

test('an event of an unknown type is refused with 400 naming the field and the types accepted', async () => {
  const res = await expectRefused({ body: eventBody({ type: 'post.liked' }) }, 400, 'invalid', 'validation_failed');
  expect(res.body.errors).toContainEqual({ field: 'type', message: expect.stringContaining('pii.reported') });
});

test('an event whose data does not fit its type is refused with 400 saying which field to fix', async () => {
  const res = await expectRefused({ body: eventBody({ type: 'user.deleted', data: { postId: '12' } }) }, 400, 'invalid', 'validation_failed');
  const fields = res.body.errors.map((e: { field: string }) => e.field);
  expect(fields).toEqual(expect.arrayContaining(['data.userId', 'data.postId']));
});

test('an event with fields the schema does not know, or a bad reporter address, is refused with 400', async () => {
  await expectRefused({ body: eventBody({ extra: true }) }, 400, 'invalid', 'validation_failed');
  const res = await expectRefused({ body: eventBody({ type: 'pii.reported', data: { postId: '12', reporter: { email: 'not an address' } } }) }, 400, 'invalid');
  expect(res.body.errors).toContainEqual({ field: 'data.reporter.email', message: expect.stringContaining('email address') });
});

test('an event sent as a form rather than JSON is refused with 415 and counted', async () => {
  await expectRefused({ body: 'id=1&type=post.created', contentType: 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type', 'unsupported_media_type');
});

test('/metrics lists every refusal reason from the start, in the Prometheus text format', async () => {
  const res = await request(world.server).get('/metrics');
  expect(res.headers['content-type']).toMatch(/text\/plain/);
  for (const reason of ['unsigned', 'bad_signature', 'expired', 'malformed', 'invalid', 'oversized', 'unsupported_media_type', 'duplicate']) {
    expect(res.text).toContain(`erasure_webhook_rejected_total{reason="${reason}"}`);
  }
  expect(res.text).toContain('# TYPE erasure_webhook_events_total counter');
});

test('the OpenAPI document describes the webhook, every event type and every answer, and the public request API', async () => {
  const res = await request(world.server).get('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  const doc = res.body;
  expect(doc.openapi).toMatch(/^3\.1/);
  const webhook = doc.paths[path].post;
  expect(Object.keys(webhook.responses).sort()).toEqual(['200', '202', '400', '401', '413', '415', '503']);
  const mapping = doc.components.schemas.ForumEvent.discriminator.mapping;
  expect(Object.keys(mapping).sort()).toEqual(['pii.reported', 'post.created', 'post.deleted', 'post.edited', 'user.deleted']);
  for (const ref of Object.values(mapping) as string[]) {
    const schema = doc.components.schemas[ref.replace('#/components/schemas/', '')];
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'type', 'data']));
  }
  expect(doc.components.schemas.ForumEvent_pii_reported.properties.data.properties.note.maxLength).toBe(2000);
  expect(doc.paths['/api/v1/requests'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/NewRequest');
  expect(doc.components.schemas.NewRequest.required).toEqual(expect.arrayContaining(['email', 'posts', 'scope', 'relationship', 'consent']));
  expect(doc.paths['/api/v1/requests/{id}'].get.responses['200']).toBeDefined();
});

test('without FORUM_WEBHOOK_SECRET the endpoint accepts nothing and says what to set', async () => {
  // The running app's webhook routes, built without the secret, as an operator who has not configured it would run them.
  const app = express().use(webhookRoutes({ ...world.runtime.appDeps, forumWebhookSecret: undefined }));
  const before = await storedRows();
  const body = eventBody();
  const res = await request(app).post(path).set('Content-Type', 'application/json').set('Erasure-Signature', signWebhook(secret, body, world.clock.now())).send(body);
  expect(res.status).toBe(503);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body.detail).toContain('FORUM_WEBHOOK_SECRET');
  expect(await storedRows()).toEqual(before);
});
