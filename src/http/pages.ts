// Server-rendered pages (templates/pages/*.eta), escaped by default, with the locale's strings as t().
import { Eta } from 'eta';
import path from 'node:path';
import { templatesDir } from '../paths';
import { translate } from '../mail/i18n';
import type { Locale } from '../mail/mailTemplates';

export interface Pages {
  render(page: string, locale: Locale, data: Record<string, unknown>): string;
}

/** The settings a page may state to the requester, so that it never promises what the configuration does not. */
export interface PageSettings {
  verifyLinkHours: number;
  reviewDeadlineDays: number;
}

export function createPages(settings: PageSettings, dir = path.join(templatesDir, 'pages')): Pages {
  const eta = new Eta({ views: dir, autoEscape: true, cache: true });
  return {
    render(page, locale, data) {
      const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
      return eta.render(page, { ...data, locale, t, settings });
    },
  };
}
