// A send the SMTP server turns away leaves its mail unsent, whichever send lock the database gets: on PostgreSQL the
// mail is marked before the send and the lock's transaction rolls the mark back, on PGlite it is marked after. The
// retry then sends it once, and a later run sends nothing.
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { renderMail, sendMail } from '../../src/mail/mailJobs';
import { mails, outbox } from '../../src/store/schema';
import { startWorld, type World } from '../support/world';

let world: World;

beforeAll(async () => {
  // No workers: the test runs the mail jobs itself, one step at a time.
  world = await startWorld({}, { workers: false });
});
afterAll(async () => {
  await world?.close();
});

async function renderedVerifyMail(email: string): Promise<string> {
  const postId = await world.addPost('A review of a novel, nothing personal.');
  const res = await request(world.server).post('/api/v1/requests').send({ email, posts: [postId], scope: 'all', relationship: 'author', consent: true });
  expect(res.status).toBe(202);
  const requestId = res.body.id as string;
  const rows = await world.database.db.select().from(outbox);
  const row = rows.find((r) => (r.payload as { requestId?: string; template?: string }).requestId === requestId);
  if (!row) throw new Error('the request wrote no outbox row for its verify email');
  await renderMail(world.runtime.workerDeps, { requestId, template: 'verify' }, row.id);
  const [mail] = await world.database.db.select().from(mails).where(eq(mails.outboxId, row.id));
  if (!mail) throw new Error('no rendered mail');
  return mail.id;
}

const sentAtOf = async (mailId: string) => (await world.database.db.select().from(mails).where(eq(mails.id, mailId)))[0]?.sentAt ?? null;
const copiesOf = async (mailId: string) => {
  await world.smtp.settled();
  return world.smtp.messages.filter((m) => m.messageId === `<${mailId}@erasure>`).length;
};

test('a send the SMTP server refuses leaves the mail unsent; the retry sends it once and marks it, and a third run sends nothing', async () => {
  const mailId = await renderedVerifyMail('refused.once@example.org');
  world.smtp.refuse();
  try {
    await expect(sendMail(world.runtime.workerDeps, mailId)).rejects.toMatchObject({ responseCode: 451 });
  } finally {
    world.smtp.accept();
  }
  expect(await sentAtOf(mailId)).toBeNull();
  expect(await copiesOf(mailId)).toBe(0);

  await sendMail(world.runtime.workerDeps, mailId);
  expect(await sentAtOf(mailId)).toBeInstanceOf(Date);
  expect(await copiesOf(mailId)).toBe(1);

  await sendMail(world.runtime.workerDeps, mailId);
  expect(await copiesOf(mailId)).toBe(1);
});
