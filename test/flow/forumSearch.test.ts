// With the requester's consent, the whole forum is searched for their identifiers: posts they did not name but
// that carry their email, phone or name join the request, progress is shown, and approval redacts them too.
import request from 'supertest';
import { sql } from 'drizzle-orm';
import { startWorld, type World } from '../support/world';
import { rowsOf } from '../../src/forum/postgres/rows';
import { searchTermsFor } from '../../src/domain/forumSearch';
import { DETECT_BATCH_SIZE } from '../../src/pii/detect';

let world: World;

beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

const moderator = () => ({ Authorization: `Bearer ${world.moderatorToken}` });
const body = async (id: string) => String(rowsOf(await world.database.db.execute(sql`SELECT body_raw FROM forum.posts WHERE id = ${id}`))[0]?.body_raw);

test('search terms cover the ways people write the identifiers, in search form', () => {
  const terms = searchTermsFor({ emails: ['Zoé.Quillard@example.net'], names: ['Zoé Quillard'], phones: ['+33 6 71 22 33 44'], usernames: ['zq_reads'], addresses: [] } as never);
  expect(terms).toEqual(expect.arrayContaining(['Zoé.Quillard@example.net', 'Zoé.Quillard', 'Zoé Quillard', 'Quillard Zoé', '7 1 2 2 3 3 4 4', 'zq_reads']));
});

test('a forum-wide search adds the posts that carry the requester\'s identifiers, and approval redacts them', async () => {
  const named = await world.addPost('I am Zoé Quillard, write to zoe.quillard@example.net.');
  const byPhone = await world.addPost('For the swap ring 06.71.22.33.44 (Zoé).');
  const byName = await world.addPost('Thanks to QUILLARD Zoé for the scans!');
  const inRevision = await world.addPost('Edited out.', { revisions: [{ before: 'mail zoe.quillard@example.net', after: 'Edited out.' }] });
  const unrelated = await world.addPost('Zoé from the other club lent me a book by Quillard-Smith.');
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email: 'zoe.quillard@example.net', name: 'Zoé Quillard', identifiers: { phones: ['+33 6 71 22 33 44'] }, posts: [named], scope: 'all', relationship: 'author', consent: true, searchForum: true });
  expect(res.status).toBe(202);
  const id = res.body.id as string;
  await world.verifyFromEmail('zoe.quillard@example.net', id);

  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  const posts = review.body.posts as { id: string; source: string; findings: { owner: string }[] }[];
  expect(posts.filter((p) => p.source === 'search').map((p) => p.id).sort()).toEqual([byPhone, byName, inRevision].sort());
  expect(posts.map((p) => p.id)).not.toContain(unrelated);
  for (const post of posts.filter((p) => p.source === 'search')) expect(post.findings.every((f) => f.owner === 'requester')).toBe(true);
  expect(review.body.search.total).toBeGreaterThanOrEqual(5);
  expect(review.body.search.scanned).toBe(review.body.search.total);
  const status = await request(world.server).get(`/api/v1/requests/${id}${new URL(res.body.statusUrl).search}`);
  expect(status.body.search).toEqual(review.body.search);

  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(moderator()).send({}).expect(202);
  await world.waitForState(id, 'completed');
  expect(await body(byPhone)).not.toContain('06.71.22.33.44');
  expect(await body(byName)).not.toMatch(/QUILLARD Zoé/);
  expect(await body(unrelated)).toBe('Zoé from the other club lent me a book by Quillard-Smith.');
  const revision = rowsOf(await world.database.db.execute(sql`SELECT before_text FROM forum.post_revisions WHERE post_id = ${inRevision}`))[0];
  expect(String(revision?.before_text)).not.toContain('zoe.quillard@example.net');
});

test('without consent to search the forum, only the named posts are examined', async () => {
  const named = await world.addPost('Yann Le Quéméner here: yann.lq@example.org');
  await world.addPost('Yann Le Quéméner also wrote this, yann.lq@example.org');
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email: 'yann.lq@example.org', name: 'Yann Le Quéméner', posts: [named], scope: 'all', relationship: 'author', consent: true });
  const id = res.body.id as string;
  await world.verifyFromEmail('yann.lq@example.org', id);
  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  expect(review.body.posts.map((p: { id: string }) => p.id)).toEqual([named]);
  expect(review.body.search).toBeNull();
});

test('a found post edited before the redaction, so that it no longer holds the identifiers, leaves the request', async () => {
  const named = await world.addPost('Ines Vasquez-Lind here, ines.vl@example.org');
  const found = await world.addPost('Contact ines.vl@example.org for the club keys.');
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email: 'ines.vl@example.org', name: 'Ines Vasquez-Lind', posts: [named], scope: 'all', relationship: 'author', consent: true, searchForum: true });
  const id = res.body.id as string;
  await world.verifyFromEmail('ines.vl@example.org', id);
  const before = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  expect(before.body.posts.map((p: { id: string }) => p.id).sort()).toEqual([named, found].sort());
  await world.database.db.execute(sql`UPDATE forum.posts SET body_raw = 'Contact the secretary for the club keys.' WHERE id = ${found}`);
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(moderator()).send({}).expect(202);
  // The redaction sees the post changed since review, locates again and sends the request back to review.
  await world.waitForState(id, 'awaiting_review');
  const after = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  expect(after.body.posts.map((p: { id: string }) => p.id)).toEqual([named]);
});

test('more candidate posts than one detector batch all join the request, none lost at a batch boundary', async () => {
  const count = DETECT_BATCH_SIZE + 2;
  const carrying: string[] = [];
  for (let index = 0; index < count; index++) carrying.push(await world.addPost(`Swap #${index}: ask batch.reader@example.org`));
  const named = await world.addPost('I am Bea Tchreader, batch.reader@example.org.');
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email: 'batch.reader@example.org', name: 'Bea Tchreader', posts: [named], scope: 'all', relationship: 'author', consent: true, searchForum: true });
  expect(res.status).toBe(202);
  const id = res.body.id as string;
  await world.verifyFromEmail('batch.reader@example.org', id);
  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  const found = (review.body.posts as { id: string; source: string }[]).filter((p) => p.source === 'search').map((p) => p.id);
  expect(found.sort()).toEqual([...carrying].sort());
}, 60_000);
