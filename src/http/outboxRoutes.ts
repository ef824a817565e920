// The embedded default's outbox as pages: with no SMTP_URL, the mail sender writes each email as an .eml file, and
// these pages list them (newest first) and show one as plain text. Mount at /console/outbox, behind the caller's guard.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { simpleParser } from 'mailparser';
import { listOutbox } from '../mail/outboxFolder';
import { localeOf } from './locale';
import type { Pages } from './pages';

export interface OutboxRouteDeps {
  /** The folder the outbox mail sender writes to: <ERASURE_DATA_DIR>/outbox. */
  outboxDir: string;
  pages: Pages;
  /** Who may read the outbox (the emails hold requesters' addresses): runs before every page. */
  guard: RequestHandler;
}

/**
 * The names outboxFileName() gives: letters, digits, . _ @ + - and %XX escapes, ending in .eml. No slash, no
 * leading dot and no '..' anywhere, so that a name can only ever be a file directly inside the outbox folder.
 */
const outboxFileName = /^(?!\.)(?:[A-Za-z0-9_@+-]|%[0-9A-F]{2}|\.(?!\.))+\.eml$/;

export function outboxRoutes(deps: OutboxRouteDeps): Router {
  const router = express.Router();
  const folder = path.resolve(deps.outboxDir);
  router.use(deps.guard);

  const send = (res: Response, status: number, html: string) => res.status(status).set('Cache-Control', 'no-store').type('html').send(html);

  const notFound = (req: Request, res: Response, status: 400 | 404) =>
    send(res, status, deps.pages.render('message', localeOf(req), { key: 'outbox_not_found', outboxPath: req.baseUrl || '/' }));

  router.get('/', async (req, res) => {
    const mails = (await listOutbox(folder)).map((mail) => ({ ...mail, date: mail.date.toISOString(), path: `${req.baseUrl}/${encodeURIComponent(mail.file)}` }));
    send(res, 200, deps.pages.render('outbox', localeOf(req), { mails }));
  });

  router.get('/:file', async (req, res) => {
    const file = String(req.params.file);
    if (file.length > 255 || !outboxFileName.test(file)) return notFound(req, res, 400);
    const full = path.join(folder, file);
    // A second guard, independent of the pattern: the file must sit directly in the outbox folder.
    if (path.dirname(full) !== folder) return notFound(req, res, 400);
    let content: Buffer;
    try {
      content = await readFile(full);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return notFound(req, res, 404);
      throw error;
    }
    const parsed = await simpleParser(content);
    const addresses = (value: typeof parsed.to) => (value === undefined ? '' : Array.isArray(value) ? value.map((a) => a.text).join(', ') : value.text);
    const mail = {
      file,
      subject: parsed.subject ?? '',
      from: addresses(parsed.from),
      to: addresses(parsed.to),
      date: parsed.date?.toISOString() ?? null,
      // The text part only: the HTML part is not rendered, so nothing in an email can run or load on this page.
      text: parsed.text ?? null,
    };
    send(res, 200, deps.pages.render('outboxMail', localeOf(req), { mail, listPath: req.baseUrl || '/' }));
  });

  return router;
}
