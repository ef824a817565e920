// Turns a template name, a locale and its variables into the subject, text and HTML of an email,
// from templates/mail/<locale>/<template>.{subject,text,html}.eta.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Eta } from 'eta';
import { templatesDir } from '../paths';
import { createTranslator } from './i18n';
import {
  isLocale,
  isMailTemplate,
  type Locale,
  locales,
  type MailTemplate,
  mailTemplates,
  type MailVars,
  type RenderedMail,
} from './mailTemplates';

export interface MailRenderer {
  render<T extends MailTemplate>(template: T, locale: Locale, vars: MailVars[T]): RenderedMail;
}

const parts = ['subject', 'text', 'html'] as const;

// Dates in emails name a day, not an instant; UTC keeps the day the same whatever the server's zone.
const enDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
const frDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
const dateFormats: Record<Locale, (date: Date) => string> = {
  en: (date) => enDate.format(date),
  // French writes the first day of a month as an ordinal: « le 1er mars », which Intl does not.
  fr: (date) => frDate.format(date).replace(/^1 /, '1er '),
};

export function createMailRenderer(dir: string = templatesDir): MailRenderer {
  const views = path.join(dir, 'mail');
  const missing = locales.flatMap((locale) =>
    mailTemplates.flatMap((template) => parts.map((part) => `${locale}/${template}.${part}.eta`)),
  ).filter((file) => !existsSync(path.join(views, file)));
  if (missing.length > 0) throw new Error(`missing mail templates in ${views}: ${missing.join(', ')}`);

  const translator = createTranslator(dir);
  // autoTrim off: in a text email a newline after a link is content. Control lines end with -%> instead.
  const common = { views, cache: true, autoTrim: false, functionHeader: 'const t = it.t;' } as const;
  const html = new Eta({ ...common, autoEscape: true });
  const plain = new Eta({ ...common, autoEscape: false });

  return {
    render(template, locale, vars) {
      // Names may come from a stored row: check them before they become a file path.
      if (!isMailTemplate(template)) throw new Error(`unknown mail template '${String(template)}'`);
      if (!isLocale(locale)) throw new Error(`unknown locale '${String(locale)}'`);
      const t = (key: string, params?: Record<string, string | number>) => translator.translate(locale, key, params);
      const data = {
        ...vars,
        locale,
        t,
        formatDate: (date: Date | string) => dateFormats[locale](new Date(date)),
        // A detector may learn a kind before the catalogs do: say "other personal information" rather than fail the email.
        kindName: (kind: string) => t(translator.has(locale, `kinds.${kind}`) ? `kinds.${kind}` : 'kinds.other'),
        // Post URLs come from the requester: only http(s) ones become links.
        isWebUrl: (url: string) => /^https?:\/\//i.test(url),
      };
      const file = (part: (typeof parts)[number]) => `./${locale}/${template}.${part}.eta`;
      const subject = plain.render(file('subject'), data).replace(/\s+/g, ' ').trim();
      const withSubject = { ...data, subject };
      return {
        subject,
        text: tidyText(plain.render(file('text'), withSubject)),
        html: html.render(file('html'), withSubject).trim() + '\n',
      };
    },
  };
}

/** Templates may leave blank runs where an optional paragraph was skipped: keep one blank line at most. */
function tidyText(text: string): string {
  return text.replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
