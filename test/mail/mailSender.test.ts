import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { createMailRenderer } from '../../src/mail/mailRenderer';
import { createMailSender, listOutbox, type OutgoingMail } from '../../src/mail/mailSender';
import { outboxFileName } from '../../src/mail/outboxFolder';
import { type SmtpSink, startSmtpSink } from '../support/smtpSink';

const from = 'Erasure <privacy@forum.example>';
const renderer = createMailRenderer();

function completedMail(to: string): OutgoingMail {
  const rendered = renderer.render('completed', 'fr', {
    statusUrl: 'https://erasure.example/requests/1/status?sig=s',
    posts: [{ url: 'https://forum.example/p/1', kinds: ['email', 'phone'] }],
    notFound: [],
  });
  return { to, ...rendered, messageId: `<${randomUUID()}@erasure>` };
}

let outboxDir: string;
beforeEach(async () => {
  outboxDir = await mkdtemp(path.join(tmpdir(), 'erasure-outbox-'));
});
afterEach(() => rm(outboxDir, { recursive: true, force: true }));

describe('over SMTP', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  test('the requester receives the subject, both parts, our Message-ID, From and To', async () => {
    const sender = createMailSender({ smtpUrl: sink.url, outboxDir, from });
    try {
      await sender.verify();
      const mail = completedMail('marie.dupont@example.org');
      await sender.send(mail);

      const received = await sink.waitFor((m) => m.messageId === mail.messageId);
      expect(received.subject).toBe('Vos informations personnelles ont été supprimées');
      expect(received.text).toContain('numéro de téléphone');
      expect(received.text).toContain('https://forum.example/p/1');
      expect(received.html).toContain('lang="fr"');
      expect(received.html).toContain('href="https://forum.example/p/1"');
      expect(received.from?.value).toEqual([{ address: 'privacy@forum.example', name: 'Erasure' }]);
      expect(received.to).toMatchObject({ value: [{ address: 'marie.dupont@example.org', name: '' }] });
      expect(received.headers.get('auto-submitted')).toBe('auto-generated');
      // Nothing went to the outbox folder when SMTP is configured.
      expect(await readdir(outboxDir)).toEqual([]);
    } finally {
      sender.close();
    }
  });

  test('credentials in the URL are used to log in', async () => {
    const sender = createMailSender({ smtpUrl: sink.url.replace('smtp://', 'smtp://erasure:s%40cret@'), outboxDir, from });
    try {
      await sender.verify();
      const mail = completedMail('someone@example.org');
      await sender.send(mail);
      await expect(sink.waitFor((m) => m.messageId === mail.messageId)).resolves.toBeDefined();
    } finally {
      sender.close();
    }
  });

  test('verify fails when no SMTP server listens', async () => {
    const gone = await startSmtpSink();
    await gone.close();
    const sender = createMailSender({ smtpUrl: gone.url, outboxDir, from });
    try {
      await expect(sender.verify()).rejects.toThrow(/ECONNREFUSED|connect/i);
      await expect(sender.send(completedMail('x@example.org'))).rejects.toThrow();
    } finally {
      sender.close();
    }
  });
});

describe('without SMTP, into the outbox folder', () => {
  test('a message becomes an .eml file named after its Message-ID that parses back', async () => {
    const sender = createMailSender({ outboxDir, from });
    const mail = completedMail('marie.dupont@example.org');
    await sender.send(mail);
    sender.close();

    expect(await readdir(outboxDir)).toEqual([outboxFileName(mail.messageId)]);
    const parsed = await simpleParser(await readFile(path.join(outboxDir, outboxFileName(mail.messageId))));
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.text?.trim()).toBe(mail.text.trim());
    expect(parsed.html).toContain('numéro de téléphone');
    expect(parsed.from?.value).toEqual([{ address: 'privacy@forum.example', name: 'Erasure' }]);
    expect(parsed.to).toMatchObject({ text: 'marie.dupont@example.org' });
  });

  test('sending the same Message-ID twice leaves one file, holding the last message', async () => {
    const sender = createMailSender({ outboxDir, from });
    const mail = completedMail('marie.dupont@example.org');
    await sender.send(mail);
    await sender.send({ ...mail, subject: 'Second attempt' });
    sender.close();

    const files = await readdir(outboxDir);
    expect(files).toEqual([outboxFileName(mail.messageId)]);
    const listed = await listOutbox(outboxDir);
    expect(listed.map((entry) => entry.subject)).toEqual(['Second attempt']);
  });

  test('listOutbox lists subject, recipient and date, newest first', async () => {
    const sender = createMailSender({ outboxDir, from });
    const older = completedMail('first@example.org');
    const newer = { ...completedMail('second@example.org'), subject: 'Your request has been withdrawn' };
    await sender.send(older);
    await sender.send(newer);
    sender.close();
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(path.join(outboxDir, outboxFileName(older.messageId)), hourAgo, hourAgo);

    const listed = await listOutbox(outboxDir);
    expect(listed).toEqual([
      { file: outboxFileName(newer.messageId), subject: 'Your request has been withdrawn', to: 'second@example.org', date: expect.any(Date) },
      { file: outboxFileName(older.messageId), subject: 'Vos informations personnelles ont été supprimées', to: 'first@example.org', date: expect.any(Date) },
    ]);
    // File times round-trip through floating-point seconds: a millisecond either way is the same moment.
    expect(Math.abs(listed[1]!.date.getTime() - hourAgo.getTime())).toBeLessThan(5);
    expect(listed[0]!.date.getTime()).toBeGreaterThan(hourAgo.getTime() + 3_000_000);
  });

  test('an outbox never written to lists nothing, and verify creates it', async () => {
    const missing = path.join(outboxDir, 'not-yet');
    expect(await listOutbox(missing)).toEqual([]);
    const sender = createMailSender({ outboxDir: missing, from });
    await sender.verify();
    sender.close();
    expect(await readdir(missing)).toEqual([]);
  });

  test('file names stay inside the folder and two different ids never share one', () => {
    expect(outboxFileName('<0b7e-4c1d@erasure>')).toBe('0b7e-4c1d@erasure.eml');
    expect(outboxFileName('0b7e-4c1d@erasure')).toBe(outboxFileName('<0b7e-4c1d@erasure>'));
    expect(outboxFileName('<../../etc/passwd@x>')).not.toMatch(/[/\\]/);
    expect(outboxFileName('<a/b@x>')).not.toBe(outboxFileName('<a%2Fb@x>'));
    expect(() => outboxFileName('<>')).toThrow(/Message-ID/);
  });
});
