// A parent or guardian's request about a child under 13: due in 72 hours, ahead of every other request in the
// moderators' lists, said to be urgent in its emails, and its posts may be deleted whole. Through the HTTP API
// and the console, on the real database, Redis and SMTP server.
import request from 'supertest';
import { sql } from 'drizzle-orm';
import { startWorld, type World } from '../support/world';
import { signInAs } from '../support/consoleSession';
import { createApiToken } from '../../src/store/apiTokens';
import { readAudit, verifyAuditChain } from '../../src/store/auditTrail';
import { getRequest, postsOf } from '../../src/store/requestRecords';
import { randomIds } from '../../src/domain/clockAndIds';
import { rowsOf } from '../../src/forum/postgres/rows';

// Four whole flows on a machine shared with other test runs: more time than the default for the world to start.
jest.setTimeout(120_000);

let world: World;
let first: { Authorization: string };
let second: { Authorization: string };

// Adult requests are due in one day here: a child's (72 hours) comes first all the same, not by its deadline.
beforeAll(async () => {
  world = await startWorld({ REVIEW_DEADLINE_DAYS: '1' });
  first = { Authorization: `Bearer ${world.moderatorToken}` };
  const { token } = await createApiToken({ db: world.database.db, clock: world.clock, ids: randomIds }, { name: 'second moderator', role: 'moderator' });
  second = { Authorization: `Bearer ${token}` };
});
afterAll(async () => {
  await world?.close();
});

async function submit(email: string, postIds: string[], relationship: 'author' | 'guardian'): Promise<string> {
  const res = await request(world.server).post('/api/v1/requests').send({ email, posts: postIds, scope: 'all', relationship, consent: true });
  expect(res.status).toBe(202);
  return res.body.id as string;
}

async function forumRows(postId: string): Promise<{ posts: number; revisions: number; body: string | null }> {
  const posts = rowsOf(await world.database.db.execute(sql`SELECT body_raw FROM forum.posts WHERE id = ${postId}`)) as { body_raw: string }[];
  const revisions = rowsOf(await world.database.db.execute(sql`SELECT id FROM forum.post_revisions WHERE post_id = ${postId}`));
  return { posts: posts.length, revisions: revisions.length, body: posts[0]?.body_raw ?? null };
}

test('a guardian\'s request is due 72 hours after confirmation, listed before an older adult request, and its emails say it is urgent', async () => {
  const adultPost = await world.addPost('Anyone selling a bike? Write to adult.first@example.org');
  const adult = await submit('adult.first@example.org', [adultPost], 'author');
  await world.verifyFromEmail('adult.first@example.org', adult);

  const childPost = await world.addPost('Chloé loved the summer camp, write to guardian.lists@example.org for photos');
  const child = await submit('guardian.lists@example.org', [childPost], 'guardian');
  const verify = await world.waitForMail('guardian.lists@example.org', /confirm/i, [`/verify/${child}`]);
  expect(verify.text).toMatch(/urgent/);
  expect(verify.text).toContain('within 72 hours');
  expect(verify.text).toContain("delete the child's posts entirely");
  await world.verifyFromEmail('guardian.lists@example.org', child);

  const row = await getRequest(world.database.db, child);
  expect(row?.childUnder13).toBe(true);
  expect((row?.dueAt.getTime() ?? 0) - (row?.verifiedAt?.getTime() ?? 0)).toBe(72 * 3600_000);
  const adultRow = await getRequest(world.database.db, adult);
  expect(adultRow?.dueAt.getTime()).toBeLessThan(row?.dueAt.getTime() ?? 0);

  const received = await world.waitForMail('guardian.lists@example.org', /being reviewed/i, [`/status/${child}`]);
  expect(received.text).toContain('handled urgently');
  expect(received.text).toContain('within 72 hours');
  expect(received.html).toContain('within 72 hours');
  const adultReceived = await world.waitForMail('adult.first@example.org', /being reviewed/i, [`/status/${adult}`]);
  expect(adultReceived.text).not.toContain('72 hours');

  const list = await request(world.server).get('/api/v1/moderation/requests').set(first).expect(200);
  const ids = list.body.requests.map((r: { id: string }) => r.id);
  expect(ids.indexOf(child)).toBeGreaterThanOrEqual(0);
  expect(ids.indexOf(child)).toBeLessThan(ids.indexOf(adult));
  expect(list.body.requests.find((r: { id: string }) => r.id === child)).toMatchObject({ childUnder13: true, relationship: 'guardian' });

  const { agent } = await signInAs(world, 'moderator');
  const queue = await agent.get('/console').expect(200);
  expect(queue.text.indexOf(`data-request="${child}"`)).toBeGreaterThanOrEqual(0);
  expect(queue.text.indexOf(`data-request="${child}"`)).toBeLessThan(queue.text.indexOf(`data-request="${adult}"`));
  expect(queue.text).toContain('Child under 13 — urgent');
  // The request page offers deleting a post whole for the child's request only.
  expect((await agent.get(`/console/requests/${child}`).expect(200)).text).toContain('name="delete"');
  expect((await agent.get(`/console/requests/${adult}`).expect(200)).text).not.toContain('name="delete"');
});

