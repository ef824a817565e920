// The admin's page of console accounts: who may sign in, with which role; adding an account, disabling one (its
// sessions end at once) and enabling it again. The last enabled admin cannot be disabled.
import { formField } from './formField';
import express, { type Request, type Response, type Router } from 'express';
import type { Clock, Ids } from '../../domain/clockAndIds';
import { DomainError, type FieldError } from '../../domain/errors';
import { actorLabel, type Actor } from '../../domain/lifecycle';
import type { Db } from '../../store/database';
import { accountRoles, type AccountRole, addAccount, listAccounts, minPasswordLength, setAccountDisabled } from '../../store/moderatorAccounts';
import type { ConsoleGuards } from './consoleSession';
import type { ConsolePages } from './consolePages';

export interface AccountsPageDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  consolePages: ConsolePages;
  guards: ConsoleGuards;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const notices = ['added', 'disabled', 'enabled'] as const;

interface AccountErrors {
  form: 'add' | 'toggle';
  message: string;
  fields: FieldError[];
}

const field = formField;

export function accountsPage(deps: AccountsPageDeps): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 });
  const { requireAdmin, checkCsrf } = deps.guards;
  const by = (res: Response) => actorLabel(res.locals.actor as Actor);

  async function show(req: Request, res: Response, options: { status?: number; errors?: AccountErrors; values?: Record<string, string> } = {}) {
    const accounts = await listAccounts(deps.db);
    const notice = notices.find((n) => n === req.query.done) ?? null;
    res
      .status(options.status ?? 200)
      .type('html')
      .send(
        deps.consolePages.render(req, res, 'accounts', {
          accounts,
          now: deps.clock.now(),
          roles: accountRoles,
          minPasswordLength,
          notice,
          errors: options.errors ?? null,
          values: options.values ?? {},
          fieldError: (name: string) => options.errors?.fields.find((f) => f.field === name)?.message ?? null,
        }),
      );
  }

  /** A domain refusal shows the page again with the reason; anything else is a bug and goes on up. */
  async function attempt(req: Request, res: Response, formName: AccountErrors['form'], action: () => Promise<void>, done: string, values: Record<string, string> = {}) {
    try {
      await action();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return show(req, res, { status: error.status, errors: { form: formName, message: error.message, fields: error.fields }, values });
    }
    res.redirect(303, `/console/accounts?done=${done}`);
  }

  router.get('/console/accounts', requireAdmin, (req, res) => show(req, res));

  router.post('/console/accounts', form, requireAdmin, checkCsrf, async (req, res) => {
    const values = { email: field(req.body, 'email'), displayName: field(req.body, 'displayName'), role: field(req.body, 'role') };
    const password = field(req.body, 'password');
    // The password is never shown again, even beside an error.
    await attempt(req, res, 'add', async () => void (await addAccount(deps, { ...values, role: values.role as AccountRole, password }, by(res))), 'added', values);
  });

  for (const [path, disabled] of [['disable', true], ['enable', false]] as const) {
    router.post(`/console/accounts/:id/${path}`, form, requireAdmin, checkCsrf, async (req, res) => {
      const id = String(req.params.id);
      if (!uuid.test(id)) return show(req, res, { status: 404, errors: { form: 'toggle', message: 'no such account', fields: [] } });
      await attempt(req, res, 'toggle', () => setAccountDisabled(deps, id, disabled, by(res)), `${path}d`);
    });
  }

  return router;
}
