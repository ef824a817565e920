// One typed reading of the environment: embedded defaults, and a message naming the variable when a value is wrong.
import { readConfig } from '../../src/config';
import { checkRedis } from '../../src/queue/queues';

test('nothing configured means the embedded default', () => {
  const config = readConfig({});
  expect(config.DATABASE_URL).toBeUndefined();
  expect(config.SMTP_URL).toBeUndefined();
  expect(config.FORUM_URL).toBeUndefined();
  expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
  expect(config.ERASURE_DATA_DIR).toBe('./data');
  expect(config.publicUrl).toBe('http://localhost:3000');
});

test.each([
  ['DATABASE_URL', 'mysql://x@y/z', /DATABASE_URL/],
  ['REDIS_URL', 'not a url', /REDIS_URL/],
  ['SMTP_URL', 'http://mail', /SMTP_URL/],
  ['PORT', 'eighty', /PORT/],
  ['ERASURE_SECRET', 'short', /ERASURE_SECRET/],
  ['FORUM_POST_URL', 'https://forum.example/p/', /FORUM_POST_URL/],
  ['FORUM_WEBHOOK_SECRET', 'too short', /FORUM_WEBHOOK_SECRET: must be at least 32 characters/],
  ['FORUM_WEBHOOK_URL', 'ftp://forum.example/hooks', /FORUM_WEBHOOK_URL/],
  ['FORUM_WEBHOOK_URL', 'https://forum.example/hooks', /FORUM_WEBHOOK_URL: needs FORUM_WEBHOOK_SECRET/],
])('a malformed %s stops start-up with a message naming it', (name, value, message) => {
  expect(() => readConfig({ [name]: value })).toThrow(message);
});

test('a FORUM_MAPPING that names an unknown field stops start-up with a message naming it', () => {
  expect(() => readConfig({ FORUM_MAPPING: '{"posts":{"tabel":"x"}}' })).toThrow(/^invalid configuration: FORUM_MAPPING/);
  expect(readConfig({ FORUM_MAPPING: '{"posts":{"table":"messages"}}' }).forumMapping.posts.table).toBe('messages');
});

test('an unknown ERASURE_ variable is refused as a likely typo', () => {
  expect(() => readConfig({ ERASURE_SECERT: 'x'.repeat(40) })).toThrow(/ERASURE_SECERT/);
});

test("the test suite's log folder, which processes started by tests inherit, is not taken for a typo", () => {
  expect(() => readConfig({ ERASURE_TEST_LOG_DIR: '/tmp/erasure-test-logs' })).not.toThrow();
});

test('when nothing answers at REDIS_URL, the error is one line saying how to start Redis', async () => {
  const error = await checkRedis('redis://127.0.0.1:1', 1000).catch((e: Error) => e);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toMatch(/cannot reach Redis at 127\.0\.0\.1:1.*redis-server/);
  expect((error as Error).message).not.toContain('\n');
});
