import { EndAnchoredPattern } from '../../src/pii/endAnchoredPattern';

describe('an end-anchored pattern', () => {
  const cue = String.raw`\b(?:my name(?: is)?|sold\b[^.!?\n]{0,40}\bto)\s*[:,]?\s*`;
  const pattern = new EndAnchoredPattern(cue, 'iu');
  const written = new RegExp(`(?:${cue})$`, 'iu');

  it('says whether a string ends with a match, as the pattern with "$" does', () => {
    for (const text of ['Hello, my name is ', 'MY NAME: ', 'I sold the Kobo to ', 'sold it. Then to ', 'my name is Paul', 'enemy name is ', '', 'to ']) {
      expect(pattern.endsWithin(text)).toBe(written.test(text));
    }
    expect(pattern.endsWithin('Hello, my name is ')).toBe(true);
    expect(pattern.endsWithin('my name is Paul')).toBe(false);
  });

  it('gives the same answer when asked again, whatever it said before', () => {
    expect(pattern.endsWithin('my name ')).toBe(true);
    expect(pattern.endsWithin('x')).toBe(false);
    expect(pattern.endsWithin('my name ')).toBe(true);
  });
});
