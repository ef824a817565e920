// A post's named fields (a title, a commenter's email) are rewritten like its body: every copy of an approved
// finding's text goes, every field comes back, and the verification after the write reads the fields too.
import { type ForumPost, postContentHash } from '../../src/forum/port';
import { type ApprovedFinding, FindingMismatch, leftoverTargets, rewritePost, sha256, textsOf } from '../../src/domain/postRewrite';

function postWith(fields: Record<string, string> | undefined, body = 'Write to Marie Dupont.'): ForumPost {
  const post = {
    id: '1',
    author: 'someone',
    body,
    renderedBody: `<p>${body}</p>`,
    createdAt: new Date(Date.UTC(2024, 0, 1)),
    revisions: [{ id: '5', before: 'Marie Dupont, marie.dupont@example.fr', after: body, createdAt: new Date(Date.UTC(2024, 0, 2)) }],
    ...(fields ? { fields } : {}),
  };
  return { ...post, contentHash: postContentHash(post) };
}

function findingIn(post: ForumPost, location: string, text: string, type: ApprovedFinding['type']): ApprovedFinding {
  const whole = textsOf(post).find((t) => t.location === location)?.text ?? '';
  const start = whole.indexOf(text);
  if (start < 0) throw new Error(`${text} is not in ${location}`);
  return { location, start, end: start + text.length, type, textHash: sha256(text) };
}

test('each field is a text of the post, at field:<name>, beside the body and revisions', () => {
  const post = postWith({ title: 'Hello from Marie Dupont', author_email: 'marie.dupont@example.fr' });

  expect(textsOf(post).map((t) => t.location)).toEqual(['body', 'field:title', 'field:author_email', 'revision:5:before', 'revision:5:after']);
  expect(textsOf(postWith(undefined)).map((t) => t.location)).toEqual(['body', 'revision:5:before', 'revision:5:after']);
});

test('a finding in a field is replaced there and in every other copy, and every field comes back', () => {
  const post = postWith({ title: 'Hello from Marie Dupont', excerpt: 'Books to swap' });

  const { rewrite, targets } = rewritePost(post, [findingIn(post, 'field:title', 'Marie Dupont', 'person')]);

  expect(rewrite.fields).toEqual({ title: 'Hello from [name removed]', excerpt: 'Books to swap' });
  expect(rewrite.body).toBe('Write to [name removed].');
  expect(rewrite.renderedBody).toBe('<p>Write to [name removed].</p>');
  expect(rewrite.revisions[0]?.before).toBe('[name removed], marie.dupont@example.fr');
  expect(targets).toEqual([{ text: 'Marie Dupont', type: 'person' }]);
});

test('a finding in the body is replaced in the fields too', () => {
  const post = postWith({ title: 'Marie Dupont sells books' });

  const { rewrite } = rewritePost(post, [findingIn(post, 'body', 'Marie Dupont', 'person')]);

  expect(rewrite.fields).toEqual({ title: '[name removed] sells books' });
});

test('a field that is one identifier is replaced whole when the finding covers it', () => {
  const post = postWith({ author_email: 'marie.dupont@example.fr', author_ip: '203.0.113.7', author_url: '' });

  const { rewrite } = rewritePost(post, [
    findingIn(post, 'field:author_email', 'marie.dupont@example.fr', 'email'),
    findingIn(post, 'field:author_ip', '203.0.113.7', 'ip_address'),
  ]);

  expect(rewrite.fields).toEqual({ author_email: '[email removed]', author_ip: '[IP address removed]', author_url: '' });
  expect(rewrite.revisions[0]?.before).toBe('Marie Dupont, [email removed]');
});

test('a post without fields is rewritten without any', () => {
  const post = postWith(undefined);

  const { rewrite } = rewritePost(post, [findingIn(post, 'body', 'Marie Dupont', 'person')]);

  expect(rewrite).not.toHaveProperty('fields');
});

test('a field finding whose text is no longer there is refused rather than guessed', () => {
  const post = postWith({ title: 'Hello from Marie Dupont' });
  const finding = findingIn(post, 'field:title', 'Marie Dupont', 'person');

  expect(() => rewritePost(postWith({ title: 'Hello from Marie D.' }), [finding])).toThrow(FindingMismatch);
  expect(() => rewritePost(postWith({ excerpt: 'Hello from Marie Dupont' }), [finding])).toThrow(FindingMismatch);
});

test('the verification finds an approved text left in a field, and only there', () => {
  const targets = [{ text: 'marie.dupont@example.fr', type: 'email' as const }];
  const withoutRevisions = (fields: Record<string, string>) => ({ ...postWith(fields, 'Nothing here.'), revisions: [] });

  expect(leftoverTargets(withoutRevisions({ author_email: 'marie.dupont@example.fr' }), targets)).toEqual(targets);
  expect(leftoverTargets(withoutRevisions({ author_email: '[email removed]' }), targets)).toEqual([]);
});
