// Four eyes: approved findings about other people wait for a second, different moderator before anything is
// rewritten. Through the moderation API, on the real database, Redis and SMTP server.
import request from 'supertest';
import { sql } from 'drizzle-orm';
import { linkPath, startWorld, type World } from '../support/world';
import { createApiToken } from '../../src/store/apiTokens';
import { readAudit, verifyAuditChain } from '../../src/store/auditTrail';
import { getRequest } from '../../src/store/requestRecords';
import { randomIds } from '../../src/domain/clockAndIds';
import { rowsOf } from '../../src/forum/postgres/rows';

const requester = { email: 'marie.dupont@example.fr', name: 'Marie Dupont' };
// The requester's email is hers; her brother's name and phone number are someone else's information.
const mixedPost = 'Selling my bike: write to marie.dupont@example.fr. If I am away, call my brother Paul Martin on 07 98 76 54 32.';

let world: World;
let first: { Authorization: string };
let second: { Authorization: string };

beforeAll(async () => {
  world = await startWorld();
  first = { Authorization: `Bearer ${world.moderatorToken}` };
  const { token } = await createApiToken({ db: world.database.db, clock: world.clock, ids: randomIds }, { name: 'second moderator', role: 'moderator' });
  second = { Authorization: `Bearer ${token}` };
});
afterAll(async () => {
  await world?.close();
});

async function reviewedRequest(w: World, body: string): Promise<{ id: string; postId: string; statusUrl: string; findings: { id: string; type: string; owner: string }[] }> {
  const postId = await w.addPost(body);
  const res = await request(w.server)
    .post('/api/v1/requests')
    .send({ email: requester.email, name: requester.name, posts: [postId], scope: 'all', relationship: 'author', consent: true });
  expect(res.status).toBe(202);
  const { id, statusUrl } = res.body as { id: string; statusUrl: string };
  await w.verifyFromEmail(requester.email, id);
  const review = await request(w.server).get(`/api/v1/moderation/requests/${id}`).set({ Authorization: `Bearer ${w.moderatorToken}` });
  return { id, postId, statusUrl, findings: review.body.posts[0].findings };
}

async function postBody(w: World, postId: string): Promise<string> {
  const [row] = rowsOf(await w.database.db.execute(sql`SELECT body_raw FROM forum.posts WHERE id = ${postId}`)) as { body_raw: string }[];
  return row?.body_raw ?? '';
}

async function redactJobsOf(w: World, requestId: string): Promise<number> {
  const rows = rowsOf(await w.database.db.execute(sql`SELECT id FROM outbox WHERE job = 'request.redact' AND payload->>'requestId' = ${requestId}`));
  return rows.length;
}

test('approving someone else\'s information waits for a second moderator, who must be a different one and confirm the same findings', async () => {
  const { id, postId, findings } = await reviewedRequest(world, mixedPost);
  expect(findings.filter((f) => f.owner !== 'requester').map((f) => f.type)).toEqual(expect.arrayContaining(['person', 'phone']));

  const approval = await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(first).send({});
  expect(approval.status).toBe(200);
  expect(approval.body).toEqual({ id, state: 'awaiting_second_approval' });
  const waiting = await getRequest(world.database.db, id);
  expect(waiting).toMatchObject({ state: 'awaiting_second_approval', firstApprover: expect.stringMatching(/^moderator:/) });
  expect(waiting?.firstApprovedAt).toBeInstanceOf(Date);
  expect(await redactJobsOf(world, id)).toBe(0);
  expect(await postBody(world, postId)).toBe(mixedPost);

  const again = await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(first).send({});
  expect(again.status).toBe(409);
  expect(again.body).toMatchObject({ code: 'invalid_transition', detail: expect.stringMatching(/a different moderator must give the second/) });

  // The second moderator confirms the set as it was approved, or nothing: another set is refused, not re-approved.
  const fewer = await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(second).send({ findings: [findings[0]?.id] });
  expect(fewer.status).toBe(400);
  expect(fewer.body.errors).toEqual([{ field: 'findings', message: expect.stringMatching(/exactly the 3 findings the first moderator approved/) }]);
  expect((await getRequest(world.database.db, id))?.state).toBe('awaiting_second_approval');

  const confirmed = await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(second).send({ findings: findings.map((f) => f.id) });
  expect(confirmed.status).toBe(202);
  expect(confirmed.body).toEqual({ id, state: 'redacting' });
  await world.waitForState(id, 'completed');
  expect(await postBody(world, postId)).toBe('Selling my bike: write to [email removed]. If I am away, call my brother [name removed] on [phone removed].');

  const trail = await readAudit(world.database.db, id);
  const approvals = trail.filter((e) => e.action.startsWith('approve'));
  expect(approvals.map((e) => [e.action, e.data])).toEqual([
    ['approve_first', { from: 'awaiting_review', to: 'awaiting_second_approval', approved: 3, of: 3, thirdParty: 2 }],
    ['approve_second', { from: 'awaiting_second_approval', to: 'redacting', firstApprover: approvals[0]?.actor }],
  ]);
  expect(approvals[0]?.actor).toBe(waiting?.firstApprover);
  expect(approvals[1]?.actor).toMatch(/^moderator:/);
  expect(approvals[1]?.actor).not.toBe(approvals[0]?.actor);
  expect(await verifyAuditChain(world.database.db, id)).toBeNull();
});

