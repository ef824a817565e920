// The requester's side after intake, reached only through signed links: verify the email, follow the request
// (page and JSON), answer a moderator's question, withdraw. The JSON API answers problems as problem+json; the
// pages answer them as pages, in the reader's language, saying what to do next.
import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import { InvalidTransition, LinkRefused, RequestNotFound, ValidationFailed } from '../domain/errors';
import { answerQuestion, verifyEmail, withdrawRequest } from '../domain/requesterActions';
import type { LinkPurpose, SignedLinks } from './signedLinks';
import type { EventDeps } from '../store/requestEvents';
import { readAudit } from '../store/auditTrail';
import { getRequest, postsOf } from '../store/requestRecords';
import type { SecretBox } from '../store/secretBox';
import { postUrl } from '../domain/postReference';
import { type Locale, locales } from '../mail/mailTemplates';
import { localeOf } from './locale';
import { type RequestState, terminalStates, withdrawableStates } from '../domain/lifecycle';
import type { Pages } from './pages';
import { requesterTimeline } from './requesterTimeline';
import { z } from 'zod';
import { fieldErrors } from '../domain/intake';
import { forgetFingerprints, keptFingerprints } from '../domain/removedIdentifiers';

export interface StatusRouteDeps extends EventDeps {
  box: SecretBox;
  links: SignedLinks;
  pages: Pages;
  postUrlTemplate: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function statusRoutes(deps: StatusRouteDeps): Router {
  const router = express.Router();
  router.use(statusApi(deps));
  router.use(statusPages(deps));
  return router;
}

/** The request id of a signed link, or the reason it is refused. Nothing about the request is read before this. */
function authorised(deps: StatusRouteDeps, req: Request, purpose: LinkPurpose): string {
  const id = String(req.params.id);
  if (!uuid.test(id)) throw new RequestNotFound();
  const token = typeof req.query.t === 'string' ? req.query.t : '';
  const check = deps.links.check(id, purpose, token, deps.clock.now());
  if (check !== 'valid') throw new LinkRefused(check);
  return id;
}

/** What the requester may see of their request: the same for the page and the JSON API. */
async function statusView(deps: StatusRouteDeps, id: string) {
  const request = await getRequest(deps.db, id);
  if (!request) throw new RequestNotFound();
  const posts = await postsOf(deps.db, id);
  const trail = await readAudit(deps.db, id);
  return {
    id,
    state: request.state,
    createdAt: request.createdAt.toISOString(),
    dueAt: request.dueAt.toISOString(),
    closed: terminalStates.includes(request.state as RequestState),
    posts: posts.map((p) => ({ id: p.postId, url: postUrl(p.postId, deps.postUrlTemplate), status: p.status })),
    question: request.state === 'needs_info' ? request.question : null,
    canWithdraw: withdrawableStates.includes(request.state as RequestState),
    search: request.searchForum ? { scanned: request.searchScanned ?? 0, total: request.searchTotal ?? 0 } : null,
    refusal: request.state === 'refused' ? { reason: request.refusalReason, message: request.refusalMessage } : null,
    timeline: requesterTimeline(trail, request),
    /** Fingerprints kept of what was removed, counts by kind ({} once forgotten); null when none are kept by design. */
    fingerprints: await keptFingerprints(deps.db, request),
    lang: request.lang as Locale,
  };
}

type StatusView = Awaited<ReturnType<typeof statusView>>;

function statusApi(deps: StatusRouteDeps): Router {
  const router = express.Router();
  const json = express.json({ limit: '16kb' });

  router.get('/api/v1/requests/:id', async (req, res) => {
    res.json(await statusView(deps, authorised(deps, req, 'status')));
  });

  router.post('/api/v1/requests/:id/answer', json, async (req, res) => {
    await answerQuestion(deps, authorised(deps, req, 'status'), req.body);
    res.json(await statusView(deps, String(req.params.id)));
  });

  router.post('/api/v1/requests/:id/withdraw', async (req, res) => {
    await withdrawRequest(deps, authorised(deps, req, 'status'));
    res.json(await statusView(deps, String(req.params.id)));
  });

  // Forgetting cannot be undone: the body must say so, as the page's checkbox does.
  router.post('/api/v1/requests/:id/forget-fingerprints', json, async (req, res) => {
    const id = authorised(deps, req, 'status');
    const parsed = ForgetFingerprints.safeParse(req.body ?? {});
    if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error));
    await forgetFingerprints(deps, id);
    res.json(await statusView(deps, id));
  });

  return router;
}

const ForgetFingerprints = z.object({ confirm: z.literal(true, { message: 'must be true: forgetting the fingerprints cannot be undone' }) }).strict();

