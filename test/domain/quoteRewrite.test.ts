// A quoting post loses the removed passages inside its quote blocks only: its own words were never reviewed.
import { postContentHash, type ForumPost } from '../../src/forum/port';
import { quoteRewrite } from '../../src/domain/quoteRedaction';

function post(body: string, renderedBody: string, revisions: { before: string; after: string }[] = []): ForumPost {
  const p = { id: '1', author: 'b', body, renderedBody, createdAt: new Date(0), revisions: revisions.map((r, i) => ({ id: String(i + 1), createdAt: new Date(i), ...r })) };
  return { ...p, contentHash: postContentHash(p) };
}

const email = { text: 'marie.dupont@example.fr', type: 'email' as const };
const phone = { text: '06 12 34 56 78', type: 'phone' as const };

test('a passage inside a quote becomes its placeholder, the same passage outside stays', () => {
  const rewrite = quoteRewrite(post('> write to marie.dupont@example.fr\n\nI know marie.dupont@example.fr too', '<p>x</p>'), [email]);
  expect(rewrite?.body).toBe('> write to [email removed]\n\nI know marie.dupont@example.fr too');
  expect(rewrite?.renderedBody).toBe('<p>x</p>');
});

test('a quoted passage is found whatever its case and spacing, in the body, the HTML and every revision', () => {
  const p = post(
    '[quote=anna]call MARIE.DUPONT@example.fr or 06  12 34\n56 78[/quote] ok',
    '<blockquote><p>call marie.dupont@example.fr or 06 12 34 56 78</p></blockquote><p>ok</p>',
    [{ before: '[quote]06 12 34 56 78[/quote]', after: 'nothing here, 06 12 34 56 78' }],
  );
  const rewrite = quoteRewrite(p, [email, phone]);
  expect(rewrite).toEqual({
    body: '[quote=anna]call [email removed] or [phone removed][/quote] ok',
    renderedBody: '<blockquote><p>call [email removed] or [phone removed]</p></blockquote><p>ok</p>',
    revisions: [{ id: '1', before: '[quote][phone removed][/quote]', after: 'nothing here, 06 12 34 56 78' }],
  });
});

test('in HTML a passage is found in its escaped forms too', () => {
  const passage = { text: "l'adresse de Marie", type: 'passage' as const };
  const rewrite = quoteRewrite(post('x', '<blockquote>voici l&#39;adresse de Marie</blockquote><blockquote>l&#x27;adresse de Marie</blockquote>'), [passage]);
  expect(rewrite?.renderedBody).toBe('<blockquote>voici [passage removed]</blockquote><blockquote>[passage removed]</blockquote>');
});

test('the longest passage wins where two overlap', () => {
  const rewrite = quoteRewrite(post('> Marie Dupont said', ''), [{ text: 'Marie', type: 'person' }, { text: 'Marie Dupont', type: 'person' }]);
  expect(rewrite?.body).toBe('> [name removed] said');
});

test('a post that quotes none of the passages, or has them only outside quotes, needs no rewrite', () => {
  expect(quoteRewrite(post('> something else\nmarie.dupont@example.fr', '<p>marie.dupont@example.fr</p>'), [email])).toBeNull();
});
