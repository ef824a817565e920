// The webhooks page and API are for admins only, validate what they are given, and, with no FORUM_WEBHOOK_URL,
// a completed redaction records no webhook at all.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { sql } from 'drizzle-orm';
import { hiddenValue, signInAs } from '../support/consoleSession';
import { startWorld, type World } from '../support/world';
import { createApiToken } from '../../src/store/apiTokens';
import { randomIds } from '../../src/domain/clockAndIds';
import { rowsOf } from '../../src/forum/postgres/rows';

let world: World;
jest.setTimeout(120_000);
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.close());

const adminToken = async () => (await createApiToken({ db: world.database.db, clock: world.clock, ids: randomIds }, { name: 'admin', role: 'admin' })).token;

test('a moderator is refused the webhooks page and API, and sees no link to them; an admin gets both', async () => {
  await request(world.server).get('/console/webhooks').set('Accept', 'text/html').expect(401);
  const moderator = await signInAs(world, 'moderator');
  const refused = await moderator.agent.get('/console/webhooks').set('Accept', 'text/html').expect(403);
  expect(refused.text).toContain('Only an admin may do this');
  expect((await moderator.agent.get('/console').expect(200)).text).not.toContain('href="/console/webhooks"');

  await request(world.server).get('/api/v1/admin/webhook-deliveries').expect(401);
  const api = await request(world.server).get('/api/v1/admin/webhook-deliveries').set('Authorization', `Bearer ${world.moderatorToken}`).expect(403);
  expect(api.headers['content-type']).toContain('application/problem+json');
  expect(api.body.code).toBe('admin_only');

  const admin = await signInAs(world, 'admin');
  expect((await admin.agent.get('/console').expect(200)).text).toContain('href="/console/webhooks"');
  const page = await admin.agent.get('/console/webhooks').expect(200);
  expect(page.text).toContain('FORUM_WEBHOOK_URL is not set');
  const french = await admin.agent.get('/console/webhooks?lang=fr').set('Accept-Language', 'fr').expect(200);
  expect(french.text).toContain('Webhooks envoyés au forum');
  const list = await request(world.server).get('/api/v1/admin/webhook-deliveries').set('Authorization', `Bearer ${await adminToken()}`).expect(200);
  expect(list.body).toEqual({ deliveries: [], limit: 50, offset: 0 });
});

test('bad filters and unknown deliveries get a 4xx that says what to fix, and nothing is sent', async () => {
  const token = await adminToken();
  const bad = await request(world.server).get('/api/v1/admin/webhook-deliveries?status=lost&limit=0').set('Authorization', `Bearer ${token}`).expect(400);
  expect(bad.headers['content-type']).toContain('application/problem+json');
  expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['limit', 'status']);
  const extra = await request(world.server).get('/api/v1/admin/webhook-deliveries?colour=red').set('Authorization', `Bearer ${token}`).expect(400);
  expect(extra.body.code).toBe('validation_failed');

  const admin = await signInAs(world, 'admin');
  const badPage = await admin.agent.get('/console/webhooks?status=lost').expect(400);
  expect(badPage.text).toContain('status must be one of pending, delivered, failed');
  const csrf = hiddenValue(badPage.text, '_csrf');
  await admin.agent.post(`/console/webhooks/${randomUUID()}/resend`).type('form').send({}).expect(403);
  const unknown = await admin.agent.post(`/console/webhooks/${randomUUID()}/resend`).type('form').send({ _csrf: csrf }).expect(404);
  expect(unknown.text).toContain('no such webhook delivery');
  await admin.agent.post('/console/webhooks/not-an-id/resend').type('form').send({ _csrf: csrf }).expect(404);
  const moderator = await signInAs(world, 'moderator');
  await moderator.agent.post(`/console/webhooks/${randomUUID()}/resend`).type('form').send({ _csrf: moderator.csrf }).expect(403);
});

test('with FORUM_WEBHOOK_URL unset, a completed redaction writes no delivery and no delivery job', async () => {
  const postId = await world.addPost('Reach Paul Girard at paul.girard@example.org for the keys.');
  const submitted = await request(world.server)
    .post('/api/v1/requests')
    .send({ email: 'paul.girard@example.org', name: 'Paul Girard', identifiers: { phones: [], usernames: [] }, posts: [postId], scope: 'all', relationship: 'author', consent: true })
    .expect(202);
  const id = submitted.body.id as string;
  await world.verifyFromEmail('paul.girard@example.org', id);
  const moderator = { Authorization: `Bearer ${world.moderatorToken}` };
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(moderator).send({}).expect(202);
  await world.waitForState(id, 'completed');
  const [posts] = rowsOf(await world.database.db.execute(sql`SELECT count(*)::int AS n FROM request_posts WHERE request_id = ${id} AND status = 'redacted'`)) as { n: number }[];
  expect(posts?.n).toBe(1);
  const [deliveries] = rowsOf(await world.database.db.execute(sql`SELECT count(*)::int AS n FROM webhook_deliveries`)) as { n: number }[];
  const [jobs] = rowsOf(await world.database.db.execute(sql`SELECT count(*)::int AS n FROM outbox WHERE job = 'webhook.deliver'`)) as { n: number }[];
  expect(deliveries?.n).toBe(0);
  expect(jobs?.n).toBe(0);
});
