// The console's request page: the requester's details, each post with its findings marked and previewed, the
// decisions (approve the chosen findings, refuse with a reason, ask a question, add a finding) and the audit
// trail. Every form answers 303 back to the page, or the page again with the domain's objections beside the fields.
import { formField } from './formField';
import express, { type Request, type Response, type Router } from 'express';
import { type ApprovalDeps, approveRequest, askRequester, refuseRequest } from '../../domain/decisions';
import { DomainError, RequestNotFound } from '../../domain/errors';
import { actorLabel, type Actor } from '../../domain/lifecycle';
import { addManualFinding, type ManualFindingDeps } from '../../domain/manualFindings';
import { readReviewView, type ReviewDeps } from '../../domain/reviewView';
import { actorNames } from '../../store/actorNames';
import { readAudit, verifyAuditChain } from '../../store/auditTrail';
import { localeOf } from '../locale';
import type { ConsoleGuards } from './consoleSession';
import type { ConsolePages } from './consolePages';
import { type PageErrors, type RequestForm, requestPageModel } from './requestPageModel';

export interface RequestPageDeps extends ApprovalDeps, ReviewDeps, ManualFindingDeps {
  consolePages: ConsolePages;
  guards: ConsoleGuards;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a page shows after a form did what it asked. */
const notices = ['approve', 'refuse', 'ask', 'finding'] as const;

interface ShowOptions {
  status?: number;
  chosen?: string[];
  deletes?: string[];
  errors?: PageErrors;
  values?: Record<string, string>;
}

const field = formField;
/** A form field that may be sent once, many times or not at all (checkboxes). */
const fieldList = (body: unknown, name: string): string[] => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
};

export function requestPage(deps: RequestPageDeps): Router {
  const router = express.Router();
  // Room for one checkbox per finding: an approval may carry up to 5000 of them.
  const form = express.urlencoded({ extended: false, limit: '512kb', parameterLimit: 5100 });
  const { requireSignedIn, checkCsrf } = deps.guards;
  const actorOf = (res: Response) => res.locals.actor as Actor;

  /** Runs work on the request the path names; an id that is malformed or names no request gets the 404 page. */
  async function onRequest(req: Request, res: Response, work: (id: string) => Promise<void>) {
    const id = String(req.params.id);
    try {
      if (!uuid.test(id)) throw new RequestNotFound();
      await work(id);
    } catch (error) {
      if (!(error instanceof RequestNotFound)) throw error;
      res.status(404).type('html').send(deps.consolePages.render(req, res, 'message', { key: 'request_not_found' }));
    }
  }

  async function show(req: Request, res: Response, id: string, options: ShowOptions = {}) {
    const view = await readReviewView(deps, id);
    const [audit, auditBroken] = await Promise.all([readAudit(deps.db, id), verifyAuditChain(deps.db, id)]);
    const names = await actorNames(deps.db, [...audit.map((e) => e.actor), ...(view.firstApproval ? [view.firstApproval.by] : [])]);
    const model = requestPageModel(view, { ...options, locale: localeOf(req), me: actorLabel(actorOf(res)), fourEyes: deps.fourEyes, audit, auditBroken, names });
    const notice = notices.find((n) => n === req.query.done) ?? null;
    res.status(options.status ?? 200).type('html').send(deps.consolePages.render(req, res, 'request', { ...model, notice }));
  }

  /** Runs a decision; a domain refusal shows the page again with the reason beside the form that asked. */
  function decide(req: Request, res: Response, form: RequestForm, action: (id: string) => Promise<unknown>, again: Omit<ShowOptions, 'status' | 'errors'> & { postId?: string }) {
    return onRequest(req, res, async (id) => {
      try {
        await action(id);
      } catch (error) {
        if (!(error instanceof DomainError) || error instanceof RequestNotFound) throw error;
        return show(req, res, id, { ...again, status: error.status, errors: { form, postId: again.postId, code: error.code, message: error.message, fields: error.fields } });
      }
      const anchor = form === 'finding' && again.postId ? `#post-${encodeURIComponent(again.postId)}` : '';
      res.redirect(303, `/console/requests/${id}?done=${form}${anchor}`);
    });
  }

  router.get('/console/requests/:id', requireSignedIn, (req, res) => onRequest(req, res, (id) => show(req, res, id)));

  router.post('/console/requests/:id/approve', form, requireSignedIn, checkCsrf, async (req, res) => {
    // Always the explicit list: an empty one is refused, where leaving it out would approve every finding.
    const chosen = fieldList(req.body, 'findings');
    // Posts of a child's request to delete whole; left out when none, so that a second approval confirms as it is.
    const deletes = fieldList(req.body, 'delete');
    // The preview changes nothing: the page again, with the ticked findings marked and previewed.
    if (field(req.body, 'intent') === 'preview') return onRequest(req, res, (id) => show(req, res, id, { chosen, deletes }));
    const body = { findings: chosen, ...(deletes.length > 0 ? { delete: deletes } : {}) };
    await decide(req, res, 'approve', (id) => approveRequest(deps, id, actorOf(res), body), { chosen, deletes });
  });

  router.post('/console/requests/:id/refuse', form, requireSignedIn, checkCsrf, async (req, res) => {
    const reason = field(req.body, 'reason');
    const message = field(req.body, 'message').trim();
    const body = { ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
    await decide(req, res, 'refuse', (id) => refuseRequest(deps, id, actorOf(res), body), { values: { reason, message } });
  });

  router.post('/console/requests/:id/ask', form, requireSignedIn, checkCsrf, async (req, res) => {
    const question = field(req.body, 'question');
    await decide(req, res, 'ask', (id) => askRequester(deps, id, actorOf(res), { question }), { values: { question } });
  });

  router.post('/console/requests/:id/findings', form, requireSignedIn, checkCsrf, async (req, res) => {
    const values = Object.fromEntries(['postId', 'location', 'start', 'end', 'text', 'type', 'owner'].map((name) => [name, field(req.body, name)]));
    // A position when one was given (selected in the page, or typed); otherwise the typed text, anywhere in the post.
    const byPosition = values.start !== '' || values.end !== '';
    const { location, start, end, text, ...common } = values;
    // An empty box is left out rather than read as 0, so that a forgotten start is reported, not guessed.
    const position = { location, ...(start !== '' ? { start } : {}), ...(end !== '' ? { end } : {}), ...(text ? { text } : {}) };
    const body = byPosition ? { ...common, ...position } : { ...common, text };
    await decide(req, res, 'finding', (id) => addManualFinding(deps, id, actorOf(res), body), { values, postId: values.postId });
  });

  return router;
}
