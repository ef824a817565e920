// Retention: RETENTION_DAYS after a request closes, the scheduled job erases its identifiers and free text and
// leaves its state, dates and audit; open requests and recently closed ones keep theirs. The clock is moved.
import request from 'supertest';
import { eq } from 'drizzle-orm';
import { startWorld, type World } from '../support/world';
import { readConfig } from '../../src/config';
import { readAudit, verifyAuditChain } from '../../src/store/auditTrail';
import { applyEvent } from '../../src/store/requestEvents';
import { requesterIdentifiers } from '../../src/store/schema';
import { getRequest } from '../../src/store/requestRecords';

let world: World;

beforeAll(async () => {
  world = await startWorld({ RETENTION_DAYS: '30' });
});
afterAll(async () => {
  await world?.close();
});

const day = 24 * 3600_000;

async function submit(email: string): Promise<string> {
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email, name: 'Lou Martin', identifiers: { phones: ['+33 6 98 76 54 32'], usernames: ['loum'] }, posts: [await world.addPost('hello')], scope: 'all', relationship: 'author', consent: true, details: 'please hurry' });
  expect(res.status).toBe(202);
  return (res.body as { id: string }).id;
}

const closeNow = (requestId: string) => applyEvent(world.runtime.workerDeps, { requestId, event: 'expire', actor: { kind: 'system' } });

async function identifierCount(requestId: string): Promise<number> {
  return (await world.database.db.select().from(requesterIdentifiers).where(eq(requesterIdentifiers.requestId, requestId))).length;
}

/** Runs the scheduled job through the queue, as the scheduler does, and waits for the worker to finish it. */
async function runRetentionJob(jobId: string): Promise<void> {
  // Kept once done (maintenance jobs are removed on completion), so that the test can see it finish.
  await world.runtime.queues.add('maintenance.erase-closed-identifiers', {}, jobId, { removeOnComplete: false });
  const job = await world.runtime.queues.get('maintenance').getJob(jobId);
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    const state = await job?.getState();
    if (state === 'completed') return;
    if (state === 'failed') throw new Error(`the retention job failed: ${job?.failedReason}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the retention job did not finish');
}

test('a request closed longer ago than RETENTION_DAYS loses its identifiers and free text; open and recent ones keep theirs; twice is harmless', async () => {
  const oldClosed = await submit('old.closed@example.org');
  const hashBefore = (await getRequest(world.database.db, oldClosed))?.emailHash;
  const open = await submit('still.open@example.org');
  await world.verifyFromEmail('still.open@example.org', open);
  await closeNow(oldClosed);
  expect(await identifierCount(oldClosed)).toBe(4);

  world.clock.advance(31 * day);
  const recentClosed = await submit('recent.closed@example.org');
  await closeNow(recentClosed);

  await runRetentionJob('retention-1');
  const erased = await getRequest(world.database.db, oldClosed);
  expect(erased).toMatchObject({ state: 'expired', privateBox: null });
  expect(erased?.identifiersErasedAt).toBeInstanceOf(Date);
  expect(erased?.closedAt).toBeInstanceOf(Date);
  expect(await identifierCount(oldClosed)).toBe(0);
  // The email hash stays: it holds per-email limits and finds nothing once the rows are gone.
  expect(hashBefore).toMatch(/^\S{16,}$/);
  expect(erased?.emailHash).toBe(hashBefore);

  for (const kept of [open, recentClosed]) {
    expect(await identifierCount(kept)).toBe(4);
    const row = await getRequest(world.database.db, kept);
    expect(row?.privateBox).toMatch(/^v2\./);
    expect(row?.identifiersErasedAt).toBeNull();
  }

  const entries = (await readAudit(world.database.db, oldClosed)).filter((e) => e.action === 'identifiers_erased');
  expect(entries).toHaveLength(1);
  expect(entries[0]?.data).toEqual({ identifiers: 4, retentionDays: 30 });
  expect(JSON.stringify(entries[0]?.data)).not.toContain('example.org');

  // Moderators still see the closed request, its state and trail, without what was erased.
  const review = await request(world.server).get(`/api/v1/moderation/requests/${oldClosed}`).set({ Authorization: `Bearer ${world.moderatorToken}` });
  expect(review.status).toBe(200);
  expect(review.body).toMatchObject({ state: 'expired', details: null, requester: { email: null } });
  expect(JSON.stringify(review.body)).not.toContain('old.closed@example.org');

  const firstMark = erased?.identifiersErasedAt;
  await runRetentionJob('retention-2');
  expect((await readAudit(world.database.db, oldClosed)).filter((e) => e.action === 'identifiers_erased')).toHaveLength(1);
  expect((await getRequest(world.database.db, oldClosed))?.identifiersErasedAt).toEqual(firstMark);
  expect(await verifyAuditChain(world.database.db, oldClosed)).toBeNull();

});

test('RETENTION_DAYS is checked when read', async () => {
  expect(() => readConfig({ RETENTION_DAYS: '0' })).toThrow(/RETENTION_DAYS/);
  expect(() => readConfig({ RETENTION_DAYS: 'ninety' })).toThrow(/RETENTION_DAYS/);
  expect(readConfig({}).RETENTION_DAYS).toBe(90);
});
