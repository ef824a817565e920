// Counters for operators, served at GET /metrics in the Prometheus text format. The registry is made by the runtime
// and handed in, so that two Erasures in one process (tests) never count into each other. Labels are fixed words,
// never ids or text from a request.
import express, { type Router } from 'express';
import { Counter, type Registry } from 'prom-client';

/** Why a forum webhook was refused; each is a value of erasure_webhook_rejected_total's reason label. */
export const webhookRejections = ['unsigned', 'bad_signature', 'expired', 'malformed', 'invalid', 'oversized', 'unsupported_media_type', 'duplicate', 'not_configured'] as const;
export type WebhookRejection = (typeof webhookRejections)[number];

export interface WebhookMetrics {
  accepted(type: string): void;
  rejected(reason: WebhookRejection): void;
}

export function createWebhookMetrics(registry: Registry): WebhookMetrics {
  const events = new Counter({ name: 'erasure_webhook_events_total', help: 'Forum webhook events accepted, by event type.', labelNames: ['type'], registers: [registry] });
  const rejected = new Counter({ name: 'erasure_webhook_rejected_total', help: 'Forum webhook deliveries refused, by reason.', labelNames: ['reason'], registers: [registry] });
  // Every reason shows from the start at 0, so that a rate() over it works before the first refusal.
  for (const reason of webhookRejections) rejected.inc({ reason }, 0);
  return {
    accepted: (type) => events.inc({ type }),
    rejected: (reason) => rejected.inc({ reason }),
  };
}

export function metricsRoutes(deps: { metricsRegistry: Registry }): Router {
  const router = express.Router();
  router.get('/metrics', async (_req, res) => {
    res.type(deps.metricsRegistry.contentType).send(await deps.metricsRegistry.metrics());
  });
  return router;
}
