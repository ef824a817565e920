// Intake refuses bad input with a 4xx that says what to fix, and stores nothing when it does.
import request from 'supertest';
import { count, sql } from 'drizzle-orm';
import { startWorld, type World } from '../support/world';
import { audit, outbox, requests } from '../../src/store/schema';

let world: World;
let postId: string;

beforeAll(async () => {
  world = await startWorld({ REVIEW_DEADLINE_DAYS: '21', VERIFY_LINK_HOURS: '24' });
  postId = await world.addPost('A post about gardening.');
});
afterAll(async () => {
  await world?.close();
});

const valid = () => ({ email: 'someone@example.org', posts: [postId], scope: 'all', relationship: 'author', consent: true });

async function storedRows() {
  const db = world.database.db;
  const [r] = await db.select({ n: count() }).from(requests);
  const [a] = await db.select({ n: count() }).from(audit);
  const [o] = await db.select({ n: count() }).from(outbox);
  return { requests: Number(r?.n), audit: Number(a?.n), outbox: Number(o?.n) };
}

async function expectRefused(body: unknown, status: number, field?: string | RegExp) {
  const before = await storedRows();
  const res = await request(world.server).post('/api/v1/requests').send(body as object);
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContainEqual(typeof field === 'string' ? field : expect.stringMatching(field));
  expect(await storedRows()).toEqual(before);
  return res;
}

test('a request missing every required field lists an error for each of them', async () => {
  const res = await expectRefused({}, 400);
  const fields = res.body.errors.map((e: { field: string }) => e.field);
  expect(fields).toEqual(expect.arrayContaining(['email', 'posts', 'scope', 'relationship', 'consent']));
  for (const error of res.body.errors) expect(error.message.length).toBeGreaterThan(5);
});

test.each([
  ['a malformed email', { email: 'not-an-email' }, 'email'],
  ['an email with a line break', { email: 'someone@example.org\r\nBcc: victim@example.org' }, 'email'],
  ['a name with a line break', { name: 'Marie\nDupont' }, 'name'],
  ['an unknown scope', { scope: 'everything' }, 'scope'],
  ['an unknown relationship', { relationship: 'friend' }, 'relationship'],
  ['consent not given', { consent: false }, 'consent'],
  ['no posts', { posts: [] }, 'posts'],
  ['too many posts', { posts: Array.from({ length: 51 }, (_, i) => String(i + 1)) }, 'posts'],
  ['a phone number made of letters', { identifiers: { phones: ['call me maybe'], usernames: [] } }, 'identifiers.phones.0'],
  ['quoted scope without quotes', { scope: 'quoted' }, 'quotes'],
  ['an unknown field', { admin: true }, 'admin'],
  ['a consent to keep fingerprints that is not a boolean', { keepRemovedHashes: 'yes' }, 'keepRemovedHashes'],
  ['a post reference that is not a link to this forum', { posts: ['https://elsewhere.example/post/1'] }, 'posts.0'],
])('%s is refused with a 400 naming the field', async (_label, change, field) => {
  await expectRefused({ ...valid(), ...change }, 400, field);
});

test('a post id that does not exist on the forum is refused', async () => {
  const res = await expectRefused({ ...valid(), posts: [postId, '999999999'] }, 400, 'posts.1');
  expect(JSON.stringify(res.body)).toContain('999999999');
});

test('malformed JSON gets a 400 that says so', async () => {
  const before = await storedRows();
  const res = await request(world.server).post('/api/v1/requests').set('content-type', 'application/json').send('{"email": "a@b.org",');
  expect(res.status).toBe(400);
  expect(res.body.code).toBe('malformed_json');
  expect(await storedRows()).toEqual(before);
});

test('an oversized body gets a 413', async () => {
  const before = await storedRows();
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ ...valid(), details: 'x'.repeat(200_000) });
  expect(res.status).toBe(413);
  expect(res.body.code).toBe('body_too_large');
  expect(await storedRows()).toEqual(before);
});

test('a body that is not JSON gets a 415', async () => {
  const res = await request(world.server).post('/api/v1/requests').set('content-type', 'text/plain').send('email=a@b.org');
  expect(res.status).toBe(415);
});

test('a JSON body that is not an object is refused as a whole', async () => {
  const res = await request(world.server).post('/api/v1/requests').set('content-type', 'application/json').send('[1,2,3]');
  expect(res.status).toBe(400);
});

test('a valid request is accepted with its id and status link, and the requester identifiers are not stored in clear', async () => {
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ ...valid(), email: 'clear.text@example.org', name: 'Zebulon Quasimodo' });
  expect(res.status).toBe(202);
  expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
  const dump = JSON.stringify(await world.database.db.execute(sql`SELECT * FROM requester_identifiers`));
  expect(dump).not.toContain('clear.text@example.org');
  expect(dump).not.toContain('Zebulon');
});

test('the contact form shows each error beside its field, in the page language', async () => {
  const res = await request(world.server).post('/?lang=fr').type('form').send({ email: 'pas-une-adresse', posts: '', scope: 'all', relationship: 'author' });
  expect(res.status).toBe(400);
  expect(res.text).toContain('id="email-error"');
  expect(res.text).toContain('id="posts-error"');
  expect(res.text).toContain('id="consent-error"');
  expect(res.text).toContain('lang="fr"');
  expect(res.text).toContain('value="pas-une-adresse"');
  expect(res.text).toContain('Saisissez votre adresse e-mail');
  expect(res.text).toContain('Cochez la case');
});

test('the contact form accepts a valid request and says to check the mailbox', async () => {
  const res = await request(world.server)
    .post('/')
    .type('form')
    .send({ email: 'form.user@example.org', posts: `${world.config.FORUM_POST_URL.replace('{id}', postId)}`, scope: 'all', relationship: 'subject', consent: 'yes', lang: 'en' });
  expect(res.status).toBe(202);
  expect(res.text).toContain('the link expires in 24 hours');
  const mail = await world.waitForMail('form.user@example.org', /confirm|verify/i);
  expect(mail.text).toContain('/verify/');
});

test('the form is served in French to a French browser', async () => {
  const res = await request(world.server).get('/').set('Accept-Language', 'fr-FR,fr;q=0.9');
  expect(res.status).toBe(200);
  expect(res.text).toContain('lang="fr"');
  expect(res.text).toContain('vous répondent sous 21 jours');
});
