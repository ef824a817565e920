// Intake is rate-limited per address and per email, both counted in Redis so that every serve process shares the
// counts; a limited request gets a 429 that says when to try again and stores nothing.
import request from 'supertest';
import IORedis from 'ioredis';
import { count } from 'drizzle-orm';
import { startWorld, type World } from '../support/world';
import { requests } from '../../src/store/schema';

let world: World;
let postId: string;

beforeAll(async () => {
  world = await startWorld({ INTAKE_RATE_LIMIT: '2' });
  postId = await world.addPost('A post about birds.');
});
afterAll(async () => {
  await world?.close();
});

const submit = (email: string, from: string) =>
  request(world.server)
    .post('/api/v1/requests')
    .set('X-Forwarded-For', from)
    .send({ email, posts: [postId], scope: 'all', relationship: 'author', consent: true });

const stored = async () => Number((await world.database.db.select({ n: count() }).from(requests))[0]?.n);

test('a third request from one address within the hour is refused, and the count lives in Redis', async () => {
  expect((await submit('a1@example.org', '203.0.113.7')).status).toBe(202);
  expect((await submit('a2@example.org', '203.0.113.7')).status).toBe(202);
  const before = await stored();
  const third = await submit('a3@example.org', '203.0.113.7');
  expect(third.status).toBe(429);
  expect(third.body.detail).toMatch(/try again in an hour/);
  expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(third.headers['retry-after'])).toBeLessThanOrEqual(3600);
  expect(await stored()).toBe(before);
  expect((await submit('a4@example.org', '198.51.100.9')).status).toBe(202);
  const redis = new IORedis(world.config.REDIS_URL);
  try {
    expect(await redis.keys(`${world.config.QUEUE_PREFIX}:intake-rate:*`)).not.toHaveLength(0);
  } finally {
    redis.disconnect();
  }
});

test('a third request for one email address within a day is refused, whatever address it comes from', async () => {
  expect((await submit('same@example.org', '192.0.2.1')).status).toBe(202);
  expect((await submit('Same@Example.org', '192.0.2.2')).status).toBe(202);
  const third = await submit('same@example.org', '192.0.2.3');
  expect(third.status).toBe(429);
  expect(third.body.detail).toMatch(/this email address has made too many requests today/);
  // The day's window started with the first request: the wait is what is left of it.
  expect(Number(third.headers['retry-after'])).toBeGreaterThan(24 * 3600 - 120);
  expect(Number(third.headers['retry-after'])).toBeLessThanOrEqual(24 * 3600);
});
