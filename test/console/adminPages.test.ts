// The admin's pages, through HTTP against the real database: accounts (add, disable, enable; never the last
// admin) and API tokens (create, shown once; revoke). Moderators and strangers are kept out.
import { and, eq, isNull } from 'drizzle-orm';
import request from 'supertest';
import { randomIds } from '../../src/domain/clockAndIds';
import { readAudit } from '../../src/store/auditTrail';
import { setAccountDisabled } from '../../src/store/moderatorAccounts';
import { apiTokens, moderators } from '../../src/store/schema';
import { hiddenValue, signInAs, type SignedIn } from '../support/consoleSession';
import { startWorld, type World } from '../support/world';
import { formOf } from './reviewedRequests';

let world: World;
let admin: SignedIn;
let moderator: SignedIn;

beforeAll(async () => {
  world = await startWorld();
  admin = await signInAs(world, 'admin');
  moderator = await signInAs(world, 'moderator');
});
afterAll(async () => {
  await world?.close();
});

async function signInWithForm(email: string, password: string) {
  const agent = request.agent(world.server);
  const form = await agent.get('/console/sign-in').expect(200);
  const res = await agent.post('/console/sign-in').type('form').send({ _signin: hiddenValue(form.text, '_signin'), email, password });
  return { agent, status: res.status };
}

const api = (token: string) => request(world.server).get('/api/v1/moderation/requests').set('Authorization', `Bearer ${token}`);

describe('who may see the admin pages', () => {
  test('a moderator gets 403 on every admin page and form', async () => {
    for (const path of ['/console/accounts', '/console/tokens']) {
      const page = await moderator.agent.get(path).set('Accept', 'text/html').expect(403);
      expect(page.text).toContain('Only an admin may do this');
    }
    await moderator.agent.post('/console/accounts').type('form').send(formOf({ _csrf: moderator.csrf, email: 'sneaky@example.org', displayName: 'Sneaky', role: 'admin', password: 'a long enough password' })).expect(403);
    await moderator.agent.post(`/console/accounts/${moderator.accountId}/disable`).type('form').send(formOf({ _csrf: moderator.csrf })).expect(403);
    await moderator.agent.post('/console/tokens').type('form').send(formOf({ _csrf: moderator.csrf, name: 'mine', role: 'admin' })).expect(403);
    const [token] = await world.database.db.select().from(apiTokens).limit(1);
    await moderator.agent.post(`/console/tokens/${token?.id}/revoke`).type('form').send(formOf({ _csrf: moderator.csrf })).expect(403);
    expect(await world.database.db.select().from(moderators).where(eq(moderators.email, 'sneaky@example.org'))).toEqual([]);
    expect((await world.database.db.select().from(apiTokens).where(eq(apiTokens.name, 'mine')))).toEqual([]);
  });

  test('without a session they answer 401', async () => {
    await request(world.server).get('/console/accounts').set('Accept', 'text/html').expect(401);
    await request(world.server).get('/console/tokens').set('Accept', 'text/html').expect(401);
    await request(world.server).post('/console/tokens').type('form').send(formOf({ name: 'x', role: 'admin' })).expect(401);
  });

  test('an admin form without the CSRF token is refused', async () => {
    await admin.agent.post('/console/tokens').type('form').send(formOf({ name: 'no csrf', role: 'admin' })).expect(403);
    expect(await world.database.db.select().from(apiTokens).where(eq(apiTokens.name, 'no csrf'))).toEqual([]);
  });
});