test('approving only the requester\'s own information goes straight to redaction', async () => {
  const { id, postId, findings } = await reviewedRequest(world, mixedPost);
  const hers = findings.filter((f) => f.owner === 'requester').map((f) => f.id);
  expect(hers).toHaveLength(1);
  const approval = await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(first).send({ findings: hers });
  expect(approval.status).toBe(202);
  expect(approval.body).toEqual({ id, state: 'redacting' });
  await world.waitForState(id, 'completed');
  expect(await postBody(world, postId)).toBe('Selling my bike: write to [email removed]. If I am away, call my brother Paul Martin on 07 98 76 54 32.');
  expect((await getRequest(world.database.db, id))?.firstApprover).toBeNull();
});

test('a request waiting for its second approval tells the requester so, and can be withdrawn', async () => {
  const { id, statusUrl } = await reviewedRequest(world, mixedPost);
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(first).send({}).expect(200);
  const path = linkPath(statusUrl, `/status/${id}`);
  const page = await request(world.server).get(path);
  expect(page.status).toBe(200);
  expect(page.text).toContain('approved by a moderator, waiting for a second one to confirm');
  const status = await request(world.server).get(path.replace('/status/', '/api/v1/requests/'));
  expect(status.body).toMatchObject({ state: 'awaiting_second_approval', canWithdraw: true });
  const withdrawn = await request(world.server).post(path.replace('/status/', '/api/v1/requests/').replace('?', '/withdraw?'));
  expect(withdrawn.status).toBe(200);
  expect(withdrawn.body.state).toBe('withdrawn');
  expect(await redactJobsOf(world, id)).toBe(0);
});

test('the second moderator may refuse instead of confirming', async () => {
  const { id, postId } = await reviewedRequest(world, mixedPost);
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(first).send({}).expect(200);
  const refusal = await request(world.server).post(`/api/v1/moderation/requests/${id}/refuse`).set(second).send({ reason: 'not_requesters_info', message: 'Your brother must ask himself.' });
  expect(refusal.status).toBe(200);
  await world.waitForMail(requester.email, /could not/i, ['Your brother must ask himself.']);
  expect((await getRequest(world.database.db, id))?.state).toBe('refused');
  expect(await postBody(world, postId)).toBe(mixedPost);
});

test('a question from the second moderator reopens the review: after the answer, approval starts over', async () => {
  const { id, statusUrl } = await reviewedRequest(world, mixedPost);
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(first).send({}).expect(200);
  await request(world.server).post(`/api/v1/moderation/requests/${id}/ask`).set(second).send({ question: 'Does your brother agree to this?' }).expect(200);
  expect(await getRequest(world.database.db, id)).toMatchObject({ state: 'needs_info', firstApprover: null, firstApprovedAt: null });
  const answerPath = linkPath(statusUrl, `/status/${id}`).replace('/status/', '/api/v1/requests/').replace('?', '/answer?');
  await request(world.server).post(answerPath).send({ answer: 'Yes, he asked me to.' }).expect(200);
  // The first moderator approved before the question; their approval now counts as a new first one.
  const again = await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(first).send({});
  expect(again.body).toEqual({ id, state: 'awaiting_second_approval' });
});

describe('with FOUR_EYES=false', () => {
  let single: World;
  beforeAll(async () => {
    single = await startWorld({ FOUR_EYES: 'false' });
  });
  afterAll(async () => {
    await single?.close();
  });

  test('one moderator\'s approval of someone else\'s information goes straight to redaction', async () => {
    const { id, postId, findings } = await reviewedRequest(single, mixedPost);
    expect(findings.some((f) => f.owner !== 'requester')).toBe(true);
    const approval = await request(single.server).post(`/api/v1/moderation/requests/${id}/approve`).set({ Authorization: `Bearer ${single.moderatorToken}` }).send({});
    expect(approval.status).toBe(202);
    expect(approval.body).toEqual({ id, state: 'redacting' });
    await single.waitForState(id, 'completed');
    expect(await postBody(single, postId)).toBe('Selling my bike: write to [email removed]. If I am away, call my brother [name removed] on [phone removed].');
  });
});
