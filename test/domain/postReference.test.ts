// A requester names a post by its id or by its link, as FORUM_POST_URL says links are made.
import { postIdFrom, postUrl } from '../../src/domain/postReference';

test.each([
  ['123', 'https://forum.example/p/{id}', '123'],
  ['https://forum.example/p/123', 'https://forum.example/p/{id}', '123'],
  ['https://forum.example/p/123/', 'https://forum.example/p/{id}', '123'],
  ['https://forum.example/t/my-topic/123', 'https://forum.example/t/{id}', '123'],
  ['https://elsewhere.example/p/123', 'https://forum.example/p/{id}', null],
  // WordPress's plain links keep the id in the query.
  ['https://blog.example.org/?p=123', 'https://blog.example.org/?p={id}', '123'],
  ['https://blog.example.org/?p=comment-45&replytocom=3', 'https://blog.example.org/?p={id}', 'comment-45'],
  ['https://blog.example.org/?page_id=123', 'https://blog.example.org/?p={id}', null],
  ['https://blog.example.org/other/?p=123', 'https://blog.example.org/?p={id}', null],
  ['https://evil.example/?p=123', 'https://blog.example.org/?p={id}', null],
  ['https://blog.example.org/?p=1%3B%20DROP', 'https://blog.example.org/?p={id}', null],
])('%s with the template %s names %p', (reference, template, id) => {
  expect(postIdFrom(reference, template)).toBe(id);
});

test('a link made from an id reads back as that id', () => {
  for (const template of ['https://forum.example/p/{id}', 'https://blog.example.org/?p={id}']) {
    expect(postIdFrom(postUrl('comment-45', template), template)).toBe('comment-45');
  }
});
