// The console's guards: who is signed in (a session cookie), whether they may do this (role), and whether a form
// really came from a console page (the session's CSRF token). Pages get 401/403 as HTML, API-style callers as JSON.
import type { Request, RequestHandler, Response } from 'express';
import type { Actor } from '../../domain/lifecycle';
import type { Clock } from '../../domain/clockAndIds';
import type { Db } from '../../store/database';
import { findSession, type Session } from '../../store/sessions';
import { sendProblem } from '../problemDetails';
import { sameSecret } from '../../secretComparison';
import type { ConsolePages } from './consolePages';

export const sessionCookie = 'erasure_session';

export interface ConsoleSessionDeps {
  db: Db;
  clock: Clock;
  consolePages: ConsolePages;
}

export interface ConsoleGuards {
  /** Reads the session cookie; sets res.locals.session and res.locals.actor when it opens a live session. */
  load: RequestHandler;
  requireSignedIn: RequestHandler;
  requireAdmin: RequestHandler;
  /** Refuses a state-changing request whose _csrf field or X-CSRF-Token header is not the session's token. */
  checkCsrf: RequestHandler;
}

export const sessionOf = (res: Response): Session | undefined => res.locals.session as Session | undefined;

export function actorOfSession(session: Session): Actor {
  return { kind: 'moderator', id: session.account.id, role: session.account.role };
}

const wantsHtml = (req: Request) => req.accepts(['html', 'json']) === 'html';

export function consoleGuards(deps: ConsoleSessionDeps): ConsoleGuards {
  const refuse = (req: Request, res: Response, status: 401 | 403, code: string, detail: string) => {
    if (!wantsHtml(req)) return sendProblem(res, status, code, detail);
    res.status(status).type('html').send(deps.consolePages.render(req, res, 'message', { key: code, next: req.originalUrl }));
  };

  return {
    load: async (req, res, next) => {
      const token = typeof req.cookies?.[sessionCookie] === 'string' ? (req.cookies[sessionCookie] as string) : '';
      const session = token ? await findSession(deps, token) : null;
      if (session) {
        res.locals.session = session;
        res.locals.actor = actorOfSession(session);
      }
      next();
    },
    requireSignedIn: (req, res, next) => {
      if (sessionOf(res)) return next();
      refuse(req, res, 401, 'sign_in_required', 'sign in to the console first');
    },
    requireAdmin: (req, res, next) => {
      const session = sessionOf(res);
      if (!session) return refuse(req, res, 401, 'sign_in_required', 'sign in to the console first');
      if (session.account.role !== 'admin') return refuse(req, res, 403, 'admin_only', 'only an admin may do this');
      next();
    },
    checkCsrf: (req, res, next) => {
      if (req.method === 'GET' || req.method === 'HEAD') return next();
      const session = sessionOf(res);
      const given = typeof req.body?._csrf === 'string' ? (req.body._csrf as string) : (req.get('x-csrf-token') ?? '');
      if (session && sameSecret(given, session.csrfToken)) return next();
      refuse(req, res, 403, 'csrf_failed', 'this form is out of date: reload the page and send it again');
    },
  };
}
