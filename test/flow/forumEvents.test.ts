// What the forum's webhooks do, through HTTP on the real database, Redis and SMTP server: an edited post sends the
// requests reviewing it back to be located, a deleted post is no longer found, a user's PII report opens a
// third-party request that moderators see, and every new or edited post goes through the removed-identifier check.
import request from 'supertest';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { startWorld, type World } from '../support/world';
import { signWebhook } from '../../src/forum/webhookSignature';
import { forumEvents, mails, outbox, requestPosts, requests } from '../../src/store/schema';
import { readAudit, verifyAuditChain } from '../../src/store/auditTrail';

const secret = 'a-forum-webhook-secret-of-at-least-32-characters';
let world: World;
let sequence = 0;
/** The post ids the removed-identifier check was asked about, in order. */
const rechecked: string[] = [];

beforeAll(async () => {
  world = await startWorld({ FORUM_WEBHOOK_SECRET: secret });
  // The workers read their dependencies when a job runs: this stands in for the removed-identifier check.
  world.runtime.workerDeps.recheckPost = async (postId) => {
    rechecked.push(postId);
    return 'no_match';
  };
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const moderator = () => ({ Authorization: `Bearer ${world.moderatorToken}` });
const requester = { email: 'lea.martin@example.org', name: 'Léa Martin' };

async function sendEvent(type: string, data: Record<string, unknown>): Promise<string> {
  const id = `evt-flow-${Date.now()}-${(sequence += 1)}`;
  const body = JSON.stringify({ id, type, data });
  const res = await request(world.server)
    .post('/api/v1/webhooks/forum')
    .set('Content-Type', 'application/json')
    .set('Erasure-Signature', signWebhook(secret, body, world.clock.now()))
    .send(body);
  expect(res.status).toBe(202);
  return id;
}

async function waitHandled(eventId: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [row] = await world.database.db.select().from(forumEvents).where(eq(forumEvents.id, eventId));
    if (row?.handledAt) return row.outcome ?? '';
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`forum event ${eventId} was never handled`);
}

async function submitAndVerify(postId: string): Promise<string> {
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email: requester.email, name: requester.name, posts: [postId], scope: 'all', relationship: 'author', consent: true });
  expect(res.status).toBe(202);
  await world.verifyFromEmail(requester.email, res.body.id);
  return res.body.id as string;
}

async function editPost(postId: string, body: string): Promise<void> {
  await world.database.db.execute(sql`UPDATE forum.posts SET body_raw = ${body}, body_html = ${`<p>${body}</p>`}, updated_at = now() WHERE id = ${postId}`);
}

async function requestPost(requestId: string, postId: string) {
  const [row] = await world.database.db.select().from(requestPosts).where(and(eq(requestPosts.requestId, requestId), eq(requestPosts.postId, postId)));
  return row;
}

test('a post edited while its request awaits review is located again, back in review with the new text, and rechecked', async () => {
  const postId = await world.addPost('Léa Martin sells her bike, write to lea.martin@example.org');
  const id = await submitAndVerify(postId);
  const reviewedHash = (await requestPost(id, postId))?.reviewedHash;

  await editPost(postId, 'Léa Martin sells her bike, call her on 06 11 22 33 44 or write to lea.martin@example.org');
  const outcome = await waitHandled(await sendEvent('post.edited', { postId }));
  expect(outcome).toMatch(/^relocated:1;no_match$/);
  await world.waitForState(id, 'awaiting_review');

  const row = await requestPost(id, postId);
  expect(row?.reviewedHash).not.toBe(reviewedHash);
  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  expect(review.body.posts[0].changedSinceReview).toBe(false);
  expect(review.body.posts[0].findings.map((f: { type: string }) => f.type)).toContain('phone');
  const actions = (await readAudit(world.database.db, id)).map((entry) => entry.action);
  expect(actions.slice(-2)).toEqual(['post_changed', 'located']);
  expect(await verifyAuditChain(world.database.db, id)).toBeNull();
  expect(rechecked).toContain(postId);
});

test('an edit that leaves the post as reviewed sends nothing back, and a new post is only rechecked', async () => {
  const postId = await world.addPost('Léa Martin asked about the meetup: lea.martin@example.org');
  const id = await submitAndVerify(postId);
  const before = (await readAudit(world.database.db, id)).length;
  expect(await waitHandled(await sendEvent('post.edited', { postId }))).toBe('no_match');
  expect((await getState(id)).state).toBe('awaiting_review');
  expect(await readAudit(world.database.db, id)).toHaveLength(before);

  const created = await world.addPost('A brand new post about tomatoes.');
  expect(await waitHandled(await sendEvent('post.created', { postId: created }))).toBe('no_match');
  expect(rechecked).toContain(created);
});

test('a post the forum deleted is marked not found in open requests, with an audit entry', async () => {
  const postId = await world.addPost('Léa Martin: lea.martin@example.org, see you Saturday');
  const id = await submitAndVerify(postId);
  await world.database.db.execute(sql`DELETE FROM forum.posts WHERE id = ${postId}`);
  expect(await waitHandled(await sendEvent('post.deleted', { postId }))).toBe('not_found:1');

  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  expect(review.body.posts[0]).toMatchObject({ id: postId, status: 'not_found', post: null });
  expect(review.body.state).toBe('awaiting_review');
  const trail = await readAudit(world.database.db, id);
  expect(trail.at(-1)).toMatchObject({ actor: 'forum', action: 'post_deleted', data: { postId } });
  expect(await verifyAuditChain(world.database.db, id)).toBeNull();
});

