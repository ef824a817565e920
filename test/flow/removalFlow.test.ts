// The whole removal flow through the HTTP API, on the real database, Redis and SMTP server.
import request from 'supertest';
import { sql } from 'drizzle-orm';
import { startWorld, type World } from '../support/world';
import { verifyAuditChain } from '../../src/store/auditTrail';
import { applyRedactions } from '../../src/domain/applyRedactions';
import { rowsOf } from '../../src/forum/postgres/rows';

let world: World;

beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

const requester = { email: 'marie.dupont@example.fr', name: 'Marie Dupont', phone: '+33 6 12 34 56 78' };

async function postRow(id: string) {
  const [row] = rowsOf(await world.database.db.execute(sql`SELECT body_raw, body_html FROM forum.posts WHERE id = ${id}`)) as { body_raw: string; body_html: string }[];
  const revisions = rowsOf(await world.database.db.execute(sql`SELECT before_text, after_text FROM forum.post_revisions WHERE post_id = ${id} ORDER BY id`));
  if (!row) throw new Error(`post ${id} is gone`);
  return { body: row.body_raw, rendered: row.body_html, revisions: revisions as { before_text: string; after_text: string }[] };
}


async function submit(postIds: string[], extra: Record<string, unknown> = {}) {
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({
      email: requester.email,
      name: requester.name,
      identifiers: { phones: [requester.phone], usernames: [] },
      posts: postIds,
      scope: 'all',
      relationship: 'author',
      consent: true,
      ...extra,
    });
  expect(res.status).toBe(202);
  return res.body as { id: string; statusUrl: string };
}


const moderator = () => ({ Authorization: `Bearer ${world.moderatorToken}` });

test('a verified, approved request removes the email and phone from the post, its rendered copy and its revisions, and says so by email', async () => {
  const postId = await world.addPost('Selling my old bike, write to marie.dupont@example.fr or call 06 12 34 56 78. Thanks!', {
    revisions: [{ before: 'Selling my bike, call 06.12.34.56.78', after: 'Selling my old bike, write to marie.dupont@example.fr or call 06 12 34 56 78. Thanks!' }],
  });
  const { id, statusUrl } = await submit([postId]);
  expect(statusUrl).toContain(`/status/${id}?t=`);
  await world.verifyFromEmail(requester.email, id);

  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  expect(review.status).toBe(200);
  const post = review.body.posts[0];
  expect(post.post.body).toContain('marie.dupont@example.fr');
  const types = post.findings.map((f: { type: string }) => f.type);
  expect(types).toEqual(expect.arrayContaining(['email', 'phone']));

  const approve = await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(moderator()).send({});
  expect(approve.status).toBe(202);
  await world.waitForState(id, 'completed');

  const after = await postRow(postId);
  for (const text of [after.body, after.rendered, ...after.revisions.flatMap((r) => [r.before_text, r.after_text])]) {
    expect(text).not.toContain('marie.dupont@example.fr');
    expect(text).not.toMatch(/06[ .]?12[ .]?34[ .]?56[ .]?78/);
  }
  expect(after.body).toContain('[email removed]');
  expect(after.body).toContain('[phone removed]');
  expect(after.body).toContain('Selling my old bike');

  const done = await world.waitForMail(requester.email, /removed|completed|done/i, [`/status/${id}`]);
  expect(done.text).toContain(`/demo/posts/${postId}`);
  expect(done.text).not.toContain('marie.dupont@example.fr'.replace('@', ' at '));
  expect(done.text).not.toContain('06 12 34 56 78');
  expect(done.html).not.toContain('06 12 34 56 78');
  expect(done.text).toMatch(/email/i);

  expect(await verifyAuditChain(world.database.db, id)).toBeNull();
  // After the rewrite the stored offsets point into other text: the review shows no text for them.
  const afterReview = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  expect(afterReview.body.posts[0].findings.every((f: { text: string | null }) => f.text === null)).toBe(true);
});

