// An @mention is read with ASCII classes where all the pattern can read is ASCII: the mentions found must be those
// of the pattern with \p{L} and \p{N}, on any text.
import { mentionAt } from '../../src/pii/recognizers/usernameRecognizer';

const reference = new RegExp(
  String.raw`@(?<![\p{L}\p{N}_.+\-@\/\\]@)[\p{L}_](?:[\p{L}\p{N}_.\-]*[\p{L}\p{N}_])?(?![\p{L}\p{N}_@\/]|\.[\p{L}\p{N}])`,
  'uy',
);

const texts = [
  'thanks @marie_reads!', '@marie', 'x@marie', '.@marie', ' @marie.', '@marie.x', '@marie.é', '@marié', 'é@marie', '@élodie',
  '@marie-', '@marie_', '@marie/x', '@marie@x', '@_', '@1abc', '@a', '@a.', '@a..b', '@a.😀', '😀@a', '@a😀', '@a𝒜', '\\@a',
  '/@a', '+@a', '@@a', '@a @b', 'me@free.fr', '@types/node', '@10h', '@Marie.Dupont.', '@marie\u00a0', '@ſ', '@K',
];

describe('mentionAt', () => {
  it.each(texts)('finds what the Unicode pattern finds at each "@" of %j', (text) => {
    for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
      reference.lastIndex = at;
      const expected = reference.exec(text);
      const found = mentionAt(text, at);
      expect(found?.[0]).toBe(expected?.[0]);
      expect(found?.index).toBe(expected?.index);
    }
  });

  it('finds a mention and leaves an address alone', () => {
    expect(mentionAt('thanks @marie_reads!', 7)?.[0]).toBe('@marie_reads');
    expect(mentionAt('me@free.fr', 2)).toBeNull();
    expect(mentionAt('hi @élodie', 3)?.[0]).toBe('@élodie');
  });
});