describe('accounts', () => {
  test('an admin adds an account, which can then sign in; disabling it ends its session; enabling lets it back', async () => {
    const email = 'new.moderator@example.org';
    const password = 'correct horse battery';
    const added = await admin.agent.post('/console/accounts').type('form').send(formOf({ _csrf: admin.csrf, email, displayName: 'New <Moderator>', role: 'moderator', password }));
    expect(added.status).toBe(303);
    expect(added.headers.location).toBe('/console/accounts?done=added');
    const list = await admin.agent.get(String(added.headers.location)).expect(200);
    expect(list.text).toContain('The account is added');
    expect(list.text).toContain(`<td>${email}</td>`);
    expect(list.text).toContain('<td>New &lt;Moderator&gt;</td>');
    expect(list.text).not.toContain(password);

    const newcomer = await signInWithForm(email, password);
    expect(newcomer.status).toBe(303);
    await newcomer.agent.get('/console').expect(200);

    const [row] = await world.database.db.select().from(moderators).where(eq(moderators.email, email));
    await admin.agent.post(`/console/accounts/${row?.id}/disable`).type('form').send(formOf({ _csrf: admin.csrf })).expect(303);
    await newcomer.agent.get('/console').set('Accept', 'text/html').expect(401);
    expect((await signInWithForm(email, password)).status).toBe(401);
    const disabled = await admin.agent.get('/console/accounts').expect(200);
    expect(disabled.text).toMatch(new RegExp(`<tr data-account="${row?.id}">[\\s\\S]*?data-disabled="yes"`));

    await admin.agent.post(`/console/accounts/${row?.id}/enable`).type('form').send(formOf({ _csrf: admin.csrf })).expect(303);
    expect((await signInWithForm(email, password)).status).toBe(303);
    const trail = (await readAudit(world.database.db, 'system')).filter((e) => e.data && (e.data as { accountId?: string }).accountId === row?.id);
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['account_added', `moderator:${admin.accountId}`],
      ['account_disabled', `moderator:${admin.accountId}`],
      ['account_enabled', `moderator:${admin.accountId}`],
    ]);
  });

  test('a short password or a bad address is refused beside the field, and what was typed stays (not the password)', async () => {
    const res = await admin.agent.post('/console/accounts').type('form').send(formOf({ _csrf: admin.csrf, email: 'not-an-address', displayName: 'Shorty', role: 'moderator', password: 'short' }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('<p class="error" id="account-password-error">must be at least 12 characters</p>');
    expect(res.text).toContain('<p class="error" id="account-email-error">must be an email address</p>');
    expect(res.text).toContain('value="Shorty"');
    expect(res.text).not.toContain('value="short"');
    expect(await world.database.db.select().from(moderators).where(eq(moderators.displayName, 'Shorty'))).toEqual([]);
  });

  test('the last enabled admin cannot be disabled, and the page says why', async () => {
    // Leave the signed-in admin the only enabled one.
    const others = await world.database.db.select().from(moderators).where(and(eq(moderators.role, 'admin'), isNull(moderators.disabledAt)));
    for (const other of others.filter((a) => a.id !== admin.accountId)) await setAccountDisabled({ db: world.database.db, clock: world.clock, ids: randomIds }, other.id, true, 'test');
    const res = await admin.agent.post(`/console/accounts/${admin.accountId}/disable`).type('form').send(formOf({ _csrf: admin.csrf }));
    expect(res.status).toBe(409);
    expect(res.text).toContain('this is the last admin account');
    const [me] = await world.database.db.select().from(moderators).where(eq(moderators.id, admin.accountId));
    expect(me?.disabledAt).toBeNull();
    await admin.agent.get('/console/accounts').expect(200);
  });
});

describe('API tokens', () => {
  test('a new token is shown once and works on the API; the list never shows it; revoked, the API refuses it', async () => {
    const created = await admin.agent.post('/console/tokens').type('form').send(formOf({ _csrf: admin.csrf, name: 'forum backend', role: 'moderator' }));
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.text).toContain('it is shown only once');
    const token = /id="new-token" readonly value="([^"]+)"/.exec(created.text)?.[1] ?? '';
    expect(token).toMatch(/^ert_/);

    await api(token).expect(200);
    const list = await admin.agent.get('/console/tokens').expect(200);
    expect(list.text).not.toContain(token);
    const [row] = await world.database.db.select().from(apiTokens).where(eq(apiTokens.name, 'forum backend'));
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
    expect(list.text).toMatch(new RegExp(`<tr data-token="${row?.id}">\\s*<td>forum backend</td>\\s*<td>moderator</td>[\\s\\S]*?data-revoked="no"`));

    const revoked = await admin.agent.post(`/console/tokens/${row?.id}/revoke`).type('form').send(formOf({ _csrf: admin.csrf }));
    expect(revoked.status).toBe(303);
    await api(token).expect(401);
    const after = await admin.agent.get('/console/tokens').expect(200);
    expect(after.text).toMatch(new RegExp(`<tr data-token="${row?.id}">[\\s\\S]*?data-revoked="yes"`));
    const again = await admin.agent.post(`/console/tokens/${row?.id}/revoke`).type('form').send(formOf({ _csrf: admin.csrf }));
    expect(again.status).toBe(409);

    const trail = (await readAudit(world.database.db, 'system')).filter((e) => (e.data as { tokenId?: string }).tokenId === row?.id);
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['token_created', `moderator:${admin.accountId}`],
      ['token_revoked', `moderator:${admin.accountId}`],
    ]);
    expect(JSON.stringify(trail)).not.toContain(token);
  });

  test('a token without a name is not created', async () => {
    const res = await admin.agent.post('/console/tokens').type('form').send(formOf({ _csrf: admin.csrf, name: '   ', role: 'admin' }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('<p class="error" id="token-name-error">');
    expect(res.text).not.toContain('id="new-token"');
  });
});
