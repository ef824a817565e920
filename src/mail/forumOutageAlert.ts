// The admins' alert that the forum database stays unreachable: rendered from templates/mail/admins/ in
// ADMIN_MAIL_LOCALE, and sent by a mail-send job per admin (domain/forumOutageAlerts.ts writes them). It names the
// outage's start, its failed tries and the last error code: no request, no person.
import path from 'node:path';
import { Eta } from 'eta';
import type { Clock } from '../domain/clockAndIds';
import type { LinkSettings } from '../domain/requestLinks';
import type { JobOf } from '../queue/jobs';
import type { Db } from '../store/database';
import { adminAccounts, getOutage } from '../store/forumOutages';
import { templatesDir } from '../paths';
import { createTranslator } from './i18n';
import type { MailSender } from './mailSender';
import type { Locale, RenderedMail } from './mailTemplates';

export interface ForumOutageAlert {
  startedAt: Date;
  failures: number;
  /** "forum database unreachable (ECONNREFUSED)" */
  error: string;
  publicUrl: string;
}

export interface ForumOutageAlertRenderer {
  render(locale: Locale, alert: ForumOutageAlert): RenderedMail;
}

/** 2026-11-27 08:14, in UTC: the alert says so. */
const utcMinute = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ');

export function createForumOutageAlertRenderer(dir: string = templatesDir): ForumOutageAlertRenderer {
  const translator = createTranslator(dir);
  // The same options as the other emails, so that the shared layouts behave the same.
  const common = { views: path.join(dir, 'mail'), cache: true, autoTrim: false, functionHeader: 'const t = it.t;' } as const;
  const html = new Eta({ ...common, autoEscape: true });
  const plain = new Eta({ ...common, autoEscape: false });
  return {
    render(locale, alert) {
      const t = (key: string, params?: Record<string, string | number>) => translator.translate(locale, key, params);
      const data = {
        locale,
        t,
        what: t('adminAlerts.forumOutage.what', { startedAt: utcMinute(alert.startedAt), failures: alert.failures, error: alert.error }),
        consoleUrl: `${alert.publicUrl}/console`,
      };
      const subject = plain.render('./admins/forum_outage.subject.eta', data).replace(/\s+/g, ' ').trim();
      const withSubject = { ...data, subject };
      return {
        subject,
        text: plain.render('./admins/forum_outage.text.eta', withSubject).replace(/\n{3,}/g, '\n\n').trim() + '\n',
        html: html.render('./admins/forum_outage.html.eta', withSubject).trim() + '\n',
      };
    },
  };
}

export interface ForumOutageAlertDeps {
  db: Db;
  clock: Clock;
  sender: MailSender;
  linkSettings: LinkSettings;
  forumOutageAlert: { renderer: ForumOutageAlertRenderer; locale: Locale };
}

/**
 * Sends one admin the alert of one outage. The Message-ID is the outage's and the admin's, so that a copy sent again
 * by a retry shows as the same message. An admin since disabled or removed is skipped.
 */
export async function sendForumOutageAlert(deps: ForumOutageAlertDeps, payload: JobOf<'mail.forum-outage'>): Promise<void> {
  const outage = await getOutage(deps.db, payload.outageId);
  const admin = (await adminAccounts(deps.db)).find((account) => account.id === payload.accountId);
  if (!outage || !admin) return;
  const mail = deps.forumOutageAlert.renderer.render(deps.forumOutageAlert.locale, {
    startedAt: outage.startedAt,
    // The count when the alert was claimed: the threshold, or more if several tries failed at once.
    failures: outage.failures,
    error: outage.lastError,
    publicUrl: deps.linkSettings.publicUrl,
  });
  await deps.sender.send({ to: admin.email, ...mail, messageId: `<forum-outage-${outage.id}-${admin.id}@erasure>` });
}
