// The moderators' console under /console: sign-in, then the pages. Every page behind it needs a session;
// admin pages need the admin role; every form carries the session's CSRF token.
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type RequestHandler, type Router } from 'express';
import type { ApprovalDeps } from '../../domain/decisions';
import type { ReviewDeps } from '../../domain/reviewView';
import type { ManualFindingDeps } from '../../domain/manualFindings';
import { templatesDir } from '../../paths';
import { sendProblem } from '../problemDetails';
import { accountsPage } from './accountsPage';
import { type ConsoleGuards, consoleGuards } from './consoleSession';
import type { ConsolePages } from './consolePages';
import { queuePage } from './queuePage';
import { requestPage } from './requestPage';
import { signInRoutes } from './signInRoutes';
import { tokensPage } from './tokensPage';
import { type WebhooksPageDeps, webhooksPage } from './webhooksPage';

/** The request page reads requests for review and decides on them: it needs what the moderation API needs. */
export interface ConsoleRouteDeps extends ApprovalDeps, ReviewDeps, ManualFindingDeps, Pick<WebhooksPageDeps, 'log' | 'forumWebhook'> {
  consolePages: ConsolePages;
}

export function consoleRoutes(deps: ConsoleRouteDeps): { router: Router; guards: ConsoleGuards } {
  const router = express.Router();
  const guards = consoleGuards(deps);
  // serve-static answers other methods with a bare 405: say what to do instead.
  const readOnly: RequestHandler = (req, res, next) =>
    req.method === 'GET' || req.method === 'HEAD' ? next() : (res.setHeader('Allow', 'GET, HEAD'), sendProblem(res, 405, 'method_not_allowed', 'console assets are only read: use GET'));
  router.use('/console/assets', readOnly, express.static(path.join(templatesDir, 'console', 'assets'), { fallthrough: false, index: false }));
  router.use('/console', cookieParser(), guards.load);
  router.use(signInRoutes({ ...deps, guards }));
  router.use(queuePage({ ...deps, guards }));
  router.use(requestPage({ ...deps, guards }));
  router.use(accountsPage({ ...deps, guards }));
  router.use(tokensPage({ ...deps, guards }));
  router.use(webhooksPage({ ...deps, guards }));
  return { router, guards };
}
