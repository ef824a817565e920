// The moderators' morning digest: the open requests that fall due within a few days, or already have. English
// only, like the console. It names requests by id, state and due date, never by anything the requester gave.
import path from 'node:path';
import { Eta } from 'eta';
import { templatesDir } from '../paths';
import { createTranslator } from './i18n';
import type { RenderedMail } from './mailTemplates';

export interface DigestEntry {
  id: string;
  state: string;
  dueAt: Date;
  overdue: boolean;
  /** A child's request (under 13): urgent, listed first and marked so. */
  childUnder13?: boolean;
}

export interface DigestInput {
  entries: DigestEntry[];
  /** Requests due that the email does not list, to keep it short: the console has them all. */
  more: number;
  windowDays: number;
  /** The zone the due dates are written in, the one the digest is scheduled in. */
  timeZone: string;
  publicUrl: string;
}

export interface DigestRenderer {
  render(input: DigestInput): RenderedMail;
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD: the digest's key and how it writes due dates. */
export function calendarDay(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export const requestLink = (publicUrl: string, id: string) => `${publicUrl}/console/requests/${id}`;

export function createDigestRenderer(dir: string = templatesDir): DigestRenderer {
  const translator = createTranslator(dir);
  // The same options as the requesters' emails (mailRenderer.ts), so that the shared layouts behave the same.
  const common = { views: path.join(dir, 'mail'), cache: true, autoTrim: false, functionHeader: 'const t = it.t;' } as const;
  const html = new Eta({ ...common, autoEscape: true });
  const plain = new Eta({ ...common, autoEscape: false });

  return {
    render(input) {
      const data = {
        locale: 'en',
        t: (key: string) => translator.translate('en', key),
        windowDays: input.windowDays,
        timeZone: input.timeZone,
        more: input.more,
        consoleUrl: `${input.publicUrl}/console`,
        overdueCount: input.entries.filter((e) => e.overdue).length,
        requests: input.entries.map((e) => ({
          shortId: e.id.slice(0, 8),
          state: e.state.replace(/_/g, ' '),
          due: calendarDay(e.dueAt, input.timeZone),
          overdue: e.overdue,
          child: Boolean(e.childUnder13),
          url: requestLink(input.publicUrl, e.id),
        })),
        total: input.entries.length + input.more,
      };
      const subject = plain.render('./moderators/digest.subject.eta', data).replace(/\s+/g, ' ').trim();
      const withSubject = { ...data, subject };
      return {
        subject,
        // Blank runs left by a skipped paragraph: one blank line at most, as in the requesters' emails.
        text: plain.render('./moderators/digest.text.eta', withSubject).replace(/\n{3,}/g, '\n\n').trim() + '\n',
        html: html.render('./moderators/digest.html.eta', withSubject).trim() + '\n',
      };
    },
  };
}
