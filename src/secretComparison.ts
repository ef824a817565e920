// The one way Erasure compares a secret someone sent with the one it expects (CSRF and sign-in tokens, link and
// webhook signatures): in time that does not depend on where the two differ, so that no one can guess a secret a
// byte at a time by timing the answers.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string | Buffer) => createHash('sha256').update(value).digest();

/**
 * Whether `given` is `expected`. Both are hashed first, so timingSafeEqual always compares 32 bytes: the time
 * taken shows neither where they differ nor how long the expected secret is (a plain length check would).
 */
export function sameSecret(given: string | Buffer, expected: string | Buffer): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}
