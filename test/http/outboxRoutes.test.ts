// The outbox pages of the embedded default: the .eml files the real mail sender writes, listed newest first and shown
// one at a time as escaped text, behind the caller's guard, and never a file outside the outbox folder.
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { outboxRoutes } from '../../src/http/outboxRoutes';
import { createPages } from '../../src/http/pages';
import { createMailSender, type OutgoingMail } from '../../src/mail/mailSender';

let dataDir: string;
let outboxDir: string;
let server: Server;

/** Stands in for the console's session check: a header says who is signed in. */
const guard: express.RequestHandler = (req, res, next) => {
  if (req.get('x-test-account') === 'admin') return next();
  res.status(401).type('text').send('sign in first');
};
const signedIn = { 'x-test-account': 'admin' };

const mails: OutgoingMail[] = [
  { to: 'oldest@example.org', subject: 'Confirm your request', text: 'Open this link.', html: '<p>Open this link.</p>', messageId: '<0001@erasure>' },
  {
    to: 'middle@example.org',
    subject: 'The moderators have a question <b>now</b>',
    text: 'They ask: <script>alert("x")</script> & which one?',
    html: '<p>They ask</p>',
    messageId: '<0002/odd id@erasure>',
  },
  { to: 'newest@example.org', subject: 'Your request is done', text: 'Removed.', html: '<p>Removed.</p>', messageId: '<0003@erasure>' },
];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'erasure-outbox-'));
  outboxDir = path.join(dataDir, 'outbox');
  const sender = createMailSender({ outboxDir, from: 'Erasure <privacy@forum.example>' });
  for (const [i, mail] of mails.entries()) {
    await sender.send(mail);
    // Files written within one millisecond share a time: set them apart, as minutes between emails would.
    const written = new Date(Date.UTC(2026, 2, 3, 10, i));
    const file = (await readdir(outboxDir)).find((name) => name.startsWith(`000${i + 1}`)) as string;
    await utimes(path.join(outboxDir, file), written, written);
  }
  sender.close();
  // A file beside the outbox that no outbox page may ever show.
  await writeFile(path.join(dataDir, 'secret.eml'), 'Subject: private\r\n\r\nthe secret key');
  const app = express();
  app.use('/console/outbox', outboxRoutes({ outboxDir, pages: createPages({ verifyLinkHours: 48, reviewDeadlineDays: 30 }), guard }));
  server = app.listen(0);
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

const rows = (html: string) =>
  [...html.matchAll(/<tr>\s*<td><time datetime="([^"]+)">[^<]*<\/time><\/td>\s*<td>([^<]*)<\/td>\s*<td><a href="([^"]+)">([^<]*)<\/a><\/td>/g)].map((m) => ({
    date: m[1],
    to: m[2],
    href: m[3],
    subject: m[4],
  }));

test('without the guard\'s consent, neither the list nor an email is shown', async () => {
  const list = await request(server).get('/console/outbox');
  expect(list.status).toBe(401);
  expect(list.text).not.toContain('@example.org');
  const one = await request(server).get('/console/outbox/0001@erasure.eml');
  expect(one.status).toBe(401);
  expect(one.text).not.toContain('Open this link');
});

test('the outbox lists every email newest first, with its date, recipient and subject', async () => {
  const res = await request(server).get('/console/outbox').set(signedIn);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/text\/html/);
  expect(res.headers['cache-control']).toBe('no-store');
  expect(rows(res.text)).toEqual([
    { date: '2026-03-03T10:02:00.000Z', to: 'newest@example.org', href: '/console/outbox/0003%40erasure.eml', subject: 'Your request is done' },
    {
      date: '2026-03-03T10:01:00.000Z',
      to: 'middle@example.org',
      href: '/console/outbox/0002%252Fodd%2520id%40erasure.eml',
      subject: 'The moderators have a question &lt;b&gt;now&lt;/b&gt;',
    },
    { date: '2026-03-03T10:00:00.000Z', to: 'oldest@example.org', href: '/console/outbox/0001%40erasure.eml', subject: 'Confirm your request' },
  ]);
  expect(res.text).toContain('Mar 3, 2026, 10:02 AM UTC');
  expect(res.text).not.toContain('<b>now</b>');
});

test('an email is shown as escaped text with its headers, reached by the link the list gives', async () => {
  const list = await request(server).get('/console/outbox').set(signedIn);
  const href = rows(list.text)[1]?.href as string;
  const res = await request(server).get(href).set(signedIn);
  expect(res.status).toBe(200);
  expect(res.text).toContain('<h1>The moderators have a question &lt;b&gt;now&lt;/b&gt;</h1>');
  expect(res.text).toContain('<dd>middle@example.org</dd>');
  expect(res.text).toContain('privacy@forum.example');
  expect(res.text).toContain('<pre class="mail">They ask: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; which one?');
  expect(res.text).not.toContain('<script>');
  expect(res.text).toContain('<a href="/console/outbox">Back to the outbox</a>');
});

test.each([
  ['a parent folder, encoded', '/console/outbox/..%2Fsecret.eml', 400],
  ['a parent folder, double dot encoded', '/console/outbox/%2E%2E%2Fsecret.eml', 400],
  ['an absolute path', '/console/outbox/%2Fetc%2Fpasswd', 400],
  ['a backslash path', '/console/outbox/..%5Csecret.eml', 400],
  ['a hidden file', '/console/outbox/.secret.eml', 400],
  ['a file that is not an email', '/console/outbox/notes.txt', 400],
  ['a parent folder, as a path segment', '/console/outbox/../secret.eml', 404],
  ['an email that is not there', '/console/outbox/0009@erasure.eml', 404],
])('%s is refused', async (_label, url, status) => {
  const res = await request(server).get(url).set(signedIn);
  expect(res.status).toBe(status);
  expect(res.text).not.toContain('the secret key');
  expect(res.text).not.toContain('root:');
});

test('a refused name gets a page that leads back to the list', async () => {
  const res = await request(server).get('/console/outbox/0009@erasure.eml').set(signedIn);
  expect(res.headers['content-type']).toMatch(/text\/html/);
  expect(res.text).toContain('No such email in the outbox');
  expect(res.text).toContain('<a href="/console/outbox">Back to the outbox</a>');
});
