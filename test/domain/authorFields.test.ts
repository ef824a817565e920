// A comment's author columns describe one person: one of them found to be the requester's makes them all theirs.
import { authorFieldSpans } from '../../src/domain/authorFields';
import type { Span } from '../../src/pii/types';

const fields = { author: 'Marie Dupont', author_email: 'marie@example.fr', author_url: ' https://marie.example.fr ', author_ip: '203.0.113.42', title: 'Hello' };
const span = (owner: Span['owner']): Span => ({ start: 0, end: 5, type: 'person', owner, score: 0.9 });

test('when one author field holds a finding of the requester, every non-empty author field is covered whole as theirs', () => {
  const added = authorFieldSpans(fields, new Map([['field:author_email', [span('requester')]]]));
  expect([...added.keys()].sort()).toEqual(['field:author', 'field:author_email', 'field:author_ip', 'field:author_url']);
  expect(added.get('field:author_url')).toEqual([{ start: 1, end: 25, type: 'profile_url', owner: 'requester', score: 1 }]);
  expect(added.get('field:author_ip')).toEqual([{ start: 0, end: 12, type: 'ip_address', owner: 'requester', score: 1 }]);
  expect(added.has('field:title')).toBe(false);
});

test("someone else's finding, a finding outside the author fields, or no author fields add nothing", () => {
  expect(authorFieldSpans(fields, new Map([['field:author', [span('other')]]])).size).toBe(0);
  expect(authorFieldSpans(fields, new Map([['field:title', [span('requester')]], ['body', [span('requester')]]])).size).toBe(0);
  expect(authorFieldSpans(undefined, new Map([['field:author', [span('requester')]]])).size).toBe(0);
  expect(authorFieldSpans({ author: '  ', author_email: 'x@example.org' }, new Map([['field:author_email', [span('requester')]]])).get('field:author')).toBeUndefined();
});
