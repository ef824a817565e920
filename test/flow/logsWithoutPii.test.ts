// Logs carry no personal information: a whole request, logged at the most verbose level, never shows
// the requester's email, name or phone, nor the text of the post.
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { linkPath, startWorld, type World } from '../support/world';

let world: World;
const lines: string[] = [];

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  world = await startWorld({}, { logTo: stream });
});
afterAll(async () => {
  await world?.close();
});

test('a request from intake to completion leaves no personal information in the logs', async () => {
  const postId = await world.addPost('Questions? Ask Bérénice Quintal-Ravel at berenice.qr@example.net or +33 7 88 99 00 11.');
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email: 'berenice.qr@example.net', name: 'Bérénice Quintal-Ravel', identifiers: { phones: ['+33 7 88 99 00 11'] }, posts: [postId], scope: 'all', relationship: 'author', consent: true });
  expect(res.status).toBe(202);
  const id = res.body.id as string;
  // A bad request too: its body must not be logged either.
  await request(world.server).post('/api/v1/requests').send({ email: 'berenice.qr@example.net\n', name: 'Bérénice Quintal-Ravel' }).expect(400);
  const verifyMail = await world.waitForMail('berenice.qr@example.net', /./, [`/verify/${id}`]);
  const token = new URL(`http://x${linkPath(verifyMail.text ?? '', '/verify/')}`).searchParams.get('t');
  await world.verifyFromEmail('berenice.qr@example.net', id);
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set('Authorization', `Bearer ${world.moderatorToken}`).send({}).expect(202);
  await world.waitForState(id, 'completed').catch((e) => { if (process.env.SHOW_LOGS) console.log(lines.join('\n')); throw e; });
  await world.waitForMail('berenice.qr@example.net', /removed/i, [`/status/${id}`]);

  if (process.env.SHOW_LOGS) console.log(lines.join('\n'));
  expect(lines.length).toBeGreaterThan(5);
  const log = lines.join('\n');
  for (const secret of ['berenice', 'Bérénice', 'Quintal', '88 99 00 11', '788990011', 'example.net', token ?? 'no-token']) {
    expect(log).not.toContain(secret);
  }
});
