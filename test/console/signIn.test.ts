// Signing in to the console against the real database: argon2id passwords, sessions in the database, cookies
// HttpOnly and SameSite, CSRF on every form, lock-out after repeated failures, sign-out, disabled accounts.
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { randomIds } from '../../src/domain/clockAndIds';
import { safeNext } from '../../src/http/console/signInRoutes';
import { setAccountDisabled, signInLimit } from '../../src/store/moderatorAccounts';
import { moderators, sessions } from '../../src/store/schema';
import { removeExpiredSessions } from '../../src/store/sessions';
import { hiddenValue, makeAccount, signInAs } from '../support/consoleSession';
import { startWorld, type World } from '../support/world';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());

async function postSignIn(agent: ReturnType<typeof request.agent>, email: string, password: string) {
  const form = await agent.get('/console/sign-in').expect(200);
  return agent.post('/console/sign-in').type('form').send({ _signin: hiddenValue(form.text, '_signin'), email, password });
}

describe('the console without a session', () => {
  test('a page answers 401 with a link to sign in, and a JSON caller gets problem+json', async () => {
    const page = await request(world.server).get('/console').set('Accept', 'text/html').expect(401);
    expect(page.text).toContain('/console/sign-in?next=%2Fconsole');
    const api = await request(world.server).get('/console').set('Accept', 'application/json').expect(401);
    expect(api.body.code).toBe('sign_in_required');
  });

  test('the moderation API without a token answers 401', async () => {
    await request(world.server).get('/api/v1/moderation/requests').expect(401);
  });
});

describe('signing in', () => {
  test('the right password opens a session whose cookie is HttpOnly and SameSite, and the queue shows', async () => {
    const account = await makeAccount(world, 'moderator');
    const agent = request.agent(world.server);
    const res = await postSignIn(agent, account.email.toUpperCase(), account.password);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/console');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('erasure_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/console/);
    const queue = await agent.get('/console').expect(200);
    expect(queue.text).toContain('<h1>Requests</h1>');
    const rows = await world.database.db.select().from(sessions).where(eq(sessions.moderatorId, account.id));
    expect(rows).toHaveLength(1);
    // The table keeps a hash of the cookie's token, never the token.
    const token = /erasure_session=([^;]+)/.exec(cookie ?? '')?.[1];
    expect(rows[0]?.id).not.toBe(token);
  });

  test('a wrong password or an unknown address gets the same 401 and no session', async () => {
    const account = await makeAccount(world, 'moderator');
    const wrong = await postSignIn(request.agent(world.server), account.email, 'not the password at all');
    const unknown = await postSignIn(request.agent(world.server), 'nobody@example.org', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toContain('The email or the password is wrong');
    expect(unknown.text).toContain('The email or the password is wrong');
    expect(await world.database.db.select().from(sessions).where(eq(sessions.moderatorId, account.id))).toHaveLength(0);
  });

  test('a sign-in form posted without its one-time token is refused, even with the right password', async () => {
    const account = await makeAccount(world, 'moderator');
    const res = await request(world.server).post('/console/sign-in').type('form').send({ email: account.email, password: account.password });
    expect(res.status).toBe(403);
    expect(await world.database.db.select().from(sessions).where(eq(sessions.moderatorId, account.id))).toHaveLength(0);
  });

  test(`${signInLimit.failures} failures lock the account, even against the right password, until the lock ends`, async () => {
    const account = await makeAccount(world, 'moderator');
    const agent = request.agent(world.server);
    for (let i = 0; i < signInLimit.failures - 1; i++) expect((await postSignIn(agent, account.email, 'wrong password 123')).status).toBe(401);
    const locking = await postSignIn(agent, account.email, 'wrong password 123');
    expect(locking.status).toBe(429);
    expect(Number(locking.headers['retry-after'])).toBeGreaterThan(0);
    expect((await postSignIn(agent, account.email, account.password)).status).toBe(429);
    world.clock.advance((signInLimit.lockMinutes + 1) * 60_000);
    expect((await postSignIn(agent, account.email, account.password)).status).toBe(303);
    const [row] = await world.database.db.select().from(moderators).where(eq(moderators.id, account.id));
    expect(row?.failedSignIns).toBe(0);
  });

  test('after signing in, next sends the moderator back to a console page, never to another site', () => {
    expect(safeNext('/console/requests/abc')).toBe('/console/requests/abc');
    expect(safeNext('//evil.example/console')).toBe('/console');
    expect(safeNext('https://evil.example/')).toBe('/console');
    expect(safeNext('/console//evil.example')).toBe('/console');
    expect(safeNext(['/console/x'])).toBe('/console');
  });
});

describe('signing out and ending sessions', () => {
  test('sign-out without the CSRF token is refused and the session lives on; with it the session ends', async () => {
    const moderator = await signInAs(world, 'moderator');
    await moderator.agent.post('/console/sign-out').type('form').send({}).expect(403);
    await moderator.agent.post('/console/sign-out').type('form').send({ _csrf: 'x'.repeat(43) }).expect(403);
    await moderator.agent.get('/console').expect(200);
    await moderator.agent.post('/console/sign-out').type('form').send({ _csrf: moderator.csrf }).expect(303);
    await moderator.agent.get('/console').set('Accept', 'text/html').expect(401);
    expect(await world.database.db.select().from(sessions).where(eq(sessions.moderatorId, moderator.accountId))).toHaveLength(0);
  });

  test('disabling an account ends its sessions at once', async () => {
    const moderator = await signInAs(world, 'moderator');
    await setAccountDisabled({ db: world.database.db, clock: world.clock, ids: randomIds }, moderator.accountId, true, 'test');
    await moderator.agent.get('/console').set('Accept', 'text/html').expect(401);
    expect((await postSignIn(request.agent(world.server), moderator.email, moderator.password)).status).toBe(401);
  });

  test('a session ends after two idle hours', async () => {
    const moderator = await signInAs(world, 'moderator');
    world.clock.advance(121 * 60_000);
    await moderator.agent.get('/console').set('Accept', 'text/html').expect(401);
  });
});

test('the maintenance sweep removes sessions past their end and leaves live ones', async () => {
  const live = await signInAs(world, 'moderator');
  const stale = await signInAs(world, 'moderator');
  await world.database.db.update(sessions).set({ expiresAt: new Date(world.clock.now().getTime() - 1000) }).where(eq(sessions.moderatorId, stale.accountId));
  expect(await removeExpiredSessions({ db: world.database.db, clock: world.clock })).toBeGreaterThanOrEqual(1);
  expect(await world.database.db.select().from(sessions).where(eq(sessions.moderatorId, stale.accountId))).toHaveLength(0);
  expect(await world.database.db.select().from(sessions).where(eq(sessions.moderatorId, live.accountId))).toHaveLength(1);
});
