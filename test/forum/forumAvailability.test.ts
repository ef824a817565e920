// Which errors mean that the forum's database is away (waited for) rather than a query that is wrong (a failure),
// and the message moderators see: an error code, never the statement or its values.
import { ForumUnavailable, guardForum, unreachableReason } from '../../src/forum/forumAvailability';
import type { ForumStore } from '../../src/forum/port';

const withCode = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

test('a refused or reset connection, a lost one and a server shutting down are the forum being away', () => {
  expect(unreachableReason(withCode('ECONNREFUSED'))).toBe('ECONNREFUSED');
  expect(unreachableReason(withCode('ECONNRESET'))).toBe('ECONNRESET');
  expect(unreachableReason(new Error('Connection terminated unexpectedly'))).toBe('connection lost');
  expect(unreachableReason(withCode('57P01', 'terminating connection due to administrator command'))).toBe('57P01');
  expect(unreachableReason(withCode('08006'))).toBe('08006');
  expect(unreachableReason(withCode('PROTOCOL_CONNECTION_LOST'))).toBe('PROTOCOL_CONNECTION_LOST');
  // mysql2, asked to query inside a transaction whose connection was cut.
  expect(unreachableReason(new Error("Can't add new command when connection is in closed state"))).toBe('connection lost');
});

test('the cause is read through a driver that wraps it, and through an AggregateError of several addresses', () => {
  const wrapped = new Error('Failed query: SELECT … params: marie@example.org', { cause: withCode('ECONNREFUSED') });
  expect(unreachableReason(wrapped)).toBe('ECONNREFUSED');
  expect(unreachableReason(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]))).toBe('ECONNREFUSED');
});

test('a wrong query, a constraint or a bug is not the forum being away', () => {
  expect(unreachableReason(withCode('42P01', 'relation "forum.posts" does not exist'))).toBeNull();
  expect(unreachableReason(withCode('23505'))).toBeNull();
  expect(unreachableReason(new TypeError('x is undefined'))).toBeNull();
  expect(unreachableReason(undefined)).toBeNull();
});

test('the guarded store turns connection errors into ForumUnavailable, whose message names the code and nothing of the query', async () => {
  const failing = new Error('Failed query: SELECT body FROM posts WHERE id = $1 params: 42', { cause: withCode('ECONNREFUSED') });
  const store = { getPost: () => Promise.reject(failing), existingPostIds: () => Promise.reject(new Error('a bug')) } as unknown as ForumStore;
  const error = await guardForum(store).getPost('42').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ForumUnavailable);
  expect((error as ForumUnavailable).summary).toBe('forum database unreachable (ECONNREFUSED)');
  expect((error as ForumUnavailable).message).not.toMatch(/SELECT|42/);
  await expect(guardForum(store).existingPostIds(['1'])).rejects.toThrow('a bug');
});

test('each answer the forum gives is reported, so that an outage can be seen to end', async () => {
  let reached = 0;
  const store = { getPost: () => Promise.resolve(null) } as unknown as ForumStore;
  await guardForum(store, () => void (reached += 1)).getPost('1');
  expect(reached).toBe(1);
});
