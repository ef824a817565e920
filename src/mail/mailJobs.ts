// The two mail jobs: render (read the request, fill the template, keep the result) and send (the only step
// that talks SMTP, and the only one that retries with a long backoff). Both are keyed, so a rerun sends once.
import type { Clock, Ids } from '../domain/clockAndIds';
import { postUrl } from '../domain/postReference';
import { type LinkSettings, statusUrl, verifyUrl } from '../domain/requestLinks';
import type { RefusalReason } from '../domain/refusalReasons';
import type { SignedLinks } from '../http/signedLinks';
import type { JobOf } from '../queue/jobs';
import { jobPriority } from '../queue/jobPriority';
import type { Queues } from '../queue/queues';
import type { Db } from '../store/database';
import { getMail, type MailSendLock, markSent, saveRenderedMail } from '../store/mailRecords';
import { keptFingerprints } from '../domain/removedIdentifiers';
import { quoteSource } from '../store/quotingPosts';
import { findingsOf, getRequest, postsOf, requesterOf, type RequestRow } from '../store/requestRecords';
import type { SecretBox } from '../store/secretBox';
import type { createMailRenderer } from './mailRenderer';
import type { MailSender } from './mailSender';
import type { Locale, MailTemplate, MailVars } from './mailTemplates';

export interface MailJobDeps {
  db: Db;
  box: SecretBox;
  links: SignedLinks;
  linkSettings: LinkSettings;
  postUrlTemplate: string;
  renderer: ReturnType<typeof createMailRenderer>;
  sender: MailSender;
  /** Keeps two sends of one mail apart (store/mailRecords.ts). */
  mailSendLock: MailSendLock;
  queues: Queues;
  clock: Clock;
  ids: Ids;
}

export const sendJobId = (mailId: string) => `send-${mailId}`;

export async function renderMail(deps: MailJobDeps, payload: JobOf<'mail.render'>, outboxId: string): Promise<void> {
  const request = await getRequest(deps.db, payload.requestId);
  if (!request) return;
  // A request opened from a forum user's report without an address: nobody to write to.
  if (!(await requesterOf(deps.db, deps.box, request.id)).email) return;
  const now = deps.clock.now();
  const vars = await varsFor(deps, request, payload.template, payload.question, now);
  const rendered = deps.renderer.render(payload.template, request.lang as Locale, vars as never);
  const mail = await saveRenderedMail(deps.db, {
    id: deps.ids.next(),
    outboxId,
    requestId: request.id,
    template: payload.template,
    locale: request.lang,
    ...rendered,
    createdAt: now,
  });
  await deps.queues.add('mail.send', { mailId: mail.id }, sendJobId(mail.id), { priority: jobPriority(request) });
}

/**
 * Sends a rendered mail unless it was sent. Under the send lock, a worker that took over the job of a hung one waits
 * for it and then finds the mail sent. What no lock can close: a worker that dies after the SMTP server accepted the
 * message and before the commit that marks it sent leaves it unsent here, and the retry sends it again, with the
 * same Message-ID. A retry that sent nothing would lose the email instead: a duplicate is the lesser harm. Where the
 * lock's transaction rolls back a failed send, the mark is written before the send, so that the window is one
 * COMMIT wide rather than an UPDATE and a COMMIT.
 */
export async function sendMail(deps: MailJobDeps, mailId: string): Promise<void> {
  await deps.mailSendLock(mailId, async (tx) => {
    const mail = await getMail(tx, mailId);
    if (!mail || mail.sentAt) return;
    const { email } = await requesterOf(tx, deps.box, mail.requestId);
    if (!email) return;
    const messageId = `<${mail.id}@erasure>`;
    const outgoing = { to: email, subject: mail.subject, text: mail.text, html: mail.html, messageId };
    if (deps.mailSendLock.rollsBackFailedRuns) {
      await markSent(tx, mail.id, deps.clock.now(), messageId);
      await deps.sender.send(outgoing);
    } else {
      await deps.sender.send(outgoing);
      await markSent(tx, mail.id, deps.clock.now(), messageId);
    }
  });
}

async function varsFor(deps: MailJobDeps, request: RequestRow, template: MailTemplate, question: string | undefined, now: Date): Promise<MailVars[MailTemplate]> {
  const status = statusUrl(deps.links, deps.linkSettings, request.id, now);
  switch (template) {
    case 'verify':
      return { verifyUrl: verifyUrl(deps.links, deps.linkSettings, request.id, request.createdAt), statusUrl: status, expiresInHours: deps.linkSettings.verifyLinkHours, childUnder13: request.childUnder13 };
    case 'received':
      return { statusUrl: status, dueAt: request.dueAt, postCount: (await postsOf(deps.db, request.id)).length, childUnder13: request.childUnder13 };
    case 'needs_info':
      return { statusUrl: status, question: question ?? request.question ?? '' };
    case 'completed': {
      // Other people's posts that quoted the removed text are counted, not listed: the request never named them.
      const rows = await postsOf(deps.db, request.id);
      const quoting = rows.filter((p) => p.source === quoteSource);
      const posts = rows.filter((p) => p.source !== quoteSource);
      const approved = (await findingsOf(deps.db, request.id)).filter((f) => f.approved);
      return {
        statusUrl: status,
        posts: posts
          .filter((p) => p.status === 'redacted')
          .map((p) => ({ url: postUrl(p.postId, deps.postUrlTemplate), kinds: [...new Set(approved.filter((f) => f.postId === p.postId).map((f) => f.type))] })),
        notFound: posts.filter((p) => p.status === 'not_found').map((p) => postUrl(p.postId, deps.postUrlTemplate)),
        fingerprints: await keptFingerprints(deps.db, request),
        quotes: quoting.filter((p) => p.status === 'redacted').length,
        deleted: posts.filter((p) => p.status === 'deleted').map((p) => postUrl(p.postId, deps.postUrlTemplate)),
      };
    }
    case 'refused':
      return { statusUrl: status, reason: request.refusalReason as RefusalReason, message: request.refusalMessage };
    case 'withdrawn':
      return { statusUrl: status };
  }
}
