// Nothing is lost between the database and Redis: outbox rows reach BullMQ once, and a job lost from
// Redis is enqueued again by the reconciler, and its email is still sent exactly once.
import request from 'supertest';
import { eq, isNull } from 'drizzle-orm';
import { startWorld, type World } from '../support/world';
import { outbox } from '../../src/store/schema';
import { applyEvent } from '../../src/store/requestEvents';
import { verifyEmail } from '../../src/domain/requesterActions';

let world: World;
let postId: string;

beforeAll(async () => {
  world = await startWorld();
  postId = await world.addPost('Nothing personal here, just a review of a novel.');
});
afterAll(async () => {
  await world?.close();
});

async function submit(email: string): Promise<string> {
  const res = await request(world.server).post('/api/v1/requests').send({ email, posts: [postId], scope: 'all', relationship: 'author', consent: true });
  expect(res.status).toBe(202);
  return res.body.id as string;
}

test('the verification email of a request is relayed, rendered and sent once, and its outbox row is marked done', async () => {
  const id = await submit('once@example.org');
  await world.waitForMail('once@example.org', /./, [`/verify/${id}`]);
  const rows = await world.database.db.select().from(outbox);
  const row = rows.find((r) => (r.payload as { requestId?: string }).requestId === id);
  expect(row?.relayedAt).toBeInstanceOf(Date);
  // Relaying again enqueues nothing new: the job id is the row id.
  await world.runtime.relay.relayOnce();
  await world.runtime.relay.reconcileOnce(0);
  await new Promise((resolve) => setTimeout(resolve, 500));
  await world.smtp.settled();
  expect(world.smtp.messages.filter((m) => (m.text ?? '').includes(`/verify/${id}`))).toHaveLength(1);
});

test('a job lost from Redis after relaying is enqueued again by the reconciler and its email still arrives once', async () => {
  const id = await submit('lost.job@example.org');
  await world.waitForMail('lost.job@example.org', /./, [`/verify/${id}`]);
  // The state change commits with its outbox row while the workers are paused, so the job waits in Redis...
  const requests = world.runtime.queues.get('requests');
  await requests.pause();
  await verifyEmail(world.runtime.workerDeps, id);
  await world.runtime.relay.relayOnce();
  const pending = await world.database.db.select().from(outbox).where(isNull(outbox.doneAt));
  const lost = pending.filter((r) => (r.payload as { requestId?: string }).requestId === id);
  expect(lost.length).toBeGreaterThan(0);
  // ...and is then lost, as if Redis had been flushed.
  for (const row of lost) await (await requests.getJob(row.id))?.remove();
  await requests.resume();
  await world.runtime.relay.reconcileOnce(0);
  await world.waitForState(id, 'awaiting_review');
  await world.waitForMail('lost.job@example.org', /confirmed/i, [`/status/${id}`]);
  for (const row of lost) {
    const [after] = await world.database.db.select().from(outbox).where(eq(outbox.id, row.id));
    expect(after?.doneAt).toBeInstanceOf(Date);
  }
});

test('a state change that fails writes neither its audit entry nor its outbox rows', async () => {
  const id = await submit('rollback@example.org');
  const before = await world.database.db.select().from(outbox);
  await expect(
    applyEvent(world.runtime.workerDeps, {
      requestId: id,
      event: 'verify',
      actor: { kind: 'requester' },
      within: async () => {
        throw new Error('the disk is full');
      },
    }),
  ).rejects.toThrow('the disk is full');
  expect(await world.database.db.select().from(outbox)).toHaveLength(before.length);
  const status = await request(world.server).get(`/api/v1/moderation/requests/${id}/audit`).set('Authorization', `Bearer ${world.moderatorToken}`);
  expect(status.body.entries.map((e: { action: string }) => e.action)).toEqual(['submit']);
});