test('a refused request ends with an email that gives the reason and the moderator\'s message', async () => {
  const postId = await world.addPost('Marie Dupont organised the meetup, great job everyone.');
  const { id } = await submit([postId]);
  await world.verifyFromEmail(requester.email, id);
  const res = await request(world.server)
    .post(`/api/v1/moderation/requests/${id}/refuse`)
    .set(moderator())
    .send({ reason: 'legal_hold', message: 'This thread is part of an ongoing dispute until March.' });
  expect(res.status).toBe(200);
  await world.waitForState(id, 'refused');
  const mail = await world.waitForMail(requester.email, /refus|could not|cannot/i, [`/status/${id}`]);
  expect(mail.text).toContain('This thread is part of an ongoing dispute until March.');
  expect(mail.text).toMatch(/legal/i);
  expect(mail.html).toContain('This thread is part of an ongoing dispute until March.');
});

test('running the redaction again changes nothing the second time', async () => {
  const postId = await world.addPost('Contact: marie.dupont@example.fr');
  const { id } = await submit([postId]);
  await world.verifyFromEmail(requester.email, id);
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(moderator()).send({}).expect(202);
  await world.waitForState(id, 'completed');
  const first = await postRow(postId);
  await applyRedactions(world.runtime.workerDeps, id);
  // Even forced back into redacting, a second run finds the post already rewritten and leaves it alone.
  await world.database.db.execute(sql`UPDATE requests SET state = 'redacting' WHERE id = ${id}`);
  await applyRedactions(world.runtime.workerDeps, id);
  expect(await postRow(postId)).toEqual(first);
});

test('a post edited between review and apply goes back to review instead of being rewritten', async () => {
  const postId = await world.addPost('Reach me at marie.dupont@example.fr');
  const { id } = await submit([postId]);
  await world.verifyFromEmail(requester.email, id);
  const edited = 'Reach me at marie.dupont@example.fr or on 06 12 34 56 78';
  await world.database.db.execute(sql`UPDATE forum.posts SET body_raw = ${edited} WHERE id = ${postId}`);
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(moderator()).send({}).expect(202);
  await world.waitForState(id, 'awaiting_review');
  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  expect(review.body.posts[0].post.body).toBe(edited);
  expect(review.body.posts[0].findings.map((f: { type: string }) => f.type)).toEqual(expect.arrayContaining(['email', 'phone']));
  expect((await postRow(postId)).body).toBe(edited);
});

test('approving only some findings removes those and leaves the rest', async () => {
  const postId = await world.addPost('Mail marie.dupont@example.fr, or phone 06 12 34 56 78 after six.');
  const { id } = await submit([postId]);
  await world.verifyFromEmail(requester.email, id);
  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  const email = review.body.posts[0].findings.find((f: { type: string }) => f.type === 'email');
  expect(email.text).toBe('marie.dupont@example.fr');
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(moderator()).send({ findings: [email.id] }).expect(202);
  await world.waitForState(id, 'completed');
  expect((await postRow(postId)).body).toBe('Mail [email removed], or phone 06 12 34 56 78 after six.');
  const done = await world.waitForMail(requester.email, /removed/i, [`/status/${id}`]);
  expect(done.text).toMatch(/email/i);
  expect(done.text).not.toMatch(/phone/i);
});

test('a postal address the requester gives is found as theirs in a named post', async () => {
  const postId = await world.addPost('Parcels go to 14 rue des Lilas, 75011 Paris, ring twice.');
  const { id } = await submit([postId], { identifiers: { phones: [], usernames: [], addresses: ['14 rue des Lilas, 75011 Paris'] } });
  await world.verifyFromEmail(requester.email, id);
  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  const address = review.body.posts[0].findings.find((f: { type: string }) => f.type === 'address');
  expect(address).toMatchObject({ owner: 'requester', text: expect.stringContaining('14 rue des Lilas') });
  expect(review.body.requester.addresses).toEqual(['14 rue des Lilas, 75011 Paris']);
});

test('with scope "quoted", only the quoted passage is found and removed', async () => {
  const postId = await world.addPost('Great meetup! My daughter Chloé, who is 9, loved it. See you next month.');
  const { id } = await submit([postId], { scope: 'quoted', quotes: ['my daughter Chloé, who is 9'] });
  await world.verifyFromEmail(requester.email, id);
  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  expect(review.body.posts[0].findings.map((f: { type: string; text: string }) => [f.type, f.text])).toEqual([['passage', 'My daughter Chloé, who is 9']]);
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(moderator()).send({}).expect(202);
  await world.waitForState(id, 'completed');
  expect((await postRow(postId)).body).toBe('Great meetup! [passage removed], loved it. See you next month.');
});
