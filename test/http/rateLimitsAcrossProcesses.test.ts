// Rate limits hold across processes: two serve processes (two runtimes, their own Redis connections, one queue
// prefix) share every count, so a flood spread over both is limited in total — per address and per email on
// intake, per token on the API. A flood gets 429s with Retry-After and a message, and meanwhile other clients are
// still served promptly.
import type { Server } from 'node:http';
import { count } from 'drizzle-orm';
import request from 'supertest';
import { randomIds } from '../../src/domain/clockAndIds';
import { openRuntime, type Runtime } from '../../src/runtime';
import { createApiToken } from '../../src/store/apiTokens';
import { requests } from '../../src/store/schema';
import { openTestLog, type TestLog } from '../support/testLogs';
import { startWorld, type World } from '../support/world';

const intakeLimit = 5;
const apiLimit = 10;
let world: World;
let second: Runtime;
let secondLog: TestLog;
let servers: Server[];
let postId: string;

beforeAll(async () => {
  world = await startWorld({ INTAKE_RATE_LIMIT: String(intakeLimit), API_RATE_LIMIT: String(apiLimit) });
  // The second serve process: same configuration and database, its own runtime and Redis connections.
  secondLog = openTestLog(`${world.config.QUEUE_PREFIX}-second`);
  second = await openRuntime(world.config, { database: world.database, clock: world.clock, migrate: false, log: secondLog.log });
  servers = [world.server, await second.serve()];
  postId = await world.addPost('A post about the harbour.');
});
afterAll(async () => {
  await second?.close();
  secondLog?.close();
  await world?.close();
});

const stored = async () => Number((await world.database.db.select({ n: count() }).from(requests))[0]?.n);

const submit = (i: number, email: string, from: string) =>
  request(servers[i % 2] as Server)
    .post('/api/v1/requests')
    .set('X-Forwarded-For', from)
    .send({ email, posts: [postId], scope: 'all', relationship: 'author', consent: true });

const newToken = async () => (await createApiToken({ db: world.database.db, clock: world.clock, ids: randomIds }, { name: 'flood', role: 'moderator' })).token;
const list = (i: number, token: string) => request(servers[i % 2] as Server).get('/api/v1/moderation/requests').set('Authorization', `Bearer ${token}`);

/** Every refusal of a flood: 429, a wait in Retry-After, and a problem that says what happened. */
function expectLimited(responses: request.Response[], maxWait: number, detail: RegExp) {
  for (const res of responses) {
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(maxWait);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toMatch(detail);
  }
}

const byStatus = (responses: request.Response[], status: number) => responses.filter((r) => r.status === status);

test('a flood from one address spread over two processes is limited in total', async () => {
  const before = await stored();
  const responses = await Promise.all(Array.from({ length: 24 }, (_, i) => submit(i, `harbour${i}@example.org`, '203.0.113.77')));
  expect(byStatus(responses, 202).length).toBe(intakeLimit);
  expectLimited(byStatus(responses, 429), 3600, /too many requests from your address/);
  expect(byStatus(responses, 429).length).toBe(24 - intakeLimit);
  expect(await stored()).toBe(before + intakeLimit);
});

test('a flood for one email from many addresses, over two processes, is limited in total', async () => {
  const before = await stored();
  const responses = await Promise.all(Array.from({ length: 24 }, (_, i) => submit(i, 'same.sender@example.org', `198.51.100.${i + 1}`)));
  expect(byStatus(responses, 202).length).toBe(intakeLimit);
  expectLimited(byStatus(responses, 429), 24 * 3600, /this email address has made too many requests today/);
  expect(byStatus(responses, 429).length).toBe(24 - intakeLimit);
  expect(await stored()).toBe(before + intakeLimit);
});

test('a flood with one API token over two processes is limited in total', async () => {
  const token = await newToken();
  const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => list(i, token)));
  expect(byStatus(responses, 200).length).toBe(apiLimit);
  expectLimited(byStatus(responses, 429), 60, /more than 10 requests in a minute/);
});

test('while one address and one token flood both processes, another requester and another moderator are served promptly', async () => {
  const flooding = await newToken();
  const other = await newToken();
  let stop = false;
  let flooded = 0;
  // Sixteen clients that send as fast as they are answered, half of them at each process.
  const flood = Array.from({ length: 16 }, async (_, lane) => {
    while (!stop) {
      const res = lane % 2 === 0 ? await submit(lane, `flood${lane}-${flooded}@example.org`, '203.0.113.99') : await list(lane, flooding);
      expect([200, 202, 429]).toContain(res.status);
      flooded += 1;
    }
  });
  const waits: number[] = [];
  try {
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let i = 0; i < 6; i++) {
      const started = performance.now();
      const asked = await submit(i, `patient${i}@example.org`, `192.0.2.${i + 10}`);
      const listed = await list(i, other);
      waits.push(performance.now() - started);
      expect(asked.status).toBe(202);
      expect(listed.status).toBe(200);
    }
  } finally {
    stop = true;
    await Promise.all(flood);
  }
  if (process.env.SHOW_TIMINGS) console.log({ flooded, waitsMs: waits.map(Math.round) });
  expect(flooded).toBeGreaterThan(100);
  // Generous: a loaded 2-core machine runs this beside other suites. An intake and a list, one after the other.
  expect(Math.max(...waits)).toBeLessThan(3000);
});
