import { endsWithRoleNoun, isAnnounced, roleNounList } from '../../src/pii/nameContext';

// The branch of the cue pattern that endsWithRoleNoun replaced, as it was written: the reference to agree with.
const rolePattern = new RegExp(String.raw`\b(?:${roleNounList().join('|')})s?[ \t]*:?[ \t]*$`, 'iu');

describe('endsWithRoleNoun', () => {
  const samples = [
    'Producer', 'producer ', 'PRODUCERS: ', 'commenter\t:\t', 'the co-founder', 'ex-producer', 'reproducer', 'producer::',
    'producer :: ', 'actress', 'actresss', 'actresses', 'nurse s', 'producer_', '_producer', '9producer', 'ſproducer',
    'Kproducer', 'éproducer', 'SPOKESMAN', 'SPO\u212AESMAN', 'spokeſman', 'spokesmanſ', 'spokesmanS', 'CEO', 'ceo s',
    'ceos', '', ' ', ':', 'producer\n', 'the producer, ', 'produce', 'roducer', 'inspector:', 'Inspector : ',
  ];

  it.each(samples)('agrees with the pattern it replaced on %j', (text) => {
    expect(endsWithRoleNoun(text)).toBe(rolePattern.test(text));
  });

  it('matches roles in any case, a plural and a colon, and the Kelvin sign as a k', () => {
    expect(endsWithRoleNoun('Founders: ')).toBe(true);
    expect(endsWithRoleNoun('SPO\u212AESMAN')).toBe(true);
    expect(endsWithRoleNoun('reproducer')).toBe(false);
    expect(endsWithRoleNoun('producer::')).toBe(false);
  });

  it('still announces a name after a role noun', () => {
    expect(isAnnounced('Producer Gherardo Napolitani', 9)).toBe(true);
    expect(isAnnounced('Her SPO\u212AESMAN Paul', 14)).toBe(true);
    expect(isAnnounced('A reproducer Paul', 13)).toBe(false);
  });
});
