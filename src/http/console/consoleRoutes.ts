// The moderators' console under /console: sign-in, then the pages. Every page behind it needs a session;
// admin pages need the admin role; every form carries the session's CSRF token.
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Router } from 'express';
import type { Clock, Ids } from '../../domain/clockAndIds';
import { templatesDir } from '../../paths';
import type { Db } from '../../store/database';
import { type ConsoleGuards, consoleGuards } from './consoleSession';
import type { ConsolePages } from './consolePages';
import { queuePage } from './queuePage';
import { signInRoutes } from './signInRoutes';

export interface ConsoleRouteDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  consolePages: ConsolePages;
}

export function consoleRoutes(deps: ConsoleRouteDeps): { router: Router; guards: ConsoleGuards } {
  const router = express.Router();
  const guards = consoleGuards(deps);
  router.use('/console/assets', express.static(path.join(templatesDir, 'console', 'assets'), { fallthrough: false, index: false }));
  router.use('/console', cookieParser(), guards.load);
  router.use(signInRoutes({ ...deps, guards }));
  router.use(queuePage({ ...deps, guards }));
  return { router, guards };
}
