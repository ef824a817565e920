// The morning digest: every moderator account gets one email a day listing the open requests due within five
// days, overdue ones marked; nothing when nothing is due, and nothing more when the job runs again.
import request from 'supertest';
import type { ParsedMail } from 'mailparser';
import { startWorld, type World } from '../support/world';
import { readConfig } from '../../src/config';
import { randomIds } from '../../src/domain/clockAndIds';
import { requestsDueWithin } from '../../src/domain/deadlines';
import { getRequest } from '../../src/store/requestRecords';
import { moderatorDigests, moderators } from '../../src/store/schema';
import { sendMorningDigest } from '../../workers/maintenance';

let world: World;

beforeAll(async () => {
  world = await startWorld({ DIGEST_HOUR: '6', DIGEST_TIMEZONE: 'Europe/Paris' });
});
afterAll(async () => {
  await world?.close();
});

const day = 24 * 3600_000;
const requester = { email: 'marie.dupont@example.fr', name: 'Marie Dupont' };
const alice = 'alice@forum.example';
const bruno = 'bruno@forum.example';
const carla = 'carla@forum.example';

/** A request confirmed now: with the default 30-day period it falls due 30 days from the world's clock. */
async function confirmedRequest(): Promise<string> {
  const postId = await world.addPost('Write to marie.dupont@example.fr for the bike.');
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email: requester.email, name: requester.name, posts: [postId], scope: 'all', relationship: 'author', consent: true });
  expect(res.status).toBe(202);
  await world.verifyFromEmail(requester.email, res.body.id);
  return res.body.id as string;
}

const mailsTo = (address: string): ParsedMail[] =>
  world.smtp.messages.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '').includes(address));

async function jobsFinished(ids: string[]): Promise<void> {
  const queue = world.runtime.queues.get('maintenance');
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const states = await Promise.all(ids.map(async (id) => (await queue.getJob(id))?.getState() ?? 'removed'));
    if (states.every((s) => s === 'completed' || s === 'removed')) return;
    if (states.includes('failed')) throw new Error(`a digest job failed: ${states.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the digest jobs did not finish');
}

let overdue: string;
let dueSoon: string;
let dueLater: string;

beforeAll(async () => {
  const now = world.clock.now();
  await world.database.db.insert(moderators).values([
    { id: randomIds.next(), email: alice, displayName: 'Alice', role: 'moderator', createdAt: now },
    { id: randomIds.next(), email: bruno, displayName: 'Bruno', role: 'admin', createdAt: now },
    { id: randomIds.next(), email: carla, displayName: 'Carla', role: 'moderator', createdAt: now, disabledAt: now },
  ]);
  // Confirmed on day 0, 3 and 21: on day 31 they are one day overdue, due in 2 days and due in 20 days.
  overdue = await confirmedRequest();
  world.clock.advance(3 * day);
  dueSoon = await confirmedRequest();
  world.clock.advance(18 * day);
  dueLater = await confirmedRequest();
});

test('the digest is scheduled every day at DIGEST_HOUR in DIGEST_TIMEZONE', async () => {
  const schedulers = await world.runtime.queues.get('maintenance').getJobSchedulers();
  expect(schedulers.find((s) => s.key === 'moderator-digest')).toMatchObject({ name: 'maintenance.moderator-digest', pattern: '0 6 * * *', tz: 'Europe/Paris' });
});

test('a time zone that does not exist stops start-up with a message naming it', () => {
  expect(() => readConfig({ DIGEST_TIMEZONE: 'Europe/Pariss' })).toThrow(/DIGEST_TIMEZONE: must be an IANA time zone/);
  expect(() => readConfig({ DIGEST_HOUR: '24' })).toThrow(/DIGEST_HOUR/);
});

test('when nothing is due within five days, no moderator gets an email', async () => {
  // Day 21: the first request is due in 9 days.
  expect(await requestsDueWithin(world.runtime.workerDeps, 5)).toEqual([]);
  expect(await sendMorningDigest(world.runtime.workerDeps)).toMatchObject({ sent: 0 });
  await world.smtp.settled();
  expect([...mailsTo(alice), ...mailsTo(bruno)]).toEqual([]);
  expect(await world.database.db.select().from(moderatorDigests)).toEqual([]);
});

test('each moderator gets one email listing the overdue request and the one due soon, and a second run sends nothing', async () => {
  world.clock.advance(10 * day);
  const due = await requestsDueWithin(world.runtime.workerDeps, 5);
  expect(due.map((r) => [r.id, r.overdue])).toEqual([
    [overdue, true],
    [dueSoon, false],
  ]);

  // Two jobs at once stand for two workers picking up the same morning.
  await world.runtime.queues.add('maintenance.moderator-digest', {}, 'digest-a');
  await world.runtime.queues.add('maintenance.moderator-digest', {}, 'digest-b');
  await jobsFinished(['digest-a', 'digest-b']);
  expect(await sendMorningDigest(world.runtime.workerDeps)).toMatchObject({ sent: 0 });
  // The sink answers 250 before it parses: what it accepted is all there once it has caught up.
  await world.smtp.settled();
  for (const address of [alice, bruno]) {
    const mails = mailsTo(address);
    expect(mails).toHaveLength(1);
    const [mail] = mails as [ParsedMail];
    expect(mail.subject).toBe('2 removal requests are due within 5 days (1 overdue)');
    const text = mail.text ?? '';
    const html = typeof mail.html === 'string' ? mail.html : '';
    for (const id of [overdue, dueSoon]) {
      expect(text).toContain(`${world.config.publicUrl}/console/requests/${id}`);
      expect(html).toContain(`href="${world.config.publicUrl}/console/requests/${id}"`);
    }
    expect(text).not.toContain(dueLater);
    expect(text).not.toContain(dueLater.slice(0, 8));
    const dueDate = (id: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(due.find((r) => r.id === id)?.dueAt);
    expect(text).toContain(`- OVERDUE: request ${overdue.slice(0, 8)}, awaiting review, was due ${dueDate(overdue)}`);
    expect(text).toContain(`- request ${dueSoon.slice(0, 8)}, awaiting review, due ${dueDate(dueSoon)}`);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    // Ids, states and dates only: nothing the requester gave, nor the posts.
    for (const part of [mail.subject ?? '', text, html]) {
      expect(part).not.toMatch(/marie|dupont|bike/i);
    }
  }
  expect(mailsTo(carla)).toEqual([]);
  const [logged] = await world.database.db.select().from(moderatorDigests);
  expect(logged).toMatchObject({ day: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(world.clock.now()), requestCount: 2 });
  expect((await getRequest(world.database.db, dueLater))?.state).toBe('awaiting_review');
});
