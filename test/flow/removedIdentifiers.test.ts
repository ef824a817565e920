// Keeping removed information removed, through the HTTP API on the real servers: a consenting request leaves
// keyed fingerprints when it completes; a later post with the same email or phone is rewritten at once, one with
// the same name goes to review; without consent, or once forgotten from the status page, nothing happens.
import request from 'supertest';
import { QueueEvents } from 'bullmq';
import { sql } from 'drizzle-orm';
import { linkPath, startWorld, type World } from '../support/world';
import { recheckPost } from '../../src/domain/recheckPost';
import { signWebhook } from '../../src/forum/webhookSignature';
import { forumEvents } from '../../src/store/schema';
import { eq } from 'drizzle-orm';
import { rowsOf } from '../../src/forum/postgres/rows';
import { readAudit, verifyAuditChain } from '../../src/store/auditTrail';
import { getRequest } from '../../src/store/requestRecords';

let world: World;
const webhookSecret = 'the forum and Erasure share this secret, 32+ chars';

// Generous: a whole world (database, migrations, queues, workers) on a shared, busy machine.
beforeAll(async () => {
  world = await startWorld({ FORUM_WEBHOOK_SECRET: webhookSecret });
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const moderator = () => ({ Authorization: `Bearer ${world.moderatorToken}` });

interface Person {
  email: string;
  name: string;
  phone: string;
}

/** Submits, verifies and approves a request for the person's post; answers once it is completed. */
async function completedRequest(person: Person, body: string, keepRemovedHashes: boolean) {
  const postId = await world.addPost(body);
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email: person.email, name: person.name, identifiers: { phones: [person.phone], usernames: [] }, posts: [postId], scope: 'all', relationship: 'author', consent: true, keepRemovedHashes });
  expect(res.status).toBe(202);
  const { id, statusUrl } = res.body as { id: string; statusUrl: string };
  await world.verifyFromEmail(person.email, id);
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(moderator()).send({}).expect(202);
  await world.waitForState(id, 'completed');
  const url = new URL(statusUrl);
  return { id, postId, statusPath: `${url.pathname}${url.search}`, token: url.searchParams.get('t') as string };
}

async function fingerprintRows(requestId: string) {
  return rowsOf(await world.database.db.execute(sql`SELECT kind, hash FROM removed_identifiers WHERE request_id = ${requestId} ORDER BY kind`)) as { kind: string; hash: string }[];
}

async function postBody(id: string): Promise<string> {
  const [row] = rowsOf(await world.database.db.execute(sql`SELECT body_raw FROM forum.posts WHERE id = ${id}`)) as { body_raw: string }[];
  if (!row) throw new Error(`post ${id} is gone`);
  return row.body_raw;
}

const recheck = (postId: string) => recheckPost(world.runtime.workerDeps, postId);

