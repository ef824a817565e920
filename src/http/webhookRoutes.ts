// POST /api/v1/webhooks/forum: events the forum sends (posts created, edited, deleted, users deleted, PII reported).
// Checked in order — configured, JSON, size, signature and its window, JSON syntax, schema, event id seen before —
// and answered at once: an accepted event is recorded with its job in one transaction, the work happens in a worker.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Clock, Ids } from '../domain/clockAndIds';
import { ValidationFailed } from '../domain/errors';
import { type ForumEvent, parseForumEvent } from '../domain/forumEventPayloads';
import type { SealedReport } from '../domain/forumEvents';
import { checkWebhookSignature, signatureHeader, signatureToleranceSeconds } from '../forum/webhookSignature';
import type { Db } from '../store/database';
import { recordForumEvent } from '../store/forumEventRecords';
import type { SecretBox } from '../store/secretBox';
import type { WebhookMetrics, WebhookRejection } from './metrics';
import { sendProblem } from './problemDetails';

export interface WebhookRouteDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  box: SecretBox;
  outboxWritten?: () => void;
  /** FORUM_WEBHOOK_SECRET; without it the endpoint says how to set it and accepts nothing. */
  forumWebhookSecret?: string;
  webhookMetrics: WebhookMetrics;
}

export const forumWebhookPath = '/api/v1/webhooks/forum';
export const webhookBodyLimitBytes = 64 * 1024;

/** body-parser's errors, as the rejection counted and the answer problemDetails gives. */
const parserRejections: Record<string, WebhookRejection> = { 'entity.too.large': 'oversized', 'request.aborted': 'malformed', 'encoding.unsupported': 'unsupported_media_type' };

export function webhookRoutes(deps: WebhookRouteDeps): Router {
  const router = express.Router();
  const metrics = deps.webhookMetrics;
  const refuse = (res: Response, reason: WebhookRejection, status: number, code: string, detail: string) => {
    metrics.rejected(reason);
    sendProblem(res, status, code, detail);
  };
  // The signature covers the exact bytes sent: the body is kept raw and parsed only once it is checked.
  const raw = express.raw({ type: () => true, limit: webhookBodyLimitBytes });

  router.post(
    forumWebhookPath,
    (req: Request, res: Response, next: NextFunction) => {
      if (!deps.forumWebhookSecret) {
        return refuse(res, 'not_configured', 503, 'webhooks_not_configured', 'forum webhooks are off: set FORUM_WEBHOOK_SECRET (at least 32 characters, shared with the forum) and restart Erasure');
      }
      if (!req.is('application/json')) return refuse(res, 'unsupported_media_type', 415, 'unsupported_media_type', 'send the event as application/json');
      raw(req, res, (error?: unknown) => {
        if (error) {
          const type = (error as { type?: unknown }).type;
          metrics.rejected(typeof type === 'string' ? parserRejections[type] ?? 'malformed' : 'malformed');
          if (type === 'entity.too.large') return sendProblem(res, 413, 'body_too_large', `the event is too large: keep it under ${webhookBodyLimitBytes / 1024} kB`);
        }
        next(error);
      });
    },
    async (req: Request, res: Response) => {
      const secret = deps.forumWebhookSecret as string;
      const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const check = checkWebhookSignature(secret, req.get(signatureHeader), body, deps.clock.now());
      const how = `sign each delivery with ${signatureHeader}: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with FORUM_WEBHOOK_SECRET>`;
      if (check === 'missing') return refuse(res, 'unsigned', 401, 'signature_missing', `the event is not signed: ${how}`);
      if (check === 'malformed') return refuse(res, 'bad_signature', 401, 'signature_malformed', `the ${signatureHeader} header is not in the expected form: ${how}`);
      if (check === 'mismatch') return refuse(res, 'bad_signature', 401, 'signature_mismatch', `the signature does not match the body: ${how}, over the exact bytes sent`);
      if (check === 'expired') {
        return refuse(
          res,
          'expired',
          401,
          'signature_expired',
          `the signature's time is more than ${signatureToleranceSeconds / 60} minutes from now: sign each delivery when you send it (an old delivery sent again is refused) and check the forum's clock`,
        );
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        return refuse(res, 'malformed', 400, 'malformed_json', 'the body is not valid JSON');
      }
      let event: ForumEvent;
      try {
        event = parseForumEvent(parsed);
      } catch (error) {
        if (error instanceof ValidationFailed) metrics.rejected('invalid');
        throw error;
      }
      const outcome = await recordForumEvent(deps, {
        id: event.id,
        type: event.type,
        postId: 'postId' in event.data ? event.data.postId : null,
        userId: 'userId' in event.data ? event.data.userId : null,
        detailsBox: sealedDetails(deps.box, event),
      });
      if (outcome === 'duplicate') {
        metrics.rejected('duplicate');
        return res.status(200).json({ id: event.id, status: 'duplicate', detail: 'this event id was received before: nothing more was done' });
      }
      metrics.accepted(event.type);
      res.status(202).json({ id: event.id, status: 'accepted' });
    },
  );
  return router;
}

/** A report's free text (the reporter, their note) leaves the request only sealed; other events carry ids alone. */
function sealedDetails(box: SecretBox, event: ForumEvent): string | null {
  if (event.type !== 'pii.reported') return null;
  const { reporter, note, types } = event.data;
  const details: SealedReport = { reporter, note, types };
  return box.seal(JSON.stringify(details));
}
