// Signing in to the console as a browser would: an account made in the database, the sign-in form fetched for
// its one-time token, the form posted, and the session cookie kept by a supertest agent.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { randomIds } from '../../src/domain/clockAndIds';
import { type AccountRole, addAccount } from '../../src/store/moderatorAccounts';
import type { World } from './world';

export interface SignedIn {
  agent: TestAgent;
  accountId: string;
  email: string;
  password: string;
  /** The session's CSRF token, read from a console page's sign-out form. */
  csrf: string;
}

export const hiddenValue = (html: string, name: string): string => {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`no hidden field ${name} in the page`);
  return match[1];
};

export async function makeAccount(world: World, role: AccountRole, password = `pw-${randomBytes(9).toString('hex')}`) {
  const email = `${role}-${randomBytes(4).toString('hex')}@example.org`;
  const { id } = await addAccount({ db: world.database.db, clock: world.clock, ids: randomIds }, { email, displayName: `${role} ${email.slice(0, 12)}`, role, password }, 'test');
  return { id, email, password };
}

export async function signInAs(world: World, role: AccountRole): Promise<SignedIn> {
  const account = await makeAccount(world, role);
  const agent = request.agent(world.server);
  const form = await agent.get('/console/sign-in').expect(200);
  const signedIn = await agent
    .post('/console/sign-in')
    .type('form')
    .send({ _signin: hiddenValue(form.text, '_signin'), email: account.email, password: account.password, next: '/console' });
  if (signedIn.status !== 303) throw new Error(`sign-in answered ${signedIn.status}`);
  // The CSRF token is on every console page, in its sign-out form.
  const home = await agent.get('/console').expect(200);
  return { agent, accountId: account.id, email: account.email, password: account.password, csrf: hiddenValue(home.text, '_csrf') };
}
