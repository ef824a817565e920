// GET /api/v1/admin/webhook-deliveries: the webhooks Erasure sent the forum, newest first, for API tokens with the
// admin role. Ids, counts and outcomes only; the same list the console shows at /console/webhooks.
import express, { type Router } from 'express';
import { z } from 'zod';
import { Unauthorized, ValidationFailed } from '../domain/errors';
import { fieldErrors } from '../domain/intake';
import { authenticateToken } from '../store/apiTokens';
import type { Db } from '../store/database';
import { deliveryStatuses, listDeliveries, type WebhookDeliveryView } from '../store/webhookDeliveries';
import { sendProblem } from './problemDetails';

export const DeliveryListQuery = z
  .object({
    status: z.enum(deliveryStatuses, { message: `must be one of ${deliveryStatuses.join(', ')}` }).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export function deliveryJson(row: WebhookDeliveryView) {
  return {
    id: row.id,
    event: row.event,
    requestId: row.requestId,
    data: row.payload,
    status: row.status,
    attempts: row.attempts,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    createdAt: row.createdAt,
    lastAttemptAt: row.lastAttemptAt,
    deliveredAt: row.deliveredAt,
  };
}

export function webhookDeliveryRoutes(deps: { db: Db }): Router {
  const router = express.Router();
  router.get('/api/v1/admin/webhook-deliveries', async (req, res) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    const token = match?.[1] ? await authenticateToken(deps.db, match[1]) : null;
    if (!token) throw new Unauthorized();
    if (token.role !== 'admin') return sendProblem(res, 403, 'admin_only', 'only an admin token may read webhook deliveries');
    const query = DeliveryListQuery.safeParse(req.query);
    if (!query.success) throw new ValidationFailed(fieldErrors(query.error));
    const rows = await listDeliveries(deps.db, query.data);
    res.json({ deliveries: rows.map(deliveryJson), limit: query.data.limit, offset: query.data.offset });
  });
  return router;
}
