// The admins' view of the BullMQ queues (bull-board): the requests, mail-send and maintenance queues, their jobs and
// failures. Mounted at the app's root, it answers under basePath only, behind the caller's guard.
import path from 'node:path';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { type RequestHandler, type Router } from 'express';
import { queueNames } from '../queue/jobs';
import type { Queues } from '../queue/queues';

export interface QueueBoardDeps {
  queues: Queues;
  /** Where the board lives, e.g. '/console/queues': its page loads its scripts and API relative to it. */
  basePath: string;
  /** Who may see the board: runs before every page, script and API call of it. */
  guard: RequestHandler;
  /**
   * Read-only by default: bull-board's buttons can empty, clean or obliterate a queue and add or edit jobs, which
   * would bypass the outbox and the payload checks that keep "nothing is lost" true. Retrying is safe (jobs are
   * idempotent) but bull-board only offers it with the rest.
   */
  readOnly?: boolean;
}

/**
 * bull-board's page is a script bundle from its own static folder, inline style attributes and a JSON data block
 * (not a script): the app's policy allows all of it, as loading the board, a queue and a job in Chromium under
 * that policy shows. The one thing it blocks is a Google Fonts stylesheet, and it stays blocked: the board falls
 * back to system fonts, and an admin's browser makes no request to a third party. So the board needs no wider
 * policy; it is set here too so that the board keeps it wherever it is mounted.
 */
const boardPolicy: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
  next();
};

export function queueBoardRoutes(deps: QueueBoardDeps): Router {
  const basePath = `/${deps.basePath.replace(/^\/+|\/+$/g, '')}`;
  const readOnlyMode = deps.readOnly ?? true;
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: queueNames.map((name) => new BullMQAdapter(deps.queues.get(name), { readOnlyMode })),
    serverAdapter,
    options: {
      // Resolved here rather than by bull-board's own eval'd require, which some bundlers and test runners miss.
      uiBasePath: path.dirname(require.resolve('@bull-board/ui/package.json')),
      uiConfig: { boardTitle: 'Erasure queues' },
    },
  });
  const board = serverAdapter.getRouter() as express.Express;
  board.disable('x-powered-by');
  const router = express.Router();
  router.use(basePath, deps.guard, boardPolicy, board);
  return router;
}
