// createApp(deps): the Express app and nothing else. Tests build it with real servers; src/runtime.ts from config.
import express from 'express';
import type { Logger } from 'pino';
import { demoForumRoutes } from './http/demoForumRoutes';
import { consoleRoutes, type ConsoleRouteDeps } from './http/console/consoleRoutes';
import { healthRoutes } from './http/healthRoutes';
import { type IntakeRouteDeps, intakeRoutes } from './http/intakeRoutes';
import type { Registry } from 'prom-client';
import { metricsRoutes } from './http/metrics';
import { openApiRoutes } from './http/openApi';
import { type WebhookRouteDeps, webhookRoutes } from './http/webhookRoutes';
import { type ModerationRouteDeps, moderationRoutes } from './http/moderationRoutes';
import { outboxRoutes } from './http/outboxRoutes';
import { notFound, problemDetails } from './http/problemDetails';
import { queueBoardRoutes } from './http/queueBoardRoutes';
import { requestLog } from './http/requestLog';
import { type StatusRouteDeps, statusRoutes } from './http/statusRoutes';
import { webhookDeliveryRoutes } from './http/webhookDeliveryRoutes';
import { type ApiRateLimitDeps, apiRateLimit } from './http/apiRateLimit';
import { securityHeaders } from './http/securityHeaders';
import { pageAssets } from './http/pages';
import type { Queues } from './queue/queues';

export interface AppDeps extends IntakeRouteDeps, StatusRouteDeps, ConsoleRouteDeps, ModerationRouteDeps, WebhookRouteDeps, ApiRateLimitDeps {
  log: Logger;
  /** Express's `trust proxy` (TRUST_PROXY): whose X-Forwarded-For and X-Forwarded-Proto are believed. */
  trustProxy: boolean | number | string[];
  readiness: Record<string, () => Promise<void>>;
  /** Serve the demo forum's posts at /demo/posts/:id (embedded default only). */
  demoForum: boolean;
  /** The folder the embedded default writes emails into, listed at /console/outbox; null when mail goes by SMTP. */
  outboxDir: string | null;
  /** The job queues, shown to admins at /console/queues. */
  queues: Queues;
  /** The counters served at /metrics (made by the runtime: no global registry). */
  metricsRegistry: Registry;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  // req.ip (rate limits) and req.secure (Secure cookies) come from the proxies named here, never from any client.
  app.set('trust proxy', deps.trustProxy);
  app.use(requestLog(deps.log));
  app.use(securityHeaders());
  app.use('/assets', pageAssets());
  // Before the token is checked: a flood is turned away without reaching the database.
  app.use(['/api/v1/moderation', '/api/v1/admin'], apiRateLimit(deps));
  app.use(healthRoutes({ checks: deps.readiness }));
  app.use(metricsRoutes(deps));
  app.use(openApiRoutes());
  app.use(webhookRoutes(deps));
  app.use('/api/v1/moderation', moderationRoutes(deps));
  app.use(webhookDeliveryRoutes(deps));
  const consolePart = consoleRoutes(deps);
  app.use(consolePart.router);
  if (deps.outboxDir) app.use('/console/outbox', outboxRoutes({ outboxDir: deps.outboxDir, pages: deps.pages, guard: consolePart.guards.requireSignedIn }));
  app.use(queueBoardRoutes({ queues: deps.queues, basePath: '/console/queues', guard: consolePart.guards.requireAdmin }));
  app.use(statusRoutes(deps));
  app.use(intakeRoutes(deps));
  if (deps.demoForum) app.use(demoForumRoutes(deps));
  app.use(notFound);
  app.use(problemDetails(deps.log)); // last: every error becomes one response shape
  return app;
}