/** What the status page shows besides the request: a notice, errors beside their fields, what was typed. */
interface StatusPageExtras {
  notice?: 'moved_on' | 'forgotten';
  /** field → the translation key of its error */
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

function statusPages(deps: StatusRouteDeps): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 });

  /** ?lang= when the reader chose one, so that the forms and the redirect after them keep it. */
  const chosenLocale = (req: Request): Locale | undefined =>
    typeof req.query.lang === 'string' && (locales as readonly string[]).includes(req.query.lang) ? (req.query.lang as Locale) : undefined;

  /** A path of this request's pages, carrying the link's token (and the chosen language). */
  const pathOf = (req: Request, suffix: string, lang = chosenLocale(req)) => {
    const query = new URLSearchParams({ t: String(req.query.t) });
    if (lang) query.set('lang', lang);
    return `/status/${String(req.params.id)}${suffix}?${query.toString()}`;
  };

  async function renderStatus(req: Request, res: Response, id: string, status: number, extras: StatusPageExtras = {}) {
    const view: StatusView = await statusView(deps, id);
    const locale = chosenLocale(req) ?? view.lang;
    const paths = {
      answer: pathOf(req, '/answer'),
      withdraw: pathOf(req, '/withdraw'),
      forgetFingerprints: pathOf(req, '/forget-fingerprints'),
      languages: Object.fromEntries(locales.map((l) => [l, pathOf(req, '', l)])),
    };
    // The page holds the requester's request: no shared cache may keep it.
    res.status(status).set('Cache-Control', 'no-store').type('html');
    res.send(deps.pages.render('status', locale, { view, paths, errors: {}, values: {}, ...extras }));
  }

  router.get('/verify/:id', async (req, res) => {
    const { state, lang } = await verifyEmail(deps, authorised(deps, req, 'verify'));
    // A link followed after the request closed must not claim that review is under way.
    const key = terminalStates.includes(state) ? 'closed' : 'verified';
    res.status(200).type('html').send(deps.pages.render('message', lang, { key }));
  });

  router.get('/status/:id', async (req, res) => {
    // After forgetting, the redirect says so once: ?done=forgotten (nothing else is read from it).
    const notice = req.query.done === 'forgotten' ? ('forgotten' as const) : undefined;
    await renderStatus(req, res, authorised(deps, req, 'status'), 200, notice ? { notice } : {});
  });

  router.post('/status/:id/answer', form, async (req, res) => {
    const id = authorised(deps, req, 'status');
    const answer = typeof req.body?.answer === 'string' ? (req.body.answer as string) : '';
    try {
      await answerQuestion(deps, id, { answer });
    } catch (error) {
      if (error instanceof ValidationFailed) return renderStatus(req, res, id, 400, { errors: { answer: 'pages.status.errors.answer' }, values: { answer } });
      if (error instanceof InvalidTransition) return renderStatus(req, res, id, 409, { notice: 'moved_on' });
      throw error;
    }
    res.redirect(303, pathOf(req, ''));
  });

  router.post('/status/:id/withdraw', form, async (req, res) => {
    const id = authorised(deps, req, 'status');
    // Withdrawing cannot be undone: the page asks the requester to tick a box first, and so does this check.
    if (req.body?.confirm !== 'yes') return renderStatus(req, res, id, 400, { errors: { confirm: 'pages.status.errors.confirm' } });
    try {
      await withdrawRequest(deps, id);
    } catch (error) {
      if (error instanceof InvalidTransition) return renderStatus(req, res, id, 409, { notice: 'moved_on' });
      throw error;
    }
    res.redirect(303, pathOf(req, ''));
  });

  router.post('/status/:id/forget-fingerprints', form, async (req, res) => {
    const id = authorised(deps, req, 'status');
    if (req.body?.confirm !== 'yes') return renderStatus(req, res, id, 400, { errors: { forgetConfirm: 'pages.fingerprints.errorConfirm' } });
    try {
      await forgetFingerprints(deps, id);
    } catch (error) {
      if (error instanceof InvalidTransition) return renderStatus(req, res, id, 409, { notice: 'moved_on' });
      throw error;
    }
    res.redirect(303, `${pathOf(req, '')}&done=forgotten`);
  });

  router.use(linkProblemPage(deps.pages));
  return router;
}

/**
 * A refused, expired or broken link gets a page, not JSON: in the language the reader asked for or their browser's
 * (never the request's, which a forged link has no right to read), with what to do next.
 */
function linkProblemPage(pages: Pages): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (!(error instanceof LinkRefused || error instanceof RequestNotFound)) return next(error);
    const key = error instanceof LinkRefused ? error.code : 'not_found'; // link_expired, link_invalid
    res.status(error.status).set('Cache-Control', 'no-store').type('html').send(pages.render('message', localeOf(req), { key }));
  };
}
