// Sends one recorded event to the forum's webhook URL: the body {id, type, occurredAt, data}, signed when it is sent.
// A 2xx answer marks it delivered; anything else is recorded and thrown, so that the queue retries with backoff.
import type { Logger } from 'pino';
import { signatureHeader, signWebhook } from '../forum/webhookSignature';
import { appendAudit } from '../store/auditTrail';
import type { Clock, Ids } from './clockAndIds';
import type { Db } from '../store/database';
import { DomainError, InvalidTransition } from './errors';
import { getDelivery, recordAttempt, type WebhookDeliveryRow } from '../store/webhookDeliveries';

export interface ForumWebhookSettings {
  url: string;
  secret: string;
  /** How long the forum has to answer one attempt. */
  timeoutMs: number;
}

export interface WebhookDeliveryDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  /** null when FORUM_WEBHOOK_URL is unset. */
  forumWebhook: ForumWebhookSettings | null;
}

export class WebhookNotDelivered extends Error {}

/** What the forum receives; `id` is the delivery id, the same on every attempt, so the forum can deduplicate. */
export function webhookBody(row: Pick<WebhookDeliveryRow, 'id' | 'event' | 'createdAt' | 'payload'>): string {
  return JSON.stringify({ id: row.id, type: row.event, occurredAt: row.createdAt.toISOString(), data: row.payload });
}

/** At most this much of the forum's answer is kept, for the admins' page: enough to see why, not a copy of a page. */
const keptAnswer = 200;

async function post(settings: ForumWebhookSettings, body: string, now: Date): Promise<{ status: number | null; error: string | null }> {
  try {
    const res = await fetch(settings.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'Erasure-Webhooks', [signatureHeader]: signWebhook(settings.secret, body, now) },
      body,
      // A redirect is an answer that is not 2xx: a signed event is not sent on to an address nobody configured.
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    if (res.status >= 200 && res.status < 300) {
      await res.body?.cancel();
      return { status: res.status, error: null };
    }
    const answer = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, keptAnswer);
    return { status: res.status, error: `HTTP ${res.status}${answer ? `: ${answer}` : ''}` };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { status: null, error: `no answer within ${settings.timeoutMs / 1000} s` };
    // fetch says "fetch failed" and puts the reason (ECONNREFUSED, ENOTFOUND, a TLS error) in its cause.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: null, error: (cause?.code ?? cause?.message ?? (error as Error).message).slice(0, keptAnswer) };
  }
}

/**
 * One attempt. A delivery already delivered, or gone, is left alone, so running the job twice sends nothing twice.
 * Throws WebhookNotDelivered when the forum did not take it.
 */
export async function deliverWebhook(deps: WebhookDeliveryDeps, deliveryId: string): Promise<'delivered' | 'already_delivered' | 'gone'> {
  const row = await getDelivery(deps.db, deliveryId);
  if (!row) return 'gone';
  if (row.deliveredAt) return 'already_delivered';
  const now = deps.clock.now();
  const outcome = deps.forumWebhook
    ? await post(deps.forumWebhook, webhookBody(row), now)
    : { status: null, error: 'FORUM_WEBHOOK_URL is not set' };
  const delivered = outcome.error === null;
  const attempt = await recordAttempt(deps.db, deliveryId, { ...outcome, delivered }, deps.clock.now());
  // The delivery's id, event and outcome only: the payload is the forum's business, and the answer may quote anything.
  const line = { deliveryId, event: row.event, status: outcome.status, attempt };
  if (delivered) {
    deps.log.info(line, 'webhook delivered');
    return 'delivered';
  }
  deps.log.warn(line, 'webhook not delivered');
  throw new WebhookNotDelivered(`webhook ${deliveryId} not delivered (attempt ${attempt}, status ${outcome.status ?? 'none'})`);
}

export class DeliveryNotFound extends DomainError {
  constructor() {
    super('delivery_not_found', 404, 'no such webhook delivery');
  }
}

/**
 * An admin's "send again now" for a delivery whose retries ran out: one attempt at once, recorded like the others
 * and in the system audit stream. Only a failed delivery: a pending one is still in the queue's hands.
 */
export async function resendWebhook(deps: WebhookDeliveryDeps & { ids: Ids }, deliveryId: string, by: string): Promise<'delivered' | 'failed'> {
  const row = await getDelivery(deps.db, deliveryId);
  if (!row) throw new DeliveryNotFound();
  if (row.status !== 'failed') throw new InvalidTransition(`this delivery is ${row.status}: only a failed one can be sent again`);
  await deps.db.transaction((tx) => appendAudit(tx, { stream: 'system', actor: by, action: 'webhook_resent', data: { deliveryId } }, deps.clock.now(), deps.ids.next()));
  try {
    await deliverWebhook(deps, deliveryId);
    return 'delivered';
  } catch (error) {
    if (error instanceof WebhookNotDelivered) return 'failed';
    throw error;
  }
}
