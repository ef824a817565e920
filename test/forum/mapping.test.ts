// FORUM_MAPPING: how an operator points Erasure at a forum's own tables, and what a mistake in it says.
import { parseForumMapping } from '../../src/forum/postgres/mapping';

const reference = {
  schema: 'forum',
  posts: { table: 'posts', id: 'id', author: 'author', body: 'body_raw', renderedBody: 'body_html', createdAt: 'created_at', fields: { title: 'title' } },
  revisions: { table: 'post_revisions', id: 'id', postId: 'post_id', before: 'before_text', after: 'after_text', createdAt: 'created_at' },
};

test('without FORUM_MAPPING, or with an empty one, the reference schema is used', () => {
  expect(parseForumMapping(undefined)).toEqual(reference);
  expect(parseForumMapping('')).toEqual(reference);
  expect(parseForumMapping('{}')).toEqual(reference);
});

test('a partial mapping changes only the names it gives', () => {
  const mapping = parseForumMapping('{"schema":"public","posts":{"table":"topics_posts","body":"raw"},"revisions":{"postId":"topic_post_id"}}');

  expect(mapping).toEqual({
    schema: 'public',
    // A forum's own posts table has only the fields it names: the reference title is not assumed there.
    posts: { ...reference.posts, table: 'topics_posts', body: 'raw', fields: {} },
    revisions: { ...reference.revisions, postId: 'topic_post_id' },
  });
});

test('posts.fields names the columns redacted with the post, replacing the reference title', () => {
  const mapping = parseForumMapping('{"schema":"blog","posts":{"table":"comments","fields":{"author_email":"comment_author_email","author_ip":"comment_author_IP"}}}');

  expect(mapping.posts.fields).toEqual({ author_email: 'comment_author_email', author_ip: 'comment_author_IP' });
  expect(parseForumMapping('{"posts":{"fields":{}}}').posts.fields).toEqual({});
});

test('a field name or column that is not a plain name is refused, naming posts.fields', () => {
  expect(() => parseForumMapping('{"posts":{"fields":{"title":"title; DROP TABLE posts"}}}')).toThrow(/FORUM_MAPPING.*posts\.fields.*letters, digits and underscores/);
  expect(() => parseForumMapping('{"posts":{"fields":{"field:x":"title"}}}')).toThrow(/FORUM_MAPPING.*posts\.fields/);
  expect(() => parseForumMapping('{"posts":{"fields":["title"]}}')).toThrow(/FORUM_MAPPING.*posts\.fields/);
});

test('a name with anything but letters, digits and underscores is refused, naming FORUM_MAPPING and the field', () => {
  expect(() => parseForumMapping('{"posts":{"table":"posts; DROP TABLE users"}}')).toThrow(/FORUM_MAPPING.*posts\.table.*letters, digits and underscores/);
  expect(() => parseForumMapping('{"revisions":{"before":"old-text"}}')).toThrow(/FORUM_MAPPING.*revisions\.before/);
});

test('a misspelt field is refused rather than silently ignored', () => {
  expect(() => parseForumMapping('{"posts":{"tabel":"messages"}}')).toThrow(/FORUM_MAPPING.*posts.*tabel/);
});

test('a value of the wrong type is refused, naming the field', () => {
  expect(() => parseForumMapping('{"schema":5}')).toThrow(/FORUM_MAPPING.*schema/);
  expect(() => parseForumMapping('{"posts":"messages"}')).toThrow(/FORUM_MAPPING.*posts/);
  expect(() => parseForumMapping('["posts"]')).toThrow(/FORUM_MAPPING/);
});

test('text that is not JSON is refused, naming FORUM_MAPPING', () => {
  expect(() => parseForumMapping("{posts: {table: 'messages'}}")).toThrow(/FORUM_MAPPING is not valid JSON/);
});
