// The moderation API: bearer token, role moderator or admin. List by deadline, read one request with each
// post's current text and its findings, and decide.
import express, { type Request, type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import { type ApprovalDeps, approveRequest, askRequester, refuseRequest, retryRequest } from '../domain/decisions';
import { RequestNotFound, Unauthorized, ValidationFailed } from '../domain/errors';
import { fieldErrors } from '../domain/intake';
import { type Actor, requestStates } from '../domain/lifecycle';
import type { ForumStore } from '../forum/port';
import { authenticateToken } from '../store/apiTokens';
import { readAudit, verifyAuditChain } from '../store/auditTrail';
import { listRequests } from '../store/requestRecords';
import type { SecretBox } from '../store/secretBox';
import { readReviewView } from '../domain/reviewView';

export interface ModerationRouteDeps extends ApprovalDeps {
  box: SecretBox;
  forum: ForumStore;
  postUrlTemplate: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const ListQuery = z
  .object({
    state: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(',') : undefined))
      .pipe(z.array(z.enum(requestStates, { message: `each state must be one of ${requestStates.join(', ')}` })).optional()),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export function moderationRoutes(deps: ModerationRouteDeps): Router {
  const router = express.Router();
  const json = express.json({ limit: '64kb' });

  const authenticate: RequestHandler = async (req, res, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    const token = match?.[1] ? await authenticateToken(deps.db, match[1]) : null;
    if (!token) throw new Unauthorized();
    res.locals.actor = { kind: 'moderator', id: token.id, role: token.role } satisfies Actor;
    next();
  };
  router.use(authenticate);

  const actorOf = (res: express.Response) => res.locals.actor as Actor;
  const requestId = (req: Request) => {
    const id = String(req.params.id);
    if (!uuid.test(id)) throw new RequestNotFound();
    return id;
  };

  router.get('/requests', async (req, res) => {
    const query = ListQuery.safeParse(req.query);
    if (!query.success) throw new ValidationFailed(fieldErrors(query.error));
    const rows = await listRequests(deps.db, { states: query.data.state, limit: query.data.limit, offset: query.data.offset });
    res.json({
      // A child's request (under 13) is urgent: listRequests puts it first, and childUnder13 says why.
      requests: rows.map((r) => ({ id: r.id, state: r.state, createdAt: r.createdAt, dueAt: r.dueAt, scope: r.scope, relationship: r.relationship, lang: r.lang, childUnder13: r.childUnder13 })),
      limit: query.data.limit,
      offset: query.data.offset,
    });
  });

  router.get('/requests/:id', async (req, res) => {
    res.json(await readReviewView(deps, requestId(req)));
  });

  router.get('/requests/:id/audit', async (req, res) => {
    const id = requestId(req);
    const entries = await readAudit(deps.db, id);
    if (entries.length === 0) throw new RequestNotFound();
    res.json({ entries: entries.map(({ id: _id, stream: _s, ...rest }) => rest), broken: await verifyAuditChain(deps.db, id) });
  });

  // 202 when the redaction was started; 200 when the approval waits for a second moderator (four eyes).
  router.post('/requests/:id/approve', json, async (req, res) => {
    const state = await approveRequest(deps, requestId(req), actorOf(res), req.body);
    res.status(state === 'redacting' ? 202 : 200).json({ id: req.params.id, state });
  });

  router.post('/requests/:id/refuse', json, async (req, res) => {
    await refuseRequest(deps, requestId(req), actorOf(res), req.body);
    res.json({ id: req.params.id, state: 'refused' });
  });

  router.post('/requests/:id/ask', json, async (req, res) => {
    await askRequester(deps, requestId(req), actorOf(res), req.body);
    res.json({ id: req.params.id, state: 'needs_info' });
  });

  router.post('/requests/:id/retry', json, async (req, res) => {
    const step = z.object({ step: z.enum(['locate', 'redaction']) }).strict().safeParse(req.body ?? {});
    if (!step.success) throw new ValidationFailed(fieldErrors(step.error));
    await retryRequest(deps, requestId(req), actorOf(res), step.data.step);
    res.status(202).json({ id: req.params.id });
  });

  return router;
}
