// The admins' queue board (bull-board) over the real Redis queues: behind the caller's guard, under its base path,
// under the app's Content-Security-Policy, listing the three queues, and read-only.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import express from 'express';
import request from 'supertest';
import { queueBoardRoutes } from '../../src/http/queueBoardRoutes';
import { queueNames } from '../../src/queue/jobs';
import { createQueues, type Queues } from '../../src/queue/queues';
import { readConfig } from '../../src/config';

let queues: Queues;
let server: Server;

/** Stands in for the console's admin check: a header says who is signed in. */
const guard: express.RequestHandler = (req, res, next) => {
  if (req.get('x-test-account') === 'admin') return next();
  res.status(401).type('text').send('sign in first');
};
const admin = { 'x-test-account': 'admin' };
const appPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

beforeAll(async () => {
  queues = createQueues(readConfig({}).REDIS_URL, `t${randomBytes(5).toString('hex')}`);
  await queues.add('maintenance.reconcile', {}, 'reconcile-1');
  // As src/app.ts builds the app: no X-Powered-By, one policy for every page.
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', appPolicy);
    next();
  });
  app.use(queueBoardRoutes({ queues, basePath: '/console/queues', guard }));
  app.use((_req, res) => res.status(404).type('text').send('nothing here'));
  server = app.listen(0);
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  for (const name of queueNames) await queues.get(name).obliterate({ force: true }).catch(() => undefined);
  await queues.close();
});

test('without the guard\'s consent, the board, its scripts and its API answer 401', async () => {
  for (const path of ['/console/queues', '/console/queues/queue/requests', '/console/queues/api/queues', '/console/queues/static/images/logo.svg']) {
    const res = await request(server).get(path);
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('maintenance');
  }
});

test('an admin gets the board as HTML, under its base path and the app\'s policy', async () => {
  const res = await request(server).get('/console/queues').set(admin);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/text\/html/);
  expect(res.text).toContain('<base href="/console/queues/" />');
  expect(res.text).toContain('<title>Erasure queues</title>');
  expect(res.headers['content-security-policy']).toBe(appPolicy);
  expect(res.headers['x-powered-by']).toBeUndefined();
  // Its scripts come from its own folder under the base path, which the policy's 'self' allows.
  const scripts = [...res.text.matchAll(/<script defer src="([^"]+)"><\/script>/g)].map((m) => m[1] as string);
  expect(scripts.length).toBeGreaterThan(0);
  const script = await request(server).get(`/console/queues/${scripts[0]}`).set(admin);
  expect(script.status).toBe(200);
  expect(script.headers['content-type']).toMatch(/javascript/);
  // The page's only inline script element is a JSON data block, which no policy needs to allow.
  expect([...res.text.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]?.trim())).toEqual(['id="__UI_CONFIG__" type="application/json"']);
});

test('the board\'s API lists the three queues and the jobs waiting in them', async () => {
  const res = await request(server).get('/console/queues/api/queues').set(admin);
  expect(res.status).toBe(200);
  const listed = res.body.queues as { name: string; readOnlyMode: boolean; counts: Record<string, number> }[];
  expect(listed.map((q) => q.name).sort()).toEqual([...queueNames].sort());
  expect(listed.find((q) => q.name === 'maintenance')?.counts.waiting).toBe(1);
  expect(listed.every((q) => q.readOnlyMode)).toBe(true);
});

test('the board is read-only: it cannot empty or pause a queue', async () => {
  const emptied = await request(server).put('/console/queues/api/queues/maintenance/empty').set(admin);
  expect(emptied.status).toBe(405);
  const paused = await request(server).put('/console/queues/api/queues/maintenance/pause').set(admin);
  expect(paused.status).toBe(405);
  expect(await queues.get('maintenance').getWaitingCount()).toBe(1);
  expect(await queues.get('maintenance').isPaused()).toBe(false);
});

test('nothing outside the base path is the board\'s', async () => {
  const res = await request(server).get('/api/queues').set(admin);
  expect(res.status).toBe(404);
});
