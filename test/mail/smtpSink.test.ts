import { randomUUID } from 'node:crypto';
import { createMailSender, type MailSender } from '../../src/mail/mailSender';
import { type SmtpSink, startSmtpSink } from '../support/smtpSink';

let sink: SmtpSink;
let sender: MailSender;
beforeEach(async () => {
  sink = await startSmtpSink();
  sender = createMailSender({ smtpUrl: sink.url, outboxDir: '/nonexistent', from: 'Erasure <privacy@forum.example>' });
});
afterEach(async () => {
  sender.close();
  await sink.close();
});

const send = (subject: string) =>
  sender.send({ to: 'someone@example.org', subject, text: `${subject} (text)`, html: `<p>${subject}</p>`, messageId: `<${randomUUID()}@erasure>` });

test('listens on a port of 127.0.0.1 and says so in its URL', () => {
  expect(sink.port).toBeGreaterThan(0);
  expect(sink.url).toBe(`smtp://127.0.0.1:${sink.port}`);
});

test('waitFor finds a message that has already arrived', async () => {
  await send('already here');
  await sink.settled();
  expect(sink.messages.map((m) => m.subject)).toEqual(['already here']);
  const found = await sink.waitFor((m) => m.subject === 'already here', 50);
  expect(found.text?.trim()).toBe('already here (text)');
});

test('waitFor waits for a message still to come and ignores the others', async () => {
  const waiting = sink.waitFor((m) => m.subject === 'the second');
  await send('the first');
  await send('the second');
  const found = await waiting;
  await sink.settled();
  expect(found.html).toContain('<p>the second</p>');
  expect(sink.messages).toHaveLength(2);
});

test('waitFor rejects after its timeout, listing what did arrive', async () => {
  await send('something else');
  const started = Date.now();
  await expect(sink.waitFor((m) => m.subject === 'never sent', 200)).rejects.toThrow(
    /no matching email arrived at the SMTP sink within 200 ms \(received: "something else" to someone@example.org\)/,
  );
  expect(Date.now() - started).toBeGreaterThanOrEqual(190);
});

test('closing the sink ends a wait at once, and closing twice is harmless', async () => {
  const waiting = sink.waitFor(() => false, 60_000);
  sender.close();
  await Promise.all([sink.close(), sink.close()]);
  await expect(waiting).rejects.toThrow(/closed/);
});

test('refuse() turns mail away with a 451 until accept(), then takes it again', async () => {
  sink.refuse();
  await expect(send('refused')).rejects.toMatchObject({ responseCode: 451 });
  expect(sink.refusals).toBe(1);
  sink.accept();
  await send('accepted');
  await sink.settled();
  expect(sink.messages.map((m) => m.subject)).toEqual(['accepted']);
});

test("refuse('closed') greets each connection with a 421 and hangs up", async () => {
  sink.refuse('closed');
  await expect(send('refused')).rejects.toMatchObject({ responseCode: 421 });
  sink.accept();
  await send('accepted');
  await sink.settled();
  expect(sink.messages.map((m) => m.subject)).toEqual(['accepted']);
});

test('answers 250 as soon as it holds the message and parses it afterwards, as a mail server does, and receivedAt is when the last byte came', async () => {
  // A message big enough that parsing it takes longer than the 250's way back to the sender.
  const html = `<p>${'a long line of an email body that takes a while to parse. '.repeat(20_000)}</p>`;
  const before = Date.now();
  await sender.send({ to: 'someone@example.org', subject: 'big', text: 'big (text)', html, messageId: `<${randomUUID()}@erasure>` });
  const repliedAt = Date.now();
  expect(sink.messages).toHaveLength(0);
  await sink.settled();
  const [message] = sink.messages;
  expect(message?.subject).toBe('big');
  const receivedAt = sink.receivedAt(message as NonNullable<typeof message>) ?? 0;
  expect(receivedAt).toBeGreaterThanOrEqual(before);
  expect(receivedAt).toBeLessThanOrEqual(repliedAt);
});
