// The requester's side after intake, reached only through signed links: verify the email, follow the request
// (page and JSON), answer a moderator's question, withdraw.
import express, { type Request, type Router } from 'express';
import { LinkRefused, RequestNotFound } from '../domain/errors';
import { answerQuestion, verifyEmail, withdrawRequest } from '../domain/requesterActions';
import type { LinkPurpose, SignedLinks } from './signedLinks';
import type { EventDeps } from '../store/requestEvents';
import { getRequest, postsOf } from '../store/requestRecords';
import type { SecretBox } from '../store/secretBox';
import { postUrl } from '../domain/postReference';
import type { Locale } from '../mail/mailTemplates';
import { localeOf } from './locale';
import { type RequestState, terminalStates, withdrawableStates } from '../domain/lifecycle';
import type { Pages } from './pages';

export interface StatusRouteDeps extends EventDeps {
  box: SecretBox;
  links: SignedLinks;
  pages: Pages;
  postUrlTemplate: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function statusRoutes(deps: StatusRouteDeps): Router {
  const router = express.Router();
  const json = express.json({ limit: '16kb' });
  const form = express.urlencoded({ extended: false, limit: '16kb' });

  /** The request id of a signed link, or the reason it is refused. */
  function authorised(req: Request, purpose: LinkPurpose): string {
    const id = String(req.params.id);
    if (!uuid.test(id)) throw new RequestNotFound();
    const token = typeof req.query.t === 'string' ? req.query.t : '';
    const check = deps.links.check(id, purpose, token, deps.clock.now());
    if (check !== 'valid') throw new LinkRefused(check);
    return id;
  }

  async function statusView(id: string) {
    const request = await getRequest(deps.db, id);
    if (!request) throw new RequestNotFound();
    const posts = await postsOf(deps.db, id);
    return {
      id,
      state: request.state,
      createdAt: request.createdAt.toISOString(),
      dueAt: request.dueAt.toISOString(),
      posts: posts.map((p) => ({ id: p.postId, url: postUrl(p.postId, deps.postUrlTemplate), status: p.status })),
      question: request.state === 'needs_info' ? request.question : null,
      canWithdraw: withdrawableStates.includes(request.state as RequestState),
      search: request.searchForum ? { scanned: request.searchScanned ?? 0, total: request.searchTotal ?? 0 } : null,
      refusal: request.state === 'refused' ? { reason: request.refusalReason, message: request.refusalMessage } : null,
      lang: request.lang as Locale,
    };
  }

  const statusPath = (req: Request) => `/status/${String(req.params.id)}?t=${encodeURIComponent(String(req.query.t))}`;

  router.get('/verify/:id', async (req, res) => {
    const id = String(req.params.id);
    if (!uuid.test(id)) throw new RequestNotFound();
    const check = deps.links.check(id, 'verify', typeof req.query.t === 'string' ? req.query.t : '', deps.clock.now());
    if (check !== 'valid') {
      const locale = localeOf(req);
      return res.status(check === 'expired' ? 410 : 403).type('html').send(deps.pages.render('message', locale, { key: check === 'expired' ? 'link_expired' : 'link_invalid' }));
    }
    const { state, lang } = await verifyEmail(deps, id);
    // A link followed after the request closed must not claim that review is under way.
    const key = terminalStates.includes(state) ? 'closed' : 'verified';
    res.status(200).type('html').send(deps.pages.render('message', lang, { key }));
  });

  router.get('/api/v1/requests/:id', async (req, res) => {
    const view = await statusView(authorised(req, 'status'));
    res.json(view);
  });

  router.get('/status/:id', async (req, res) => {
    const view = await statusView(authorised(req, 'status'));
    res.type('html').send(deps.pages.render('status', typeof req.query.lang === 'string' ? localeOf(req) : view.lang, { view, self: statusPath(req) }));
  });

  router.post('/api/v1/requests/:id/answer', json, async (req, res) => {
    await answerQuestion(deps, authorised(req, 'status'), req.body);
    res.json(await statusView(String(req.params.id)));
  });

  router.post('/api/v1/requests/:id/withdraw', async (req, res) => {
    await withdrawRequest(deps, authorised(req, 'status'));
    res.json(await statusView(String(req.params.id)));
  });

  router.post('/status/:id/answer', form, async (req, res) => {
    await answerQuestion(deps, authorised(req, 'status'), { answer: req.body?.answer });
    res.redirect(303, statusPath(req));
  });

  router.post('/status/:id/withdraw', form, async (req, res) => {
    await withdrawRequest(deps, authorised(req, 'status'));
    res.redirect(303, statusPath(req));
  });

  return router;
}
