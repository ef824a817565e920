// Key rotation: the service runs with a new ERASURE_SECRET and the old one in ERASURE_PREVIOUS_SECRETS. Values
// sealed under the old key (and the older unlabelled "v1." form) still open; rotating reseals every sealed column
// under the new key while the status page keeps answering; lookup hashes do not change.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { eq, isNotNull } from 'drizzle-orm';
import { startWorld, linkPath, type World } from '../support/world';
import { readConfig } from '../../src/config';
import { deriveKeys } from '../../src/secret';
import { createSecretBox, keyId } from '../../src/store/secretBox';
import { rotateSealedValues } from '../../src/store/keyRotation';
import { forumEvents, requesterIdentifiers, requests } from '../../src/store/schema';

const oldSecret = randomBytes(32).toString('base64url');
const newSecret = randomBytes(32).toString('base64url');
const oldKeys = deriveKeys(oldSecret);
const oldBox = createSecretBox(oldKeys.encryption, oldKeys.lookup);
let world: World;

beforeAll(async () => {
  world = await startWorld({ ERASURE_SECRET: newSecret, ERASURE_PREVIOUS_SECRETS: oldSecret });
});
afterAll(async () => {
  await world?.close();
});

const moderator = () => ({ Authorization: `Bearer ${world.moderatorToken}` });

async function submit(email: string) {
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email, name: 'Sam Leroy', identifiers: { phones: ['+33 6 11 22 33 44'], usernames: [] }, posts: [await world.addPost('hi')], scope: 'all', relationship: 'author', consent: true, details: 'old details' });
  expect(res.status).toBe(202);
  return res.body as { id: string; statusUrl: string };
}

/** Puts the request's sealed values back as the old secret sealed them: half labelled v2 under the old key, half v1. */
async function sealUnderOldKey(requestId: string): Promise<void> {
  const db = world.database.db;
  const box = world.runtime.workerDeps.box;
  const asV1 = (sealed: string) => `v1.${sealed.split('.').slice(2).join('.')}`;
  const [req] = await db.select().from(requests).where(eq(requests.id, requestId));
  await db.update(requests).set({ privateBox: asV1(oldBox.seal(box.open(req?.privateBox ?? ''))) }).where(eq(requests.id, requestId));
  for (const row of await db.select().from(requesterIdentifiers).where(eq(requesterIdentifiers.requestId, requestId))) {
    await db.update(requesterIdentifiers).set({ valueBox: oldBox.seal(box.open(row.valueBox)) }).where(eq(requesterIdentifiers.id, row.id));
  }
}

