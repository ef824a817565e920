// Quoted passages are found as written, whatever the case and spacing, and overlapping quotes become one span.
import { findPassages } from '../../src/domain/quotedPassages';

const text = 'We met at the Lyon fair.\nMy  daughter   Chloé was there with me, she is 9.';

test('a quoted passage is found whatever its case and spacing', () => {
  const [span] = findPassages(text, ['my daughter chloé was there']);
  expect(span && text.slice(span.start, span.end)).toBe('My  daughter   Chloé was there');
});

test('overlapping quotes merge into one span that covers both', () => {
  const spans = findPassages(text, ['daughter Chloé was', 'Chloé was there with me', 'she is 9']);
  expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['daughter   Chloé was there with me', 'she is 9']);
});

test('a quote that is not in the post finds nothing, and regex characters are taken literally', () => {
  expect(findPassages(text, ['not in this post', '.*'])).toEqual([]);
});
