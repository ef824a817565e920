// Links that act for one request: signed with HMAC-SHA256, scoped to a request and a purpose, and expiring.
import { createHmac, createSecretKey } from 'node:crypto';
import { sameSecret } from '../secretComparison';

export type LinkPurpose = 'verify' | 'status';

export interface SignedLinks {
  token(requestId: string, purpose: LinkPurpose, expiresAt: Date): string;
  /** 'valid', or why not, so the page can say whether to ask for a new link. */
  check(requestId: string, purpose: LinkPurpose, token: string, now: Date): 'valid' | 'expired' | 'invalid';
}

export function createSignedLinks(keyBytes: Buffer): SignedLinks {
  const key = createSecretKey(keyBytes);
  const sign = (requestId: string, purpose: LinkPurpose, expires: number) =>
    createHmac('sha256', key).update(`${purpose}:${requestId}:${expires}`).digest('base64url');
  return {
    token(requestId, purpose, expiresAt) {
      const expires = Math.floor(expiresAt.getTime() / 1000);
      return `${expires}.${sign(requestId, purpose, expires)}`;
    },
    check(requestId, purpose, token, now) {
      const [expiresText, signature] = token.split('.');
      const expires = Number(expiresText);
      if (!signature || !Number.isInteger(expires)) return 'invalid';
      if (!sameSecret(signature, sign(requestId, purpose, expires))) return 'invalid';
      return expires * 1000 < now.getTime() ? 'expired' : 'valid';
    },
  };
}
