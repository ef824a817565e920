// Mistakes that Express and its middleware catch before our routes run (a broken %-escape in the path, a body that
// does not decompress, a static path outside its folder) and a form posted as JSON: each is answered with a 4xx that
// says what to fix, never a 500. The fuzzing of every public endpoint found these; they stay here as plain cases.
import request from 'supertest';
import { countRows } from '../support/tableCounts';
import { startWorld, type World } from '../support/world';

let world: World;

beforeAll(async () => {
  world = await startWorld({ FORUM_WEBHOOK_SECRET: 'a-forum-webhook-secret-of-at-least-32-characters' });
});
afterAll(async () => {
  await world?.close();
});

function expectProblem(res: request.Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body.code).toBe(code);
  expect(res.body.detail).toEqual(expect.any(String));
}

test.each(['/status/%E0%A4%A', '/verify/%', '/api/v1/requests/%FF'])('a broken %%-escape in %s is a 400 that names it', async (path) => {
  const res = await request(world.server).get(path);
  expectProblem(res, 400, 'malformed_path');
  expect(res.body.detail).toMatch(/%XX/);
});

test.each(['gzip', 'deflate', 'br'])('a body that is not really %s is a 400, on intake and on the forum webhook', async (encoding) => {
  for (const path of ['/api/v1/requests', '/api/v1/webhooks/forum']) {
    const res = await request(world.server).post(path).set('Content-Type', 'application/json').set('Content-Encoding', encoding).send('not compressed at all');
    expectProblem(res, 400, 'undecodable_body');
  }
});

test('the contact form posted as JSON is a 415 that names the type to send', async () => {
  const res = await request(world.server).post('/').set('Content-Type', 'application/json').send('{"email":"x@example.org"}');
  expectProblem(res, 415, 'unsupported_media_type');
  expect(res.body.detail).toContain('application/x-www-form-urlencoded');
});

test('a console asset path that is malformed or climbs out of its folder is a 4xx', async () => {
  expectProblem(await request(world.server).get('/console/assets/%FF'), 400, 'bad_request');
  const climbing = await request(world.server).get('/console/assets/%2e%2e/%2e%2e/package.json');
  expect(climbing.status).toBeGreaterThanOrEqual(400);
  expect(climbing.status).toBeLessThan(500);
  expect(climbing.text).not.toContain('"devDependencies"');
});

test('a contact form field sent twice is refused beside that field, with nothing stored', async () => {
  const postId = await world.addPost('A post about kites.');
  const before = await countRows(world.database.db);
  const res = await request(world.server)
    .post('/')
    .type('form')
    .send(`email=kite.flyer%40example.org&name=One&name=Two&posts=${postId}&scope=all&relationship=author&consent=yes`);
  expect(res.status).toBe(400);
  expect(res.headers['content-type']).toMatch(/text\/html/);
  expect(res.text).toContain('class="error-summary"');
  expect(res.text).toContain('href="#name"');
  expect(await countRows(world.database.db)).toEqual(before);
});

test('a console asset is only read: another method gets a 405 that says to use GET', async () => {
  const res = await request(world.server).post('/console/assets/console.css');
  expectProblem(res, 405, 'method_not_allowed');
  expect(res.headers.allow).toBe('GET, HEAD');
});
