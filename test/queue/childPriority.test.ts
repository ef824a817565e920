// A child's request (under 13) jumps the queue: the outbox relay reads the request's flag and gives its jobs a
// BullMQ priority ahead of the others, so a worker takes them before adult jobs queued earlier. On the real Redis.
import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import pino from 'pino';
import { randomIds } from '../../src/domain/clockAndIds';
import { queueNames } from '../../src/queue/jobs';
import { createOutboxRelay, type OutboxRelay } from '../../src/queue/outboxRelay';
import { createQueues, type Queues } from '../../src/queue/queues';
import { addToOutbox } from '../../src/store/outbox';
import { requests } from '../../src/store/schema';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `t${randomBytes(5).toString('hex')}`;
const clock = { now: () => new Date() };

let database: TestDatabase;
let queues: Queues;
let relay: OutboxRelay;

beforeAll(async () => {
  database = await openTestDatabase();
  queues = createQueues(redisUrl, prefix);
  relay = createOutboxRelay({ db: database.db, queues, clock, log: pino({ level: 'silent' }) });
});
afterAll(async () => {
  await relay?.stop();
  await queues?.close();
  for (const name of queueNames) {
    const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
  await database?.close();
});

/** A verified request and the locate job its verification wrote to the outbox. */
async function verifiedRequest(relationship: 'author' | 'guardian'): Promise<string> {
  const id = randomIds.next();
  const now = clock.now();
  await database.db.transaction(async (tx) => {
    await tx.insert(requests).values({
      id, state: 'verified', lang: 'en', scope: 'all', relationship, emailHash: `h-${id}`, childUnder13: relationship === 'guardian',
      createdAt: now, updatedAt: now, dueAt: new Date(now.getTime() + 3 * 24 * 3600_000),
    });
    await addToOutbox(tx, randomIds.next(), 'request.locate', { requestId: id }, now);
  });
  return id;
}

test('a child\'s locate job is taken before adult locate jobs queued before it', async () => {
  const adults = [await verifiedRequest('author'), await verifiedRequest('author'), await verifiedRequest('author')];
  expect(await relay.relayOnce()).toBe(3);
  const child = await verifiedRequest('guardian');
  expect(await relay.relayOnce()).toBe(1);

  const queue = queues.get('requests');
  const jobs = await queue.getJobs(['prioritized', 'waiting']);
  expect(jobs.map((job) => [job.data.requestId, job.opts.priority]).sort()).toEqual(
    [...adults.map((id) => [id, 10]), [child, 1]].sort(),
  );

  // One worker, one job at a time: the order it takes them is the order the queue gives them.
  const taken: string[] = [];
  const worker = new Worker('requests', async (job) => void taken.push(job.data.requestId as string), { connection: queues.connection, prefix, concurrency: 1 });
  try {
    await new Promise<void>((resolve) => worker.on('completed', () => taken.length === 4 && resolve()));
  } finally {
    await worker.close();
  }
  expect(taken[0]).toBe(child);
  expect(taken.slice(1)).toEqual(adults);
});

test("a job about no request (a forum event) waits behind a child's locate job queued after it", async () => {
  await database.db.transaction((tx) => addToOutbox(tx, randomIds.next(), 'forum.event', { eventId: 'evt-priority-1' }, clock.now()));
  expect(await relay.relayOnce()).toBe(1);
  await verifiedRequest('guardian');
  expect(await relay.relayOnce()).toBe(1);

  const taken: string[] = [];
  const worker = new Worker('requests', async (job) => void taken.push(job.name), { connection: queues.connection, prefix, concurrency: 1 });
  try {
    await new Promise<void>((resolve) => worker.on('completed', () => taken.length === 2 && resolve()));
  } finally {
    await worker.close();
  }
  expect(taken).toEqual(['request.locate', 'forum.event']);
});

test('a job queued again by the reconciler keeps its request\'s priority', async () => {
  const child = await verifiedRequest('guardian');
  await relay.relayOnce();
  const queue = queues.get('requests');
  const [job] = (await queue.getJobs(['prioritized', 'waiting'])).filter((j) => j.data.requestId === child);
  expect(job?.opts.priority).toBe(1);
  // Lost from Redis: the reconciler finds the row relayed long ago and not done, and enqueues it again.
  await job?.remove();
  expect(await relay.reconcileOnce(-1000)).toBeGreaterThanOrEqual(1);
  const [again] = (await queue.getJobs(['prioritized', 'waiting'])).filter((j) => j.data.requestId === child);
  expect(again?.opts.priority).toBe(1);
});
