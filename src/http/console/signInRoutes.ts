// Signing in and out of the console. The sign-in form carries a one-time token that must match a cookie set
// with it (double submit): a page on another site cannot sign a moderator into an account of the attacker's.
import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Clock, Ids } from '../../domain/clockAndIds';
import type { Db } from '../../store/database';
import { signIn } from '../../store/moderatorAccounts';
import { endSession, startSession } from '../../store/sessions';
import { type ConsoleGuards, sessionCookie, sessionOf } from './consoleSession';
import { sameSecret } from '../../secretComparison';
import type { ConsolePages } from './consolePages';

export interface SignInRouteDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  consolePages: ConsolePages;
  guards: ConsoleGuards;
}

const signInCookie = 'erasure_sign_in';

/** Where to go after signing in: a console path of ours, never another site. */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/console(\/[\w\-/.]*)?(\?[\w\-=&%.,]*)?$/.test(value) && !value.includes('//') ? value : '/console';
}

export function signInRoutes(deps: SignInRouteDeps): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 });

  const cookieOptions = (req: Request) => ({ httpOnly: true, sameSite: 'strict' as const, secure: req.secure, path: '/console' });

  function showForm(req: Request, res: Response, status: number, data: Record<string, unknown>) {
    const token = randomBytes(24).toString('base64url');
    res.cookie(signInCookie, token, { ...cookieOptions(req), maxAge: 30 * 60_000 });
    res.status(status).type('html').send(deps.consolePages.render(req, res, 'signIn', { signInToken: token, next: safeNext(req.query.next ?? req.body?.next), ...data }));
  }

  router.get('/console/sign-in', (req, res) => {
    if (sessionOf(res)) return res.redirect(303, safeNext(req.query.next));
    showForm(req, res, 200, {});
  });

  router.post('/console/sign-in', form, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const expected = typeof req.cookies?.[signInCookie] === 'string' ? (req.cookies[signInCookie] as string) : '';
    const given = typeof body._signin === 'string' ? body._signin : '';
    if (!expected || !sameSecret(given, expected)) return showForm(req, res, 403, { key: 'csrf_failed' });
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (!email || !password || email.length > 254 || password.length > 1024) return showForm(req, res, 400, { key: 'sign_in_missing', email });
    const result = await signIn(deps, email, password);
    if (!result.ok) {
      if (result.why === 'locked' && result.lockedUntil) {
        res.setHeader('Retry-After', String(Math.max(1, Math.ceil((result.lockedUntil.getTime() - deps.clock.now().getTime()) / 1000))));
        return showForm(req, res, 429, { key: 'sign_in_locked', email, until: result.lockedUntil });
      }
      return showForm(req, res, 401, { key: 'sign_in_wrong', email });
    }
    const session = await startSession(deps, result.account.id);
    res.clearCookie(signInCookie, cookieOptions(req));
    res.cookie(sessionCookie, session.token, { ...cookieOptions(req), expires: session.expiresAt });
    res.redirect(303, safeNext(body.next));
  });

  router.post('/console/sign-out', form, deps.guards.requireSignedIn, deps.guards.checkCsrf, async (req, res) => {
    const session = sessionOf(res);
    if (session) await endSession(deps.db, session.id);
    res.clearCookie(sessionCookie, cookieOptions(req));
    res.redirect(303, '/console/sign-in');
  });

  return router;
}
