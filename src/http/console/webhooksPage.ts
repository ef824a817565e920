// The admin's page of webhooks sent to the forum: each event, its request, its attempts and how the forum last
// answered; a delivery whose retries ran out can be sent again at once.
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { Clock, Ids } from '../../domain/clockAndIds';
import { DomainError } from '../../domain/errors';
import { actorLabel, type Actor } from '../../domain/lifecycle';
import { resendWebhook, type ForumWebhookSettings } from '../../domain/webhookDelivery';
import type { Db } from '../../store/database';
import { deliveryStatuses, listDeliveries } from '../../store/webhookDeliveries';
import type { ConsoleGuards } from './consoleSession';
import type { ConsolePages } from './consolePages';
import type { Logger } from 'pino';

export interface WebhooksPageDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  log: Logger;
  forumWebhook: ForumWebhookSettings | null;
  consolePages: ConsolePages;
  guards: ConsoleGuards;
}

const notices = ['resent', 'resend_failed'] as const;

const PageQuery = z
  .object({
    // The filter form sends status= for "all".
    status: z.union([z.literal(''), z.enum(deliveryStatuses)]).optional().transform((v) => v || undefined),
    done: z.enum(notices).optional(),
    lang: z.string().optional(),
  })
  .strict();

const DeliveryId = z.string().uuid();

export function webhooksPage(deps: WebhooksPageDeps): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 });
  const { requireAdmin, checkCsrf } = deps.guards;

  async function show(req: Request, res: Response, options: { status?: number; error?: string } = {}) {
    // A hand-edited address gets the whole list with a 400 and what to fix, rather than a bare error.
    const query = PageQuery.safeParse(req.query);
    const filter: Partial<z.infer<typeof PageQuery>> = query.success ? query.data : {};
    if (!query.success) options = { status: 400, error: `that address is not valid: status must be one of ${deliveryStatuses.join(', ')}` };
    const deliveries = await listDeliveries(deps.db, { status: filter.status, limit: 100, offset: 0 });
    res
      .status(options.status ?? 200)
      .type('html')
      .send(
        deps.consolePages.render(req, res, 'webhooks', {
          deliveries,
          statuses: deliveryStatuses,
          filter: filter.status ?? null,
          configured: deps.forumWebhook !== null,
          notice: filter.done ?? null,
          error: options.error ?? null,
        }),
      );
  }

  router.get('/console/webhooks', requireAdmin, (req, res) => show(req, res));

  router.post('/console/webhooks/:id/resend', form, requireAdmin, checkCsrf, async (req, res) => {
    const id = DeliveryId.safeParse(req.params.id);
    if (!id.success) return show(req, res, { status: 404, error: 'no such webhook delivery' });
    let outcome: 'delivered' | 'failed';
    try {
      outcome = await resendWebhook(deps, id.data, actorLabel(res.locals.actor as Actor));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return show(req, res, { status: error.status, error: error.message });
    }
    res.redirect(303, `/console/webhooks?done=${outcome === 'delivered' ? 'resent' : 'resend_failed'}`);
  });

  return router;
}
