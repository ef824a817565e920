// The console's first page: open requests, the nearest deadline first, filtered by state or overdue,
// with how many requests are in each state.
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Clock } from '../../domain/clockAndIds';
import { isOverdue } from '../../domain/deadlines';
import { requestStates, terminalStates } from '../../domain/lifecycle';
import type { Db } from '../../store/database';
import { countOverdue, countsByState, openRequests } from '../../store/requestQueue';
import type { ConsoleGuards } from './consoleSession';
import type { ConsolePages } from './consolePages';

export interface QueuePageDeps {
  db: Db;
  clock: Clock;
  consolePages: ConsolePages;
  guards: ConsoleGuards;
}

const pageSize = 50;

const QueueQuery = z.object({
  state: z.enum(requestStates).optional().or(z.literal('').transform(() => undefined)),
  overdue: z.literal('1').optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  lang: z.string().optional(),
});

export function queuePage(deps: QueuePageDeps): Router {
  const router = express.Router();

  router.get('/console', deps.guards.requireSignedIn, async (req, res) => {
    const query = QueueQuery.safeParse(req.query);
    if (!query.success) {
      return res.status(400).type('html').send(deps.consolePages.render(req, res, 'queue', { rows: [], counts: [], filter: {}, error: 'bad_filter', now: deps.clock.now() }));
    }
    const { state, overdue, page } = query.data;
    const now = deps.clock.now();
    const [rows, counts, overdueCount] = await Promise.all([
      openRequests(deps.db, { states: state ? [state] : undefined, overdueAt: overdue ? now : undefined, limit: pageSize + 1, offset: (page - 1) * pageSize }),
      countsByState(deps.db),
      countOverdue(deps.db, now),
    ]);
    res.type('html').send(
      deps.consolePages.render(req, res, 'queue', {
        rows: rows.slice(0, pageSize),
        hasMore: rows.length > pageSize,
        page,
        counts: requestStates.map((s) => ({ state: s, n: counts.get(s) ?? 0, open: !terminalStates.includes(s) })),
        overdueCount,
        filter: { state, overdue: Boolean(overdue) },
        now,
        isOverdue,
      }),
    );
  });

  return router;
}
