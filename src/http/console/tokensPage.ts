// The admin's page of API tokens: their names, roles and use, never the tokens, which are kept only as hashes.
// A new token is shown once, on the page that answers its creation; a revoked token is refused at once.
import { formField } from './formField';
import express, { type Request, type Response, type Router } from 'express';
import type { Clock, Ids } from '../../domain/clockAndIds';
import { DomainError, type FieldError } from '../../domain/errors';
import { actorLabel, type Actor } from '../../domain/lifecycle';
import { createApiToken, listTokens, revokeToken, tokenRoles, type TokenRole } from '../../store/apiTokens';
import type { Db } from '../../store/database';
import type { ConsoleGuards } from './consoleSession';
import type { ConsolePages } from './consolePages';

export interface TokensPageDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  consolePages: ConsolePages;
  guards: ConsoleGuards;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface TokenErrors {
  form: 'create' | 'revoke';
  message: string;
  fields: FieldError[];
}

interface ShowOptions {
  status?: number;
  errors?: TokenErrors;
  values?: Record<string, string>;
  created?: { name: string; token: string };
}

const field = formField;

export function tokensPage(deps: TokensPageDeps): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 });
  const { requireAdmin, checkCsrf } = deps.guards;
  const by = (res: Response) => actorLabel(res.locals.actor as Actor);

  async function show(req: Request, res: Response, options: ShowOptions = {}) {
    const tokens = await listTokens(deps.db);
    // The page that shows a new token must not be kept by the browser or anything between.
    if (options.created) res.setHeader('Cache-Control', 'no-store');
    res
      .status(options.status ?? 200)
      .type('html')
      .send(
        deps.consolePages.render(req, res, 'tokens', {
          tokens,
          roles: tokenRoles,
          created: options.created ?? null,
          notice: req.query.done === 'revoked' ? 'revoked' : null,
          errors: options.errors ?? null,
          values: options.values ?? {},
          fieldError: (name: string) => options.errors?.fields.find((f) => f.field === name)?.message ?? null,
        }),
      );
  }

  const refused = (req: Request, res: Response, formName: TokenErrors['form'], error: unknown, values: Record<string, string> = {}) => {
    if (!(error instanceof DomainError)) throw error;
    return show(req, res, { status: error.status, errors: { form: formName, message: error.message, fields: error.fields }, values });
  };

  router.get('/console/tokens', requireAdmin, (req, res) => show(req, res));

  router.post('/console/tokens', form, requireAdmin, checkCsrf, async (req, res) => {
    const values = { name: field(req.body, 'name'), role: field(req.body, 'role') };
    let created: { token: string };
    try {
      created = await createApiToken(deps, { name: values.name, role: values.role as TokenRole }, by(res));
    } catch (error) {
      return refused(req, res, 'create', error, values);
    }
    await show(req, res, { status: 201, created: { name: values.name.trim(), token: created.token } });
  });

  router.post('/console/tokens/:id/revoke', form, requireAdmin, checkCsrf, async (req, res) => {
    const id = String(req.params.id);
    if (!uuid.test(id)) return show(req, res, { status: 404, errors: { form: 'revoke', message: 'no such token', fields: [] } });
    try {
      await revokeToken(deps, id, by(res));
    } catch (error) {
      return refused(req, res, 'revoke', error);
    }
    res.redirect(303, '/console/tokens?done=revoked');
  });

  return router;
}
