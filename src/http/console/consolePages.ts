// Renders a console page (templates/console/*.eta) with what every console page needs: the locale, the signed-in
// account, the session's CSRF token for its forms, and which links the navigation shows.
import path from 'node:path';
import type { Request, Response } from 'express';
import { templatesDir } from '../../paths';
import { localeOf } from '../locale';
import { createPages, type PageSettings } from '../pages';
import type { Session } from '../../store/sessions';

export interface ConsolePages {
  render(req: Request, res: Response, page: string, data?: Record<string, unknown>): string;
}

export interface ConsoleSettings extends PageSettings {
  /** The embedded default writes emails to an outbox folder, which the console then lists. */
  outboxPage: boolean;
}

export function createConsolePages(settings: ConsoleSettings): ConsolePages {
  const pages = createPages(settings, path.join(templatesDir, 'console'));
  return {
    render(req, res, page, data = {}) {
      const session = res.locals.session as Session | undefined;
      return pages.render(page, localeOf(req), {
        ...data,
        account: session?.account ?? null,
        csrf: session?.csrfToken ?? '',
        outboxPage: settings.outboxPage,
        currentPath: req.path,
      });
    },
  };
}
