// Rewriting a post: each piece of personal information becomes a placeholder saying what was removed.
import { placeholderFor, redactSpans, replaceAllOccurrences } from '../../src/pii/redaction';
import { piiTypes } from '../../src/pii/types';

describe('a placeholder', () => {
  it('says in words what kind of information was removed', () => {
    expect(placeholderFor('email')).toBe('[email removed]');
    expect(placeholderFor('person')).toBe('[name removed]');
    expect(placeholderFor('ip_address')).toBe('[IP address removed]');
    expect(placeholderFor('credit_card')).toBe('[card number removed]');
    expect(placeholderFor('national_id')).toBe('[ID number removed]');
    expect(placeholderFor('profile_url')).toBe('[profile link removed]');
  });

  it('exists for every type and differs between types', () => {
    const all = piiTypes.map(placeholderFor);
    expect(all.every((p) => /^\[.+ removed\]$/u.test(p))).toBe(true);
    expect(new Set(all).size).toBe(piiTypes.length);
  });
});

describe('redacting spans', () => {
  const text = 'Merci Marie Dupont, écris à marie@free.fr ou au 06 12 34 56 78.';

  it('replaces each span with its placeholder, in any order given', () => {
    const spans = [
      { start: 48, end: 62, type: 'phone' as const },
      { start: 6, end: 18, type: 'person' as const },
      { start: 28, end: 41, type: 'email' as const },
    ];
    expect(redactSpans(text, spans)).toBe('Merci [name removed], écris à [email removed] ou au [phone removed].');
  });

  it('keeps the text intact when an emoji (two UTF-16 units) comes before the span', () => {
    const post = 'Bravo 🎉🎉 Marie Dupont !';
    const start = post.indexOf('Marie');
    expect(redactSpans(post, [{ start, end: start + 'Marie Dupont'.length, type: 'person' }])).toBe('Bravo 🎉🎉 [name removed] !');
  });

  it('returns the text unchanged when there is nothing to remove', () => {
    expect(redactSpans(text, [])).toBe(text);
  });

  it('refuses overlapping spans', () => {
    const overlapping = [
      { start: 6, end: 18, type: 'person' as const },
      { start: 12, end: 20, type: 'person' as const },
    ];
    expect(() => redactSpans(text, overlapping)).toThrow(RangeError);
  });

  it('refuses spans outside the text, empty, or cutting an emoji in two', () => {
    expect(() => redactSpans(text, [{ start: 60, end: 200, type: 'phone' }])).toThrow(RangeError);
    expect(() => redactSpans(text, [{ start: -1, end: 3, type: 'phone' }])).toThrow(RangeError);
    expect(() => redactSpans(text, [{ start: 5, end: 5, type: 'phone' }])).toThrow(RangeError);
    expect(() => redactSpans('a 🎉 b', [{ start: 3, end: 6, type: 'person' }])).toThrow(RangeError);
  });
});

describe('replacing every occurrence', () => {
  it('replaces all occurrences, the longest target first so no part of a full name is left behind', () => {
    const post = 'Marie Dupont a écrit. Marie, merci ! Signé Marie Dupont.';
    const out = replaceAllOccurrences(post, [
      { text: 'Marie', type: 'person' },
      { text: 'Marie Dupont', type: 'person' },
    ]);
    expect(out).toBe('[name removed] a écrit. [name removed], merci ! Signé [name removed].');
  });

  it('does not search the placeholders it wrote', () => {
    expect(replaceAllOccurrences('call me, email me', [{ text: 'email', type: 'person' }, { text: 'removed', type: 'email' }])).toBe(
      'call me, [name removed] me',
    );
  });

  it('with html, also finds the HTML-escaped form a forum stores and writes an escaped placeholder', () => {
    const stored = '<p>Écrivez à &quot;O&#39;Brien &amp; fils&quot; ou O&#x27;Brien &amp; fils, pas O\'Brien & fils</p>';
    const out = replaceAllOccurrences(stored, [{ text: "O'Brien & fils", type: 'person' }], { html: true });
    expect(out).toBe('<p>Écrivez à &quot;[name removed]&quot; ou [name removed], pas [name removed]</p>');
  });

  it('without html, leaves the escaped form alone', () => {
    const stored = 'O&#39;Brien &amp; fils';
    expect(replaceAllOccurrences(stored, [{ text: "O'Brien & fils", type: 'person' }])).toBe(stored);
  });

  it('keeps emoji before an occurrence intact', () => {
    expect(replaceAllOccurrences('👍🏼 marie@free.fr 👍🏼', [{ text: 'marie@free.fr', type: 'email' }])).toBe('👍🏼 [email removed] 👍🏼');
  });

  it('treats targets as plain text, not patterns', () => {
    expect(replaceAllOccurrences('a.b+c@x.fr and aXb+c@x.fr', [{ text: 'a.b+c@x.fr', type: 'email' }])).toBe('[email removed] and aXb+c@x.fr');
  });
});
