// One log line per request: method, route, status and time, with a correlation id. No query strings
// (they hold signed tokens) and no bodies (they hold personal information).
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const correlationId = randomUUID();
    res.locals.correlationId = correlationId;
    res.setHeader('X-Correlation-Id', correlationId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      log.debug({ correlationId, method: req.method, route, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'http');
    });
    next();
  };
}
