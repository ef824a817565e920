// The content hash: what a moderator reviewed, so that a redaction applies only to that content.
import { type Revision, postContentHash } from '../../src/forum/port';

const revision = (id: string, minute: number, before: string, after: string): Revision => ({
  id,
  before,
  after,
  createdAt: new Date(Date.UTC(2024, 4, 1, 10, minute)),
});

const post = {
  body: 'Call me.',
  renderedBody: '<p>Call me.</p>',
  revisions: [revision('9', 1, 'Call 07700 900123.', 'Call me soon.'), revision('10', 2, 'Call me soon.', 'Call me.')],
};

test('the hash is a SHA-256 hex digest that does not depend on the order revisions are handed in', () => {
  expect(postContentHash(post)).toMatch(/^[0-9a-f]{64}$/);
  expect(postContentHash({ ...post, revisions: [...post.revisions].reverse() })).toBe(postContentHash(post));
});

test('any change to the body, the rendered body or a revision changes the hash', () => {
  const hash = postContentHash(post);
  const [first, second] = post.revisions as [Revision, Revision];
  expect(postContentHash({ ...post, body: 'Call me!' })).not.toBe(hash);
  expect(postContentHash({ ...post, renderedBody: '<p>Call me!</p>' })).not.toBe(hash);
  expect(postContentHash({ ...post, revisions: [{ ...first, before: 'Call [removed].' }, second] })).not.toBe(hash);
  expect(postContentHash({ ...post, revisions: [first] })).not.toBe(hash);
});

test('text cannot move between fields without changing the hash', () => {
  expect(postContentHash({ body: 'ab', renderedBody: 'c', revisions: [] })).not.toBe(
    postContentHash({ body: 'a', renderedBody: 'bc', revisions: [] }),
  );
});

test('fields take part in the hash by name, and a post without any hashes as it did before fields existed', () => {
  const hash = postContentHash(post);
  expect(postContentHash({ ...post, fields: {} })).toBe(hash);
  const titled = postContentHash({ ...post, fields: { title: 'Hello', excerpt: '' } });
  expect(titled).not.toBe(hash);
  expect(postContentHash({ ...post, fields: { excerpt: '', title: 'Hello' } })).toBe(titled);
  expect(postContentHash({ ...post, fields: { title: 'Hello!', excerpt: '' } })).not.toBe(titled);
  expect(postContentHash({ ...post, fields: { title: 'Hello' } })).not.toBe(titled);
});
