// The page language: ?lang= first, then the browser's Accept-Language, then English.
import type { Request } from 'express';
import { type Locale, locales } from '../mail/mailTemplates';

export function localeOf(req: Request): Locale {
  const asked = typeof req.query.lang === 'string' ? req.query.lang : typeof req.body?.lang === 'string' ? req.body.lang : undefined;
  if (asked && (locales as readonly string[]).includes(asked)) return asked as Locale;
  return (req.acceptsLanguages(...locales) as Locale | false) || 'en';
}
