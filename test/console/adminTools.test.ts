// The admin tools wired into the app: bull-board's queue page for admins only, and the outbox page only when
// there is an outbox (mail sent by SMTP has none).
import request from 'supertest';
import { signInAs } from '../support/consoleSession';
import { startWorld, type World } from '../support/world';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());

test('the job queues page is for admins: 401 without a session, 403 for a moderator, the board for an admin', async () => {
  await request(world.server).get('/console/queues/').set('Accept', 'text/html').expect(401);
  const moderator = await signInAs(world, 'moderator');
  await moderator.agent.get('/console/queues/').set('Accept', 'text/html').expect(403);
  await moderator.agent.get('/console/queues/api/queues').set('Accept', 'application/json').expect(403);
  const admin = await signInAs(world, 'admin');
  const page = await admin.agent.get('/console/queues/').expect(200);
  expect(page.text).toContain('Erasure queues');
  const api = await admin.agent.get('/console/queues/api/queues').expect(200);
  expect((api.body.queues as { name: string }[]).map((q) => q.name).sort()).toEqual(['mail-send', 'maintenance', 'requests', 'webhooks']);
});

test('with mail sent by SMTP there is no outbox page', async () => {
  const admin = await signInAs(world, 'admin');
  await admin.agent.get('/console/outbox').expect(404);
});
