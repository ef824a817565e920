// The moderation and admin API is rate-limited per API token, counted in the real Redis: a flood from one token gets
// 429 with Retry-After and a problem+json body, while other tokens, and everyone else, are still served; the count
// is shared by every process, and Redis never sees a token, only its hash.
import type { Server } from 'node:http';
import IORedis from 'ioredis';
import { RedisStore } from 'rate-limit-redis';
import request from 'supertest';
import { createApp } from '../../src/app';
import { randomIds } from '../../src/domain/clockAndIds';
import { createApiToken } from '../../src/store/apiTokens';
import { startWorld, type World } from '../support/world';

const limit = 3;
let world: World;
let redis: IORedis;

beforeAll(async () => {
  world = await startWorld({ API_RATE_LIMIT: String(limit) });
  redis = new IORedis(world.config.REDIS_URL);
});
afterAll(async () => {
  redis?.disconnect();
  await world?.close();
});

const newToken = async (role: 'moderator' | 'admin') =>
  (await createApiToken({ db: world.database.db, clock: world.clock, ids: randomIds }, { name: `rate ${role}`, role })).token;

const list = (server: Server, token: string) => request(server).get('/api/v1/moderation/requests').set('Authorization', `Bearer ${token}`);

function expectTooMany(res: request.Response) {
  expect(res.status).toBe(429);
  const wait = Number(res.headers['retry-after']);
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(60);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body.code).toBe('too_many_requests');
  expect(res.body.detail).toContain(`more than ${limit} requests in a minute`);
  expect(res.body.detail).toContain('Retry-After');
}

test('a flood from one token gets 429 with Retry-After, and another token is still served', async () => {
  const flooding = await newToken('moderator');
  const other = await newToken('moderator');
  for (let i = 0; i < limit; i += 1) expect((await list(world.server, flooding)).status).toBe(200);
  const refused = await list(world.server, flooding);
  expectTooMany(refused);
  expect(refused.headers.ratelimit).toMatch(/r=0/);
  // Everyone else is served: another token, and the public side.
  expect((await list(world.server, other)).status).toBe(200);
  await request(world.server).get('/').expect(200);
  await request(world.server).get('/healthz').expect(200);
});

test('the admin API counts against the same allowance as the moderation API', async () => {
  const admin = await newToken('admin');
  const deliveries = () => request(world.server).get('/api/v1/admin/webhook-deliveries').set('Authorization', `Bearer ${admin}`);
  expect((await list(world.server, admin)).status).toBe(200);
  for (let i = 1; i < limit; i += 1) expect((await deliveries()).status).toBe(200);
  expectTooMany(await deliveries());
  expectTooMany(await list(world.server, admin));
});

test('the count lives in Redis under a hash of the token, never the token, and holds across processes', async () => {
  const token = await newToken('moderator');
  for (let i = 0; i < limit; i += 1) expect((await list(world.server, token)).status).toBe(200);
  const keys = await redis.keys(`${world.config.QUEUE_PREFIX}:api-rate:*`);
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(key).not.toContain(token.slice(4, 20));
  // A second serve process: its own app and Redis connection, the same prefix. The token's minute is already used up.
  const other = new IORedis(world.config.REDIS_URL);
  const store = (prefix: string) => new RedisStore({ sendCommand: (command: string, ...args: string[]) => other.call(command, ...args) as Promise<number>, prefix });
  const secondProcess = createApp({
    ...world.runtime.appDeps,
    rateLimitStore: store(`${world.config.QUEUE_PREFIX}:intake-rate:`),
    apiRateLimitStore: store(`${world.config.QUEUE_PREFIX}:api-rate:`),
  }).listen(0, '127.0.0.1');
  try {
    expectTooMany(await list(secondProcess, token));
  } finally {
    await new Promise((resolve) => secondProcess.close(resolve));
    other.disconnect();
  }
});

test('without a token, guessing is limited per address; a limited caller does not reach the token check', async () => {
  const guess = () => request(world.server).get('/api/v1/moderation/requests').set('X-Forwarded-For', '203.0.113.50');
  for (let i = 0; i < limit; i += 1) expect((await guess()).status).toBe(401);
  expectTooMany(await guess());
  // Another address is not limited by it.
  expect((await request(world.server).get('/api/v1/moderation/requests').set('X-Forwarded-For', '203.0.113.51')).status).toBe(401);
});

test('the OpenAPI document tells API clients that a 429 comes with Retry-After', async () => {
  const doc = (await request(world.server).get('/api/v1/openapi.json').expect(200)).body;
  expect(doc.paths['/api/v1/requests'].post.responses['429'].headers['Retry-After'].schema.type).toBe('integer');
});
