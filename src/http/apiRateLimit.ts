// The moderation and admin API's rate limit: so many requests a minute per API token, counted in Redis so that
// every serve process counts against the same limit. It runs before the token is checked, so a flood is turned
// away without touching the database, and one token's flood never uses up another's allowance.
import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, type Logger as RateLimitLogger, rateLimit, type Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import { sendProblem } from './problemDetails';

export interface ApiRateLimitDeps {
  /** Requests per token per minute; 0 lifts the limit. */
  apiRateLimit: number;
  /** Its own store (a store serves one limiter): Redis, with a prefix of its own. */
  apiRateLimitStore: Store;
  log: Logger;
}

/**
 * express-rate-limit's complaints (a store error while Redis is away, a setting it dislikes) go to our log, by
 * error class, rather than to the console with the whole error.
 */
export function rateLimitLogger(log: Logger): RateLimitLogger {
  const entry = (error: unknown) => ({ error: error instanceof Error ? error.name : typeof error });
  return {
    error: (error, message) => log.warn(entry(error), message ?? 'rate limit error'),
    warn: (error, message) => log.warn(entry(error), message ?? 'rate limit warning'),
  };
}

const bearer = (req: Request) => /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];

/**
 * The key a request counts under: a hash of its token (the token itself never reaches Redis), or, without one,
 * the caller's address, so that anonymous guessing is limited too.
 */
export function rateLimitKey(req: Request): string {
  const token = bearer(req);
  if (token) return `token:${createHash('sha256').update(token).digest('hex')}`;
  return `address:${ipKeyGenerator(req.ip ?? 'unknown')}`;
}

export function apiRateLimit(deps: ApiRateLimitDeps): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: deps.apiRateLimit,
    skip: () => deps.apiRateLimit === 0,
    store: deps.apiRateLimitStore,
    keyGenerator: rateLimitKey,
    // Redis away for a moment must not turn the whole API into 500s: the token check still holds.
    passOnStoreError: true,
    logger: rateLimitLogger(deps.log),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      const wait = res.getHeader('Retry-After') ?? '60';
      sendProblem(res, 429, 'too_many_requests', `more than ${deps.apiRateLimit} requests in a minute came with this API token (or, without one, from your address): wait ${String(wait)} seconds, as Retry-After says, and send fewer`);
    },
  });
}