test('values sealed under the previous secret still open; keys rotate reseals them all under the new key while the service answers', async () => {
  const first = await submit('sam.leroy@example.net');
  const second = await submit('sam.other@example.net');
  await sealUnderOldKey(first.id);
  await sealUnderOldKey(second.id);
  await world.database.db.insert(forumEvents).values({ id: `ev-${randomBytes(4).toString('hex')}`, type: 'pii.reported', postId: '1', detailsBox: oldBox.seal('{"note":"call me"}'), receivedAt: new Date() });
  const oldPrefix = `v2.${keyId(oldKeys.encryption)}.`;
  const newPrefix = `v2.${keyId(deriveKeys(newSecret).encryption)}.`;
  expect((await world.database.db.select().from(requesterIdentifiers).where(eq(requesterIdentifiers.requestId, first.id)))[0]?.valueBox.startsWith(oldPrefix)).toBe(true);

  const review = await request(world.server).get(`/api/v1/moderation/requests/${first.id}`).set(moderator());
  expect(review.status).toBe(200);
  expect(review.body.details).toBe('old details');
  expect(JSON.stringify(review.body.requester)).toContain('+33 6 11 22 33 44');

  // The lookup key stays the oldest secret's: the email hash written before the change still finds the requester.
  expect(world.runtime.workerDeps.box.lookupHash('sam.leroy@example.net')).toBe(oldBox.lookupHash('sam.leroy@example.net'));

  // Rotation one row per batch, with the status page asked for at the same time.
  const statusPath = linkPath(first.statusUrl, `/status/${first.id}`);
  const [counts, ...pages] = await Promise.all([
    rotateSealedValues({ db: world.database.db, box: world.runtime.workerDeps.box }, 1),
    ...Array.from({ length: 6 }, () => request(world.server).get(statusPath)),
  ]);
  for (const page of pages) expect(page.status).toBe(200);
  expect(counts).toEqual([
    { column: 'requester_identifiers.value_box', resealed: 6, unreadable: 0 },
    { column: 'requests.private_box', resealed: 2, unreadable: 0 },
    { column: 'forum_events.details_box', resealed: 1, unreadable: 0 },
  ]);

  const db = world.database.db;
  // Email, name and phone of each request.
  const sealed = [
    ...(await db.select({ v: requesterIdentifiers.valueBox }).from(requesterIdentifiers)).map((r) => r.v),
    ...(await db.select({ v: requests.privateBox }).from(requests).where(isNotNull(requests.privateBox))).map((r) => r.v as string),
    ...(await db.select({ v: forumEvents.detailsBox }).from(forumEvents).where(isNotNull(forumEvents.detailsBox))).map((r) => r.v as string),
  ];
  expect(sealed.length).toBeGreaterThanOrEqual(9);
  for (const value of sealed) expect(value.startsWith(newPrefix)).toBe(true);
  // The new key alone opens them now: the old secret could be dropped for encryption.
  const newOnly = createSecretBox(deriveKeys(newSecret).encryption, oldKeys.lookup);
  for (const value of sealed) expect(() => newOnly.open(value)).not.toThrow();
  expect((await request(world.server).get(`/api/v1/moderation/requests/${second.id}`).set(moderator())).body.details).toBe('old details');

  // A second run has nothing to do.
  expect((await rotateSealedValues({ db, box: world.runtime.workerDeps.box })).every((c) => c.resealed === 0 && c.unreadable === 0)).toBe(true);
});

test('a value sealed under a secret that is not listed is reported, not lost', async () => {
  const stranger = createSecretBox(randomBytes(32), randomBytes(32));
  const id = `ev-${randomBytes(4).toString('hex')}`;
  const value = stranger.seal('{"note":"x"}');
  await world.database.db.insert(forumEvents).values({ id, type: 'pii.reported', detailsBox: value, receivedAt: new Date() });
  const counts = await rotateSealedValues({ db: world.database.db, box: world.runtime.workerDeps.box });
  expect(counts.find((c) => c.column === 'forum_events.details_box')).toEqual({ column: 'forum_events.details_box', resealed: 0, unreadable: 1 });
  expect((await world.database.db.select().from(forumEvents).where(eq(forumEvents.id, id)))[0]?.detailsBox).toBe(value);
  await world.database.db.delete(forumEvents).where(eq(forumEvents.id, id));
});

test('ERASURE_PREVIOUS_SECRETS is checked when read, and lists oldest first', async () => {
  expect(() => readConfig({ ERASURE_PREVIOUS_SECRETS: `${oldSecret},short` })).toThrow(/ERASURE_PREVIOUS_SECRETS: each comma-separated secret must be at least 32 characters/);
  expect(readConfig({ ERASURE_PREVIOUS_SECRETS: ` ${oldSecret} , ` }).ERASURE_PREVIOUS_SECRETS).toBeDefined();
  // Links and lookups follow the oldest listed secret; encryption follows the current one.
  const third = randomBytes(32).toString('base64url');
  const keys = deriveKeys(third, [oldSecret, newSecret]);
  expect(keys.lookup.equals(oldKeys.lookup)).toBe(true);
  expect(keys.links.equals(oldKeys.links)).toBe(true);
  expect(keys.encryption.equals(deriveKeys(third).encryption)).toBe(true);
  expect(keys.previousEncryption.map((k) => keyId(k))).toEqual([keyId(oldKeys.encryption), keyId(deriveKeys(newSecret).encryption)]);
});