describe('with the requester\'s consent', () => {
  const marie: Person = { email: 'marie.dupont@free.fr', name: 'Marie Dupont', phone: '06 12 34 56 78' };
  let original: Awaited<ReturnType<typeof completedRequest>>;

  beforeAll(async () => {
    original = await completedRequest(
      marie,
      'Selling my bike: write to marie.dupont@free.fr or call 06 12 34 56 78. For the papers, my social security number is 1 85 05 78 006 084 91. Marie Dupont',
      true,
    );
  }, 60_000);

  test('a completed request keeps keyed fingerprints of the identifiers, never the identifiers, and audits how many', async () => {
    const rows = await fingerprintRows(original.id);
    // The identity number was never typed by the requester: it is kept from the approved finding, read before the rewrite.
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['email', 'name', 'national_id', 'phone']));
    const table = JSON.stringify(rowsOf(await world.database.db.execute(sql`SELECT * FROM removed_identifiers`)));
    const trail = JSON.stringify(rowsOf(await world.database.db.execute(sql`SELECT data FROM audit`)));
    for (const clear of ['marie', 'dupont', 'free.fr', '612345678', '06 12 34 56 78', '185057800608491', '006 084 91']) {
      expect(table.toLowerCase()).not.toContain(clear);
      expect(trail.toLowerCase()).not.toContain(clear);
    }
    const kept = (await readAudit(world.database.db, original.id)).find((e) => e.action === 'fingerprints_kept');
    expect(kept?.data).toEqual({ fingerprints: { email: 1, name: 1, national_id: 1, phone: expect.any(Number) } });
    expect(await verifyAuditChain(world.database.db, original.id)).toBeNull();
  });

  test('the completed email says that fingerprints are kept and how to have them forgotten', async () => {
    const mail = await world.waitForMail(marie.email, /removed/i, [`/status/${original.id}`]);
    expect(mail.text).toMatch(/fingerprints/i);
    expect(mail.text).toMatch(/forgotten/i);
  });

  test('a later post with the email in another case and the phone in another format is rewritten at once and logged', async () => {
    const postId = await world.addPost('New ad! Contact MARIE.DUPONT@FREE.FR or +33 6 12 34 56 78, see you.');
    expect(await recheck(postId)).toBe('redacted');
    const body = await postBody(postId);
    expect(body).toBe('New ad! Contact [email removed] or [phone removed], see you.');
    const logged = (await readAudit(world.database.db, original.id)).filter((e) => e.action === 'recheck_redacted');
    expect(logged).toHaveLength(1);
    expect(logged[0]?.data).toEqual({ postId, redacted: { email: 1, phone: 1 } });
    const status = await request(world.server).get(`/api/v1/requests/${original.id}?t=${original.token}`);
    expect(status.body.posts).toEqual(expect.arrayContaining([expect.objectContaining({ id: postId, status: 'redacted' })]));
    // Checked again (the forum may send the event twice): nothing is left to do.
    expect(await recheck(postId)).toBe('no_match');
    expect(await postBody(postId)).toBe(body);
    expect((await readAudit(world.database.db, original.id)).filter((e) => e.action === 'recheck_redacted')).toHaveLength(1);
  });

  test('when the forum reports a new post through its signed webhook, the post is checked and rewritten at once', async () => {
    const postId = await world.addPost('Reach her at Marie.Dupont@free.fr for the bike.');
    const body = JSON.stringify({ id: `evt-recheck-${postId}`, type: 'post.created', data: { postId } });
    const sent = await request(world.server)
      .post('/api/v1/webhooks/forum')
      .set('Content-Type', 'application/json')
      .set('Erasure-Signature', signWebhook(webhookSecret, body, world.clock.now()))
      .send(body);
    expect(sent.status).toBe(202);
    const deadline = Date.now() + 30_000;
    let outcome: string | null | undefined;
    while (!outcome && Date.now() < deadline) {
      [{ outcome } = { outcome: undefined }] = await world.database.db.select({ outcome: forumEvents.outcome }).from(forumEvents).where(eq(forumEvents.id, `evt-recheck-${postId}`));
      if (!outcome) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(outcome).toBe('redacted');
    expect(await postBody(postId)).toBe('Reach her at [email removed] for the bike.');
  });

  test('a later post with the identity number written without spaces is rewritten at once', async () => {
    const postId = await world.addPost('Found this form online, NIR 185057800608491, is it hers?');
    expect(await recheck(postId)).toBe('redacted');
    expect(await postBody(postId)).not.toContain('185057800608491');
    const logged = (await readAudit(world.database.db, original.id)).filter((e) => e.action === 'recheck_redacted');
    expect(logged.at(-1)?.data).toEqual({ postId, redacted: { national_id: 1 } });
  });

  test('a later post with the requester\'s name opens one review request for the moderators', async () => {
    const text = 'Yesterday I ran into Marie Dupont at the market, she says hello.';
    const postId = await world.addPost(text);
    expect(await recheck(postId)).toBe('review_opened');
    expect(await recheck(postId)).toBe('review_already_open');
    const opened = (await readAudit(world.database.db, original.id)).filter((e) => e.action === 'recheck_review_opened');
    expect(opened).toHaveLength(1);
    const reviewId = (opened[0]?.data as { reviewRequestId: string }).reviewRequestId;
    await world.waitForState(reviewId, 'awaiting_review');
    const review = await request(world.server).get(`/api/v1/moderation/requests/${reviewId}`).set(moderator());
    expect(review.status).toBe(200);
    expect(review.body.posts).toHaveLength(1);
    expect(review.body.posts[0].id).toBe(postId);
    expect(review.body.posts[0].post.body).toBe(text);
    expect(review.body.posts[0].findings.map((f: { type: string }) => f.type)).toContain('person');
    const row = await getRequest(world.database.db, reviewId);
    const originalRow = await getRequest(world.database.db, original.id);
    expect(row).toMatchObject({ relationship: originalRow?.relationship, emailHash: originalRow?.emailHash, keepRemovedHashes: false });
    // A name is not redacted by itself: the moderators decide.
    expect(await postBody(postId)).toBe(text);
    expect(await recheck(postId)).toBe('review_already_open');
  });

  test('a queued post.recheck job does the same', async () => {
    const postId = await world.addPost('Her number is 0612345678 if you need it.');
    const { queues } = world.runtime;
    const events = new QueueEvents('requests', { connection: queues.connection, prefix: queues.prefix });
    try {
      await events.waitUntilReady();
      const job = await queues.get('requests').add('post.recheck', { postId });
      await job.waitUntilFinished(events, 30_000);
    } finally {
      await events.close();
    }
    expect(await postBody(postId)).toBe('Her number is [phone removed] if you need it.');
  });
});

