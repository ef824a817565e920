// The review deadline counts from the moment the requester confirms their address, not from the form.
import request from 'supertest';
import { linkPath, startWorld, type World } from '../support/world';
import { getRequest } from '../../src/store/requestRecords';

let world: World;

beforeAll(async () => {
  world = await startWorld({ REVIEW_DEADLINE_DAYS: '12' });
});
afterAll(async () => {
  await world?.close();
});

const day = 24 * 3600_000;
const email = 'zoe.quillard@example.org';

test('the due date is the confirmation time plus REVIEW_DEADLINE_DAYS, and the received email gives it', async () => {
  const postId = await world.addPost('Ask Zoé Quillard at zoe.quillard@example.org about the spare tickets.');
  const res = await request(world.server).post('/api/v1/requests').send({ email, posts: [postId], scope: 'all', relationship: 'author', consent: true });
  expect(res.status).toBe(202);
  const { id, statusUrl } = res.body as { id: string; statusUrl: string };
  const submitted = await getRequest(world.database.db, id);
  expect(submitted?.verifiedAt).toBeNull();
  // Until the address is confirmed the due date is provisional, counted from the form.
  expect(submitted && submitted.dueAt.getTime() - submitted.createdAt.getTime()).toBe(12 * day);

  // The requester opens the confirmation link a day and a half later.
  world.clock.advance(36 * 3600_000);
  await world.verifyFromEmail(email, id);
  const verified = await getRequest(world.database.db, id);
  const verifiedAt = verified?.verifiedAt;
  expect(verifiedAt).toBeInstanceOf(Date);
  expect((verifiedAt as Date).getTime() - (submitted as { createdAt: Date }).createdAt.getTime()).toBeGreaterThanOrEqual(36 * 3600_000);
  expect(verified?.dueAt.getTime()).toBe((verifiedAt as Date).getTime() + 12 * day);

  const dueDay = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(verified?.dueAt);
  await world.waitForMail(email, /confirmed/i, [dueDay]);
  const status = await request(world.server).get(linkPath(statusUrl, `/status/${id}`).replace('/status/', '/api/v1/requests/'));
  expect(status.body.dueAt).toBe(verified?.dueAt.toISOString());
});
