// Intake: the JSON API (POST /api/v1/requests) and the contact form (GET and POST /), one validation for both.
import express, { type Router } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import { DomainError, ValidationFailed } from '../domain/errors';
import { type IntakeDeps, submitRequest } from '../domain/intake';
import { localeOf } from './locale';
import { hasTranslation, translate } from '../mail/i18n';
import type { Pages } from './pages';
import { sendProblem } from './problemDetails';

export interface IntakeRouteDeps extends IntakeDeps {
  pages: Pages;
  /** Requests one address may submit per hour; 0 lifts the limit (benchmarks). */
  perAddressHourlyLimit: number;
  /** Where the counts live: Redis, so that every serve process counts against the same limit. */
  rateLimitStore: Store;
}

const bodyLimit = '64kb';

export function intakeRoutes(deps: IntakeRouteDeps): Router {
  const router = express.Router();
  const limit = rateLimit({
    windowMs: 3600_000,
    limit: deps.perAddressHourlyLimit,
    skip: () => deps.perAddressHourlyLimit === 0,
    store: deps.rateLimitStore,
    // Redis away for a moment must not turn every intake into a 500: the per-email limit still holds.
    passOnStoreError: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => sendProblem(res, 429, 'too_many_requests', 'too many requests from your address: please try again in an hour'),
  });

  router.post('/api/v1/requests', limit, express.json({ limit: bodyLimit, strict: false }), async (req, res) => {
    if (!req.is('application/json')) return sendProblem(res, 415, 'unsupported_media_type', 'send the request as application/json');
    const created = await submitRequest(deps, req.body);
    res.status(202).json(created);
  });

  router.get('/', (req, res) => {
    res.type('html').send(deps.pages.render('form', localeOf(req), { values: {}, errors: {} }));
  });

  router.post('/', limit, express.urlencoded({ extended: false, limit: bodyLimit, parameterLimit: 200 }), async (req, res) => {
    const locale = localeOf(req);
    const values = req.body as Record<string, string | undefined>;
    try {
      await submitRequest(deps, formToRequest(values, locale));
      res.status(202).type('html').send(deps.pages.render('submitted', locale, {}));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const errors: Record<string, string> = {};
      for (const field of error instanceof ValidationFailed ? error.fields : [{ field: '(form)', message: error.message }]) {
        const key = field.field.split('.')[0] ?? field.field;
        // The API's messages are English; a French page gets its field's French advice instead.
        errors[key] ??= locale === 'en' || !hasTranslation(locale, `pages.form.errors.${key}`) ? field.message : translate(locale, `pages.form.errors.${key}`);
      }
      res.status(error.status).type('html').send(deps.pages.render('form', locale, { values, errors }));
    }
  });

  return router;
}

/** The form's flat fields, in the API's shape: lists are one item per line. */
function formToRequest(form: Record<string, string | undefined>, lang: string): Record<string, unknown> {
  const lines = (value: string | undefined) => (value ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const optional = (value: string | undefined) => (value && value.trim() ? value : undefined);
  return {
    email: form.email ?? '',
    name: optional(form.name),
    identifiers: { phones: lines(form.phones), usernames: lines(form.usernames), addresses: lines(form.addresses) },
    posts: lines(form.posts),
    scope: form.scope,
    quotes: lines(form.quotes),
    relationship: form.relationship,
    details: optional(form.details),
    consent: form.consent === 'yes',
    searchForum: form.searchForum === 'yes',
    lang,
  };
}