test('without consent, no fingerprints are kept and a later post is left alone', async () => {
  const jean: Person = { email: 'jean.martin@example.org', name: 'Jean Martin', phone: '07 98 76 54 32' };
  const done = await completedRequest(jean, 'Ask jean.martin@example.org for the keys.', false);
  expect(await fingerprintRows(done.id)).toEqual([]);
  expect((await readAudit(world.database.db, done.id)).map((e) => e.action)).not.toContain('fingerprints_kept');
  const text = 'Jean Martin again: jean.martin@example.org, 07 98 76 54 32.';
  const postId = await world.addPost(text);
  expect(await recheck(postId)).toBe('no_match');
  expect(await postBody(postId)).toBe(text);
  const page = await request(world.server).get(done.statusPath);
  expect(page.text).not.toContain('Forget these fingerprints');
  const mail = await world.waitForMail(jean.email, /removed/i, [`/status/${done.id}`]);
  expect(mail.text).not.toMatch(/fingerprint/i);
});

test('forgetting from the status page deletes the fingerprints, and a later post is left alone', async () => {
  const lea: Person = { email: 'lea.bernard@example.net', name: 'Léa Bernard', phone: '07 11 22 33 44' };
  const done = await completedRequest(lea, 'Léa here, reach me at lea.bernard@example.net', true);
  expect((await fingerprintRows(done.id)).length).toBeGreaterThan(0);

  const page = await request(world.server).get(done.statusPath);
  expect(page.status).toBe(200);
  expect(page.text).toContain('Forget these fingerprints');
  expect(page.text).toMatch(/email addresses: 1/);
  const forgetPath = done.statusPath.replace('?', '/forget-fingerprints?');
  // Without the box ticked, nothing is forgotten and the page says what to do.
  const unticked = await request(world.server).post(forgetPath).type('form').send({});
  expect(unticked.status).toBe(400);
  expect(unticked.text).toContain('Tick the box to confirm that you want the fingerprints forgotten.');
  expect((await fingerprintRows(done.id)).length).toBeGreaterThan(0);

  const forgot = await request(world.server).post(forgetPath).type('form').send({ confirm: 'yes' });
  expect(forgot.status).toBe(303);
  expect(await fingerprintRows(done.id)).toEqual([]);
  const after = await request(world.server).get(linkPath(`${world.baseUrl}${forgot.headers.location}`, `/status/${done.id}`));
  expect(after.text).toContain('the fingerprints of your information have been forgotten');
  expect(after.text).not.toContain('Forget these fingerprints');
  const forgotten = (await readAudit(world.database.db, done.id)).find((e) => e.action === 'fingerprints_forgotten');
  expect(forgotten?.actor).toBe('requester');
  expect(JSON.stringify(forgotten?.data)).not.toMatch(/lea|bernard/i);

  const text = 'Contact LEA.BERNARD@EXAMPLE.NET or 07 11 22 33 44.';
  const postId = await world.addPost(text);
  expect(await recheck(postId)).toBe('no_match');
  expect(await postBody(postId)).toBe(text);

  const api = await request(world.server).get(`/api/v1/requests/${done.id}?t=${done.token}`);
  expect(api.body.fingerprints).toEqual({});
});

test('the JSON API forgets only when told it cannot be undone, and a request not completed has nothing to forget', async () => {
  const tom: Person = { email: 'tom.petit@example.com', name: 'Tom Petit', phone: '07 55 44 33 22' };
  const done = await completedRequest(tom, 'Mail tom.petit@example.com for tickets.', true);
  const path = `/api/v1/requests/${done.id}/forget-fingerprints?t=${done.token}`;
  const refused = await request(world.server).post(path).send({});
  expect(refused.status).toBe(400);
  expect(refused.headers['content-type']).toContain('application/problem+json');
  expect(JSON.stringify(refused.body)).toContain('cannot be undone');
  expect((await fingerprintRows(done.id)).length).toBeGreaterThan(0);
  const status = await request(world.server).get(`/api/v1/requests/${done.id}?t=${done.token}`);
  expect(status.body.fingerprints.email).toBe(1);
  const ok = await request(world.server).post(path).send({ confirm: true });
  expect(ok.status).toBe(200);
  expect(ok.body.fingerprints).toEqual({});
  expect(await fingerprintRows(done.id)).toEqual([]);

  const open = await request(world.server)
    .post('/api/v1/requests')
    .send({ email: 'not.yet@example.com', posts: [done.postId], scope: 'all', relationship: 'author', consent: true, keepRemovedHashes: true });
  const openToken = new URL(open.body.statusUrl).searchParams.get('t') as string;
  const early = await request(world.server).post(`/api/v1/requests/${open.body.id}/forget-fingerprints?t=${openToken}`).send({ confirm: true });
  expect(early.status).toBe(409);
  expect(early.headers['content-type']).toContain('application/problem+json');
});
