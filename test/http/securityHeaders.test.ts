// Every response carries helmet's security headers and a strict Content-Security-Policy (no inline script or
// style, no framing, nothing from another site); the console's cookies are Secure when the request came over HTTPS
// through a proxy TRUST_PROXY names, and only then.
import type { Server } from 'node:http';
import IORedis from 'ioredis';
import { RedisStore } from 'rate-limit-redis';
import request from 'supertest';
import { createApp } from '../../src/app';
import { ConfigError, readConfig } from '../../src/config';
import { hiddenValue, makeAccount } from '../support/consoleSession';
import { startWorld, type World } from '../support/world';

let world: World;
/** The same Erasure with TRUST_PROXY=false: X-Forwarded-Proto is nobody's word. */
let untrusting: Server;
let redis: IORedis;

beforeAll(async () => {
  world = await startWorld();
  // A rate-limit store serves one limiter: the second app gets its own, as a second process would.
  redis = new IORedis(world.config.REDIS_URL);
  const store = (name: string) =>
    new RedisStore({ sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<number>, prefix: `${world.config.QUEUE_PREFIX}:${name}:` });
  untrusting = createApp({ ...world.runtime.appDeps, trustProxy: false, rateLimitStore: store('intake-rate'), apiRateLimitStore: store('api-rate') }).listen(0, '127.0.0.1');
});
afterAll(async () => {
  await new Promise((resolve) => untrusting?.close(resolve));
  redis?.disconnect();
  await world?.close();
});

/** The policy's directives by name. */
function policyOf(header: string | undefined): Map<string, string[]> {
  expect(header).toBeDefined();
  return new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

function expectSecurityHeaders(res: request.Response) {
  const policy = policyOf(res.headers['content-security-policy']);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('style-src')).toEqual(["'self'"]);
  expect(policy.get('script-src-attr')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  // Strict: nothing inline, nothing evaluated, no other site.
  expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval|https:|\*|data:/);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(res.headers['x-powered-by']).toBeUndefined();
}

/** What the policy would block: a <style> or inline <script> block, a style attribute, an on… handler. */
function expectNothingInline(html: string) {
  expect(html).not.toMatch(/<style[\s>]/i);
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
  expect(html).not.toMatch(/\sstyle="/i);
  expect(html).not.toMatch(/\son[a-z]+="/i);
}

describe('headers', () => {
  test('the contact form page has them, has nothing inline, and its stylesheet is served from /assets', async () => {
    const page = await request(world.server).get('/').expect(200);
    expectSecurityHeaders(page);
    expectNothingInline(page.text);
    expect(page.text).toContain('<link rel="stylesheet" href="/assets/pages.css">');
    const css = await request(world.server).get('/assets/pages.css').expect(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    expect(css.text).toContain('.error-summary');
    expectSecurityHeaders(css);
  });

  test('the console sign-in page has them and nothing inline', async () => {
    const page = await request(world.server).get('/console/sign-in').expect(200);
    expectSecurityHeaders(page);
    expectNothingInline(page.text);
  });

  test('the JSON API has them, on an answer and on a problem', async () => {
    const ok = await request(world.server).get('/api/v1/moderation/requests').set('Authorization', `Bearer ${world.moderatorToken}`).expect(200);
    expectSecurityHeaders(ok);
    const refused = await request(world.server).get('/api/v1/moderation/requests').expect(401);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expectSecurityHeaders(refused);
    expectSecurityHeaders(await request(world.server).get('/no/such/page').expect(404));
  });
});

const cookieNamed = (res: request.Response, name: string) => ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).find((c) => c.startsWith(`${name}=`));

describe('Secure cookies', () => {
  test('behind a trusted proxy that says the request came over HTTPS, the sign-in and session cookies are Secure', async () => {
    const account = await makeAccount(world, 'moderator');
    const form = await request(world.server).get('/console/sign-in').set('X-Forwarded-Proto', 'https').expect(200);
    const signInCookie = cookieNamed(form, 'erasure_sign_in');
    expect(signInCookie).toMatch(/;\s*Secure/i);
    const signedIn = await request(world.server)
      .post('/console/sign-in')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', (signInCookie ?? '').split(';')[0] as string)
      .type('form')
      .send({ _signin: hiddenValue(form.text, '_signin'), email: account.email, password: account.password });
    expect(signedIn.status).toBe(303);
    const session = cookieNamed(signedIn, 'erasure_session');
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/HttpOnly/i);
  });

  test('over plain HTTP the cookies are not Secure (a browser would never send them back)', async () => {
    const form = await request(world.server).get('/console/sign-in').expect(200);
    expect(cookieNamed(form, 'erasure_sign_in')).toBeDefined();
    expect(cookieNamed(form, 'erasure_sign_in')).not.toMatch(/Secure/i);
  });

  test('with TRUST_PROXY=false, a client saying X-Forwarded-Proto: https is not believed', async () => {
    const form = await request(untrusting).get('/console/sign-in').set('X-Forwarded-Proto', 'https').expect(200);
    expect(cookieNamed(form, 'erasure_sign_in')).toBeDefined();
    expect(cookieNamed(form, 'erasure_sign_in')).not.toMatch(/Secure/i);
  });
});

describe('TRUST_PROXY', () => {
  test('takes false, a hop count, or proxy addresses and ranges; a proxy on this machine is trusted by default', () => {
    expect(readConfig({}).TRUST_PROXY).toEqual(['loopback']);
    expect(readConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(readConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(readConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, 2001:db8::1' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', '2001:db8::1']);
  });

  test('refuses true, which would let any client choose its address, and anything Express would not read', () => {
    expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: true would believe any client's X-Forwarded-For/);
    expect(() => readConfig({ TRUST_PROXY: 'proxy.example.org' })).toThrow(/TRUST_PROXY: must be false, a number of proxies/);
    expect(() => readConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  test('API_RATE_LIMIT is a whole number of requests a minute', () => {
    expect(readConfig({}).API_RATE_LIMIT).toBe(600);
    expect(readConfig({ API_RATE_LIMIT: '0' }).API_RATE_LIMIT).toBe(0);
    expect(() => readConfig({ API_RATE_LIMIT: 'lots' })).toThrow(/API_RATE_LIMIT/);
  });
});
