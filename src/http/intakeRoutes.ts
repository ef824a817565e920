// Intake: the JSON API (POST /api/v1/requests) and the contact form (GET and POST /), one validation for both.
import express, { type Router } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import { DomainError, TooManyRequests, ValidationFailed } from '../domain/errors';
import { type IntakeDeps, submitRequest } from '../domain/intake';
import { localeOf } from './locale';
import { translate } from '../mail/i18n';
import type { Locale } from '../mail/mailTemplates';
import type { Pages } from './pages';
import { sendProblem } from './problemDetails';
import { rateLimitLogger } from './apiRateLimit';
import type { Logger } from 'pino';

export interface IntakeRouteDeps extends IntakeDeps {
  pages: Pages;
  /** Requests one address may submit per hour; 0 lifts the limit (benchmarks). */
  perAddressHourlyLimit: number;
  /** Where the counts live: Redis, so that every serve process counts against the same limit. */
  rateLimitStore: Store;
  log: Logger;
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
    logger: rateLimitLogger(deps.log),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      if (req.path !== '/') return sendProblem(res, 429, 'too_many_requests', 'too many requests from your address: please try again in an hour');
      // The form's reader gets the form back, saying why, rather than JSON.
      const locale = localeOf(req);
      const text = translate(locale, 'pages.form.errors.tooManyFromAddress');
      res.status(429).type('html').send(deps.pages.render('form', locale, { values: {}, errors: {}, summary: [{ text }] }));
    },
  });

  router.post('/api/v1/requests', limit, express.json({ limit: bodyLimit, strict: false }), async (req, res) => {
    if (!req.is('application/json')) return sendProblem(res, 415, 'unsupported_media_type', 'send the request as application/json');
    const created = await submitRequest(deps, req.body);
    res.status(202).json(created);
  });

  router.get('/', (req, res) => {
    res.type('html').send(deps.pages.render('form', localeOf(req), { values: {}, errors: {}, summary: [] }));
  });

  router.post('/', limit, express.urlencoded({ extended: false, limit: bodyLimit, parameterLimit: 200 }), async (req, res) => {
    // Any other type leaves req.body unset: say what the form expects rather than read fields that are not there.
    if (!req.is('application/x-www-form-urlencoded')) return sendProblem(res, 415, 'unsupported_media_type', 'send the form as application/x-www-form-urlencoded, as the contact form page does');
    const locale = localeOf(req);
    const values = req.body as Record<string, string | undefined>;
    try {
      const { id } = await submitRequest(deps, formToRequest(singleValued(values), locale));
      res.status(202).type('html').send(deps.pages.render('submitted', locale, { id }));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error instanceof TooManyRequests) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      res.status(error.status).type('html').send(deps.pages.render('form', locale, { values, ...formErrors(error, locale, values) }));
    }
  });

  return router;
}

/** The form's fields in page order, each with the id of the input its entry in the error summary jumps to. */
const formFields: Record<string, string> = {
  email: 'email',
  name: 'name',
  phones: 'phones',
  usernames: 'usernames',
  addresses: 'addresses',
  posts: 'posts',
  scope: 'scope-all',
  quotes: 'quotes',
  relationship: 'relationship',
  details: 'details',
  searchForum: 'searchForum',
  keepRemovedHashes: 'keepRemovedHashes',
  consent: 'consent',
};

/**
 * The page's errors: one plain sentence in the page's language beside each field in error, and the same sentences,
 * in page order, in the summary at the top, each linking to its field. The API's messages are for programs: the
 * page says what to do instead.
 */
function formErrors(error: DomainError, locale: Locale, values: Record<string, string | undefined>) {
  const errors: Record<string, string> = {};
  const general: string[] = [];
  if (!(error instanceof ValidationFailed)) {
    general.push(translate(locale, error.code === 'too_many_requests' ? 'pages.form.errors.tooManyForEmail' : 'pages.form.errors.(form)'));
  }
  for (const { field } of error.fields) {
    const [top = '', second] = field.split('.');
    // identifiers.phones.0 is the phones box; posts.2 is the third post the box lists.
    const name = top === 'identifiers' ? (second ?? 'phones') : top;
    if (!Object.hasOwn(formFields, name)) {
      general.push(translate(locale, 'pages.form.errors.(form)'));
      continue;
    }
    const post = name === 'posts' && second !== undefined ? formLines(values.posts)[Number(second)] : undefined;
    errors[name] ??= post !== undefined ? translate(locale, 'pages.form.errors.postNotFound', { post }) : translate(locale, `pages.form.errors.${name}`);
  }
  const summary = [
    ...[...new Set(general)].map((text) => ({ text })),
    ...Object.entries(formFields).flatMap(([name, anchor]) => (errors[name] ? [{ text: errors[name], href: `#${anchor}` }] : [])),
  ];
  return { errors, summary };
}

/**
 * The form sends each field once; a field sent twice (a forged or scripted post) arrives as a list, and is refused
 * beside that field rather than guessed at.
 */
function singleValued(form: Record<string, unknown>): Record<string, string | undefined> {
  const repeated = Object.keys(formFields).filter((name) => Array.isArray(form[name]));
  if (repeated.length > 0) throw new ValidationFailed(repeated.map((field) => ({ field, message: 'is sent more than once: send it once' })));
  return form as Record<string, string | undefined>;
}

const formLines = (value: string | undefined) => (value ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** The form's flat fields, in the API's shape: lists are one item per line. */
function formToRequest(form: Record<string, string | undefined>, lang: string): Record<string, unknown> {
  const optional = (value: string | undefined) => (value && value.trim() ? value : undefined);
  return {
    email: form.email ?? '',
    name: optional(form.name),
    identifiers: { phones: formLines(form.phones), usernames: formLines(form.usernames), addresses: formLines(form.addresses) },
    posts: formLines(form.posts),
    scope: form.scope,
    quotes: formLines(form.quotes),
    relationship: form.relationship,
    details: optional(form.details),
    consent: form.consent === 'yes',
    searchForum: form.searchForum === 'yes',
    keepRemovedHashes: form.keepRemovedHashes === 'yes',
    lang,
  };
}
