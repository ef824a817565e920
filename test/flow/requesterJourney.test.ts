// What the requester and the moderators see around the main flow: link expiry, unverified expiry,
// a question and its answer, withdrawal, the audit trail, and the API's guard.
import request from 'supertest';
import { sql } from 'drizzle-orm';
import { linkPath, startWorld, type World } from '../support/world';
import { expireUnverified } from '../../workers/maintenance';
import { verifyAuditChain } from '../../src/store/auditTrail';

let world: World;
let postId: string;

beforeAll(async () => {
  world = await startWorld();
  postId = await world.addPost('Ask Jeanne Martin (jeanne.martin@example.org) about the book club.');
});
afterAll(async () => {
  await world?.close();
});

const moderator = () => ({ Authorization: `Bearer ${world.moderatorToken}` });

async function submit(email: string) {
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email, name: 'Jeanne Martin', posts: [postId], scope: 'all', relationship: 'subject', consent: true, lang: 'fr' });
  expect(res.status).toBe(202);
  return res.body as { id: string; statusUrl: string };
}


async function verified(email: string) {
  const created = await submit(email);
  await world.verifyFromEmail(email, created.id);
  return created;
}

test('a verification link older than 48 hours is refused and says it expired', async () => {
  const { id } = await submit('late.clicker@example.org');
  const mail = await world.waitForMail('late.clicker@example.org', /./);
  expect(mail.subject).toMatch(/confirm|vérifi/i);
  world.clock.advance(49 * 3600_000);
  try {
    const res = await request(world.server).get(linkPath(mail.text ?? '', '/verify/'));
    expect(res.status).toBe(410);
  } finally {
    world.clock.advance(-49 * 3600_000);
  }
  const status = await request(world.server).get(`/api/v1/requests/${id}?t=${new URL(`http://x${linkPath(mail.text ?? '', '/status/')}`).searchParams.get('t')}`);
  expect(status.body.state).toBe('received');
});

test('a tampered verification link is refused', async () => {
  const { id } = await submit('tamper@example.org');
  const res = await request(world.server).get(`/verify/${id}?t=9999999999.forged`);
  expect(res.status).toBe(403);
});

test('a request left unverified for 7 days expires', async () => {
  const { id } = await submit('never.clicks@example.org');
  world.clock.advance(7 * 24 * 3600_000 + 60_000);
  try {
    await expireUnverified({ ...world.runtime.workerDeps }, 7);
  } finally {
    world.clock.advance(-(7 * 24 * 3600_000 + 60_000));
  }
  await world.waitForState(id, 'expired');
});

test('a moderator question reaches the requester, whose answer puts the request back in review', async () => {
  const { id, statusUrl } = await verified('asked@example.org');
  await request(world.server)
    .post(`/api/v1/moderation/requests/${id}/ask`)
    .set(moderator())
    .send({ question: 'Which of the two emails in the post is yours?' })
    .expect(200);
  const mail = await world.waitForMail('asked@example.org', /question|précision|information/i, ['Which of the two emails in the post is yours?']);
  expect(mail.html).toContain('Which of the two emails in the post is yours?');
  const status = new URL(statusUrl);
  const page = await request(world.server).get(`${status.pathname}${status.search}`);
  expect(page.text).toContain('Which of the two emails in the post is yours?');
  const answer = await request(world.server)
    .post(`/api/v1/requests/${id}/answer${status.search}`)
    .send({ answer: 'The first one, jeanne.martin@example.org.' });
  expect(answer.status).toBe(200);
  expect(answer.body.state).toBe('awaiting_review');
  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  expect(review.body.answers).toEqual(['The first one, jeanne.martin@example.org.']);
});

test('a requester can withdraw a request through the status link, and is told by email', async () => {
  const { id, statusUrl } = await verified('changed.mind@example.org');
  const status = new URL(statusUrl);
  const res = await request(world.server).post(`/api/v1/requests/${id}/withdraw${status.search}`);
  expect(res.status).toBe(200);
  expect(res.body.state).toBe('withdrawn');
  await world.waitForMail('changed.mind@example.org', /withdr|retir|annul/i);
  const again = await request(world.server).post(`/api/v1/requests/${id}/withdraw${status.search}`);
  expect(again.status).toBe(409);
});

test('a status link for one request does not open another', async () => {
  const first = await submit('first@example.org');
  const second = await submit('second@example.org');
  const token = new URL(first.statusUrl).searchParams.get('t');
  const res = await request(world.server).get(`/api/v1/requests/${second.id}?t=${token}`);
  expect(res.status).toBe(403);
});

test('the moderation API refuses a missing or unknown token', async () => {
  await request(world.server).get('/api/v1/moderation/requests').expect(401);
  await request(world.server).get('/api/v1/moderation/requests').set('Authorization', 'Bearer ert_nope').expect(401);
});

test('moderators list requests by state, soonest deadline first', async () => {
  const res = await request(world.server).get('/api/v1/moderation/requests?state=awaiting_review,needs_info').set(moderator());
  expect(res.status).toBe(200);
  const dues = res.body.requests.map((r: { dueAt: string }) => r.dueAt);
  expect(dues).toEqual([...dues].sort());
  for (const r of res.body.requests) expect(['awaiting_review', 'needs_info']).toContain(r.state);
  await request(world.server).get('/api/v1/moderation/requests?state=bogus').set(moderator()).expect(400);
});

test('refusing with reason "other" needs a message, and an unknown reason is refused', async () => {
  const { id } = await verified('other.reason@example.org');
  const missing = await request(world.server).post(`/api/v1/moderation/requests/${id}/refuse`).set(moderator()).send({ reason: 'other' });
  expect(missing.status).toBe(400);
  expect(missing.body.errors[0].field).toBe('message');
  await request(world.server).post(`/api/v1/moderation/requests/${id}/refuse`).set(moderator()).send({ reason: 'because' }).expect(400);
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(moderator()).send({ findings: ['00000000-0000-4000-8000-000000000000'] }).expect(400);
});

test('the audit trail records each step and detects tampering', async () => {
  const { id } = await verified('audited@example.org');
  const trail = await request(world.server).get(`/api/v1/moderation/requests/${id}/audit`).set(moderator());
  expect(trail.body.entries.map((e: { action: string }) => e.action)).toEqual(['submit', 'verify', 'located']);
  expect(trail.body.broken).toBeNull();
  const refused = await world.database.db.execute(sql`UPDATE audit SET actor = 'someone else' WHERE stream = ${id}`).catch((e: Error) => e);
  expect(refused).toBeInstanceOf(Error);
  expect(String((refused as Error & { cause?: Error }).cause?.message)).toMatch(/append-only/);
  // Even with the guard lifted, a rewritten entry breaks the chain.
  await world.database.db.execute(sql`ALTER TABLE audit DISABLE TRIGGER audit_append_only`);
  await world.database.db.execute(sql`UPDATE audit SET actor = 'someone else' WHERE stream = ${id} AND seq = 2`);
  await world.database.db.execute(sql`ALTER TABLE audit ENABLE TRIGGER audit_append_only`);
  expect(await verifyAuditChain(world.database.db, id)).toEqual({ seq: 2, problem: 'content does not match its hash' });
});

test('health and readiness answer', async () => {
  await request(world.server).get('/healthz').expect(200);
  const ready = await request(world.server).get('/readyz');
  expect(ready.status).toBe(200);
  expect(ready.body.checks.database).toBe('ok');
  expect(ready.body.checks.redis).toBe('ok');
});

test('an unknown route gets a problem+json 404', async () => {
  const res = await request(world.server).get('/nope');
  expect(res.status).toBe(404);
  expect(res.headers['content-type']).toMatch(/problem\+json/);
});

test('withdrawn before the address was confirmed, a request mails nobody, and its verification link then says it is closed', async () => {
  const { id, statusUrl } = await submit('not.me@example.org');
  const verifyMail = await world.waitForMail('not.me@example.org', /./, [`/verify/${id}`]);
  const res = await request(world.server).post(`/api/v1/requests/${id}/withdraw${new URL(statusUrl).search}`);
  expect(res.body.state).toBe('withdrawn');
  const page = await request(world.server).get(linkPath(verifyMail.text ?? '', '/verify/'));
  expect(page.status).toBe(200);
  expect(page.text).toContain('Cette demande est close');
  expect(page.text).not.toContain('confirmée');
  await world.runtime.relay.relayOnce();
  await new Promise((resolve) => setTimeout(resolve, 300));
  await world.smtp.settled();
  expect(world.smtp.messages.filter((m) => (m.text ?? '').includes(id))).toHaveLength(1);
});