test('a deleted user is recorded and leaves open requests as they are', async () => {
  const postId = await world.addPost('Léa Martin wrote this: lea.martin@example.org', { author: 'lea' });
  const id = await submitAndVerify(postId);
  const before = await readAudit(world.database.db, id);
  expect(await waitHandled(await sendEvent('user.deleted', { userId: 'lea' }))).toBe('recorded');
  expect((await getState(id)).state).toBe('awaiting_review');
  expect(await readAudit(world.database.db, id)).toHaveLength(before.length);
});

test("a user's PII report opens a third-party request that moderators find in review, with the note, and the reporter is emailed", async () => {
  const postId = await world.addPost('My neighbour Paul Girard lives at 12 rue des Lilas, 75011 Paris, his phone is 06 98 76 54 32');
  const note = 'This post gives my neighbour\'s home address and phone number.';
  const eventId = await sendEvent('pii.reported', { postId, reporter: { email: 'reporter@example.org', name: 'Sam Reporter' }, note, types: ['address', 'phone'] });
  expect(await waitHandled(eventId)).toBe('review_opened');

  const [opened] = await world.database.db.select().from(requests).where(eq(requests.relationship, 'third_party'));
  expect(opened).toBeDefined();
  const id = opened?.id as string;
  await world.waitForState(id, 'awaiting_review');
  const list = await request(world.server).get('/api/v1/moderation/requests').query({ state: 'awaiting_review' }).set(moderator());
  expect(list.status).toBe(200);
  expect(list.body.requests).toContainEqual(expect.objectContaining({ id, relationship: 'third_party', state: 'awaiting_review' }));

  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  expect(review.status).toBe(200);
  expect(review.body.details).toBe(note);
  expect(review.body.requester.email).toBe('reporter@example.org');
  expect(review.body.posts[0]).toMatchObject({ id: postId, status: 'located' });
  expect(review.body.posts[0].findings.map((f: { type: string }) => f.type)).toContain('phone');
  const [first] = await readAudit(world.database.db, id);
  expect(first).toMatchObject({ actor: 'forum', action: 'reported', data: { forumEvent: eventId, types: ['address', 'phone'] } });
  // The note and the reporter are kept sealed, never in clear in the event row.
  const [event] = await world.database.db.select().from(forumEvents).where(eq(forumEvents.id, eventId));
  expect(event?.detailsBox).not.toContain('reporter@example.org');
  expect(event?.detailsBox).not.toContain('neighbour');

  const mail = await world.waitForMail('reporter@example.org', /./, [`/status/${id}`]);
  expect(mail.text).not.toContain('/verify/');

  // A second report of the same post joins the open request rather than opening another.
  const again = await sendEvent('pii.reported', { postId, types: ['address'] });
  expect(await waitHandled(again)).toBe('already_under_review');
  expect(await world.database.db.select().from(requests).where(eq(requests.relationship, 'third_party'))).toHaveLength(1);
  expect((await readAudit(world.database.db, id)).at(-1)).toMatchObject({ action: 'reported_again', data: { forumEvent: again } });
});

test('a report without an address opens a request for review and emails nobody, even when it is refused', async () => {
  const postId = await world.addPost('Call Nina Roux at 07 12 34 56 78 after 6pm');
  const eventId = await sendEvent('pii.reported', { postId, note: 'Phone number of a member posted without asking her.' });
  expect(await waitHandled(eventId)).toBe('review_opened');
  const [opened] = await world.database.db.select().from(requests).where(and(eq(requests.relationship, 'third_party'), sql`${requests.id} IN (SELECT request_id FROM request_posts WHERE post_id = ${postId})`));
  const id = opened?.id as string;
  await world.waitForState(id, 'awaiting_review');
  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  expect(review.status).toBe(200);
  expect(review.body.requester.email).toBeNull();
  expect(review.body.details).toBe('Phone number of a member posted without asking her.');

  await request(world.server).post(`/api/v1/moderation/requests/${id}/refuse`).set(moderator()).send({ reason: 'no_personal_info' }).expect(200);
  await world.waitForState(id, 'refused');
  // The refusal's mail job ran and found nobody to write to: no mail was rendered for this request.
  await waitForOutboxDone();
  expect(await world.database.db.select().from(mails).where(eq(mails.requestId, id))).toHaveLength(0);
});

test('a report of a post that does not exist opens nothing', async () => {
  const eventId = await sendEvent('pii.reported', { postId: '987654321', note: 'gone already?' });
  expect(await waitHandled(eventId)).toBe('post_not_found');
  expect(await world.database.db.select().from(requestPosts).where(eq(requestPosts.postId, '987654321'))).toHaveLength(0);
});

async function getState(id: string) {
  const [row] = await world.database.db.select({ state: requests.state }).from(requests).where(eq(requests.id, id));
  if (!row) throw new Error(`request ${id} is gone`);
  return row;
}

/** Every outbox row relayed and done: the jobs a transition implied have all run. */
async function waitForOutboxDone(timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [pending] = await world.database.db.select({ n: count() }).from(outbox).where(isNull(outbox.doneAt));
    if (Number(pending?.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('outbox rows stayed pending');
}
