// The signature of a webhook between Erasure and a forum, in both directions: `Erasure-Signature: t=<unix>,v1=<hex>`,
// where hex is HMAC-SHA256 with the shared secret over `<unix>.<raw body>`. Refused outside a five-minute window.
import { createHmac } from 'node:crypto';
import { sameSecret } from '../secretComparison';

export const signatureHeader = 'Erasure-Signature';
/** How far a signature's timestamp may be from now, either way, in seconds. */
export const signatureToleranceSeconds = 5 * 60;

export type SignatureCheck = 'valid' | 'missing' | 'malformed' | 'expired' | 'mismatch';

function digest(secret: string, timestamp: number, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** The header value for a body sent at `now`. */
export function signWebhook(secret: string, rawBody: Buffer | string, now: Date): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${digest(secret, timestamp, rawBody)}`;
}

/**
 * Whether `header` signs `rawBody` with `secret`, at most signatureToleranceSeconds from `now`. Several v1 values
 * are allowed (a forum rotating its secret signs with both); one matching is enough. Compared in constant time.
 */
export function checkWebhookSignature(secret: string, header: string | undefined, rawBody: Buffer | string, now: Date): SignatureCheck {
  if (header === undefined || header.trim() === '') return 'missing';
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value, ...rest] = part.trim().split('=');
    if (value === undefined || rest.length > 0) return 'malformed';
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value)) return 'malformed';
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-f]{64}$/.test(value)) return 'malformed';
      signatures.push(value);
    }
  }
  if (timestamp === undefined || signatures.length === 0) return 'malformed';
  if (Math.abs(now.getTime() / 1000 - timestamp) > signatureToleranceSeconds) return 'expired';
  const expected = digest(secret, timestamp, rawBody);
  return signatures.some((s) => sameSecret(s, expected)) ? 'valid' : 'mismatch';
}
