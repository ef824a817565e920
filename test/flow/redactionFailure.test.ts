// A redaction that keeps failing is not retried forever: after REDACT_MAX_ATTEMPTS the request waits in
// needs_attention for a moderator, the post is left as it was, and the moderator can retry.
import request from 'supertest';
import { eq, sql } from 'drizzle-orm';
import { startWorld, type World } from '../support/world';
import { findings } from '../../src/store/schema';
import { rowsOf } from '../../src/forum/postgres/rows';

let world: World;

beforeAll(async () => {
  world = await startWorld({ REDACT_MAX_ATTEMPTS: '1' });
});
afterAll(async () => {
  await world?.close();
});

test('when the findings no longer match the post, the request goes to needs_attention and the post is untouched', async () => {
  const body = 'Write to paul.verlaine@example.org for the poetry swap.';
  const postId = await world.addPost(body);
  const submitted = await request(world.server)
    .post('/api/v1/requests')
    .send({ email: 'paul.verlaine@example.org', posts: [postId], scope: 'all', relationship: 'author', consent: true });
  const id = submitted.body.id as string;
  await world.verifyFromEmail('paul.verlaine@example.org', id);
  // A stored finding that does not describe the reviewed text: the worker must refuse to guess.
  await world.database.db.update(findings).set({ textHash: 'not-the-hash' }).where(eq(findings.requestId, id));
  const auth = { Authorization: `Bearer ${world.moderatorToken}` };
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(auth).send({}).expect(202);
  await world.waitForState(id, 'needs_attention');
  const [row] = rowsOf(await world.database.db.execute(sql`SELECT body_raw FROM forum.posts WHERE id = ${postId}`));
  expect(row?.body_raw).toBe(body);
  const trail = await request(world.server).get(`/api/v1/moderation/requests/${id}/audit`).set(auth);
  expect(trail.body.entries.map((e: { action: string }) => e.action)).toContain('redaction_failed');
  // The moderator asks for the post to be located again; it comes back to review with fresh findings.
  await request(world.server).post(`/api/v1/moderation/requests/${id}/retry`).set(auth).send({ step: 'locate' }).expect(202);
  await world.waitForState(id, 'awaiting_review');
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(auth).send({}).expect(202);
  await world.waitForState(id, 'completed');
  const [after] = rowsOf(await world.database.db.execute(sql`SELECT body_raw FROM forum.posts WHERE id = ${postId}`));
  expect(after?.body_raw).toBe('Write to [email removed] for the poetry swap.');
});
