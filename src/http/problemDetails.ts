// Every error leaves as one shape: application/problem+json (RFC 9457) with a stable code. A 500 means a bug:
// it is logged with a correlation id and the error's class, never the request body.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { DomainError, TooManyRequests } from '../domain/errors';

export function sendProblem(res: Parameters<RequestHandler>[1], status: number, code: string, detail: string, errors?: { field: string; message: string }[]): void {
  res
    .status(status)
    .type('application/problem+json')
    .json({ type: `https://erasure.dev/problems/${code}`, title: code.replace(/_/g, ' '), status, code, detail, ...(errors?.length ? { errors } : {}) });
}

export const notFound: RequestHandler = (req, res) => sendProblem(res, 404, 'not_found', `nothing at ${req.method} ${req.path}`);

/** body-parser's errors carry a status and a type; these are the client's mistakes. */
const parserProblems: Record<string, [number, string, string]> = {
  'entity.too.large': [413, 'body_too_large', 'the request body is too large: keep it under 64 kB'],
  'entity.parse.failed': [400, 'malformed_json', 'the body is not valid JSON'],
  'encoding.unsupported': [415, 'unsupported_encoding', 'send the body as UTF-8'],
  'charset.unsupported': [415, 'unsupported_charset', 'send the body as UTF-8'],
  'request.aborted': [400, 'request_aborted', 'the request body was cut short'],
  'parameters.too.many': [413, 'too_many_fields', 'the form has too many fields'],
};

/**
 * Other errors Express and its middleware raise for the client's mistakes carry a 4xx `status` (http-errors): a path
 * with broken %-encoding, a compressed body that does not decompress, a static path outside its folder. They are
 * answered with their status and what to fix, never as a 500.
 */
function clientProblem(error: unknown): [number, string, string] | undefined {
  const { status, code, name } = (error ?? {}) as { status?: unknown; code?: unknown; name?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (name === 'URIError') return [400, 'malformed_path', 'the path holds a malformed %-escape: encode each byte as %XX'];
  if (typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR__ERROR_FORMAT') || code.startsWith('ERR_BROTLI'))) {
    return [400, 'undecodable_body', 'the body does not decompress as its Content-Encoding says: send it uncompressed, or compressed as declared'];
  }
  if (status === 404) return [404, 'not_found', 'nothing here: check the path'];
  if (status === 403) return [403, 'forbidden', 'this path is not allowed: check it'];
  return [status, 'bad_request', 'the request is malformed: check its path, headers and body'];
}

export function problemDetails(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof TooManyRequests) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    if (error instanceof DomainError) return sendProblem(res, error.status, error.code, error.message, error.fields);
    const type = (error as { type?: unknown })?.type;
    const known = typeof type === 'string' ? parserProblems[type] : undefined;
    if (known) return sendProblem(res, ...known);
    const client = clientProblem(error);
    if (client) return sendProblem(res, ...client);
    const correlationId = res.locals.correlationId as string | undefined;
    log.error({ correlationId, method: req.method, path: req.route?.path ?? req.path, err: errorSummary(error) }, 'unexpected error');
    sendProblem(res, 500, 'internal_error', `something went wrong on our side; quote ${correlationId ?? 'this time'} if you contact us`);
  };
}

/** The class and stack of an error, without its message: messages can carry data from the request. */
function errorSummary(error: unknown): { type: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  return { type: error.name, stack: error.stack?.split('\n').slice(1, 8).join('\n') };
}