test('a moderator deletes one of the child\'s posts whole and redacts the other; with four eyes, then the completed email counts both', async () => {
  const photos = 'Chloé turned 9 today! For the party photos call her dad on 07 98 76 54 32 or write to guardian.two@example.org';
  const toDelete = await world.addPost(photos, { revisions: [{ before: 'Chloé turned 9 today!', after: photos }] });
  const toRedact = await world.addPost('Lost a blue scarf at the park, write to guardian.two@example.org');
  // Another member quoted the child's post: the quote goes with it, the member's own words stay.
  const quoting = await world.addPost(`[quote="neighbour, post:1, topic:2"]\n${photos}\n[/quote]\nHappy birthday Chloé!`);
  const id = await submit('guardian.two@example.org', [toDelete, toRedact], 'guardian');
  await world.verifyFromEmail('guardian.two@example.org', id);
  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(first).expect(200);
  expect(review.body.childUnder13).toBe(true);
  // The father's phone number is someone else's information: four eyes apply to this approval.
  const deleted = review.body.posts.find((p: { id: string }) => p.id === toDelete);
  expect(deleted.findings.some((f: { owner: string }) => f.owner !== 'requester')).toBe(true);

  const approval = await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(first).send({ delete: [toDelete] });
  expect(approval.status).toBe(200);
  expect(approval.body.state).toBe('awaiting_second_approval');
  expect((await postsOf(world.database.db, id)).map((p) => [p.postId, p.action]).sort()).toEqual([[toDelete, 'delete'], [toRedact, 'redact']].sort());
  // Nothing is deleted before the second approval, and the first moderator cannot give it.
  expect((await forumRows(toDelete)).posts).toBe(1);
  const again = await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(first).send({});
  expect(again.status).toBe(409);
  // A second approval confirms the deletions as they are: it cannot add or drop one.
  const other = await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(second).send({ delete: [] });
  expect(other.status).toBe(400);
  expect(other.body.errors[0].field).toBe('delete');

  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(second).send({}).expect(202);
  await world.waitForState(id, 'completed');

  expect(await forumRows(toDelete)).toEqual({ posts: 0, revisions: 0, body: null });
  const redacted = await forumRows(toRedact);
  expect(redacted.body).toBe('Lost a blue scarf at the park, write to [email removed]');
  const quoted = (await forumRows(quoting)).body ?? '';
  expect(quoted).not.toContain('07 98 76 54 32');
  expect(quoted).not.toContain('turned 9 today');
  expect(quoted).toContain('Happy birthday Chloé!');
  expect((await postsOf(world.database.db, id)).map((p) => [p.postId, p.status]).sort()).toEqual(
    [[toDelete, 'deleted'], [toRedact, 'redacted'], [quoting, 'redacted']].sort(),
  );

  const done = await world.waitForMail('guardian.two@example.org', /removed/i, [`/status/${id}`]);
  expect(done.text).toContain('1 post deleted entirely and 1 post redacted');
  expect(done.text).toContain(`/demo/posts/${toDelete}`);
  expect(done.html).toContain('1 post deleted entirely');
  expect(done.text).not.toContain('07 98 76 54 32');

  const audit = await readAudit(world.database.db, id);
  expect(audit.find((e) => e.action === 'approve_first')?.data).toMatchObject({ deletePosts: [toDelete] });
  expect(await verifyAuditChain(world.database.db, id)).toBeNull();
});

test('deleting a post whole is refused for a request that is not a child\'s, and nothing is stored', async () => {
  const postId = await world.addPost('Selling my car, write to adult.refused@example.org');
  const id = await submit('adult.refused@example.org', [postId], 'author');
  await world.verifyFromEmail('adult.refused@example.org', id);
  const before = (await readAudit(world.database.db, id)).length;

  const res = await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(first).send({ delete: [postId] });
  expect(res.status).toBe(400);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body.errors).toEqual([{ field: 'delete', message: expect.stringContaining('only a request about a child under 13 may delete whole posts') }]);

  expect((await getRequest(world.database.db, id))?.state).toBe('awaiting_review');
  expect((await postsOf(world.database.db, id)).map((p) => p.action)).toEqual(['redact']);
  expect((await readAudit(world.database.db, id)).length).toBe(before);
  expect((await forumRows(postId)).posts).toBe(1);
});

test('a post of a child\'s request edited after review is not deleted: the request goes back to review', async () => {
  const postId = await world.addPost('Pool day photos are up, write to guardian.three@example.org');
  const id = await submit('guardian.three@example.org', [postId], 'guardian');
  await world.verifyFromEmail('guardian.three@example.org', id);
  const edited = 'Pool day photos are up, write to guardian.three@example.org, group B only';
  await world.database.db.execute(sql`UPDATE forum.posts SET body_raw = ${edited} WHERE id = ${postId}`);
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(first).send({ delete: [postId] }).expect(202);
  await world.waitForState(id, 'awaiting_review');
  expect((await forumRows(postId)).body).toBe(edited);
});

test('on the console, ticking "delete the whole post" on a child\'s request deletes it when approved', async () => {
  const postId = await world.addPost('Sports day results are up, write to guardian.four@example.org', { revisions: [{ before: 'Sports day!', after: 'Sports day results are up, write to guardian.four@example.org' }] });
  const id = await submit('guardian.four@example.org', [postId], 'guardian');
  await world.verifyFromEmail('guardian.four@example.org', id);
  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(first).expect(200);
  const { agent, csrf } = await signInAs(world, 'moderator');
  const form = new URLSearchParams({ _csrf: csrf, intent: 'approve', delete: postId });
  for (const f of review.body.posts[0].findings as { id: string }[]) form.append('findings', f.id);
  const res = await agent.post(`/console/requests/${id}/approve`).type('form').send(form.toString());
  expect(res.status).toBe(303);
  await world.waitForState(id, 'completed');
  expect(await forumRows(postId)).toEqual({ posts: 0, revisions: 0, body: null });
  expect((await agent.get(`/console/requests/${id}`).expect(200)).text).toContain('deleted whole');
});
