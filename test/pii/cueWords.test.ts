// Cue words are found the way people type them: any case, without accents, with one typo in a long word, but a
// real word one letter away from a cue is not the cue.
import { cueWords } from '../../src/pii/cueWords';

describe('cue words', () => {
  const birth = cueWords(['born', 'date of birth', 'naissance'], ['bon']);

  it('are found in any case, without accents, and as phrases', () => {
    expect(birth.test('DATE OF BIRTH')).toBe(true);
    expect(birth.test('date de NAÏSSANCE')).toBe(true);
  });

  it('are found with a letter missing, doubled or two letters swapped', () => {
    expect(birth.test('brn on')).toBe(true);
    expect(birth.test('bonr on')).toBe(true);
    expect(birth.test('daate of biirth')).toBe(true);
    expect(birth.test('naissnce')).toBe(true);
  });

  it('are not found in words that differ more, nor in real words listed as such', () => {
    expect(birth.test('burnt')).toBe(false);
    expect(birth.test("c'est bon")).toBe(false);
    expect(birth.test('date of purchase')).toBe(false);
  });

  it('are located at their offsets', () => {
    expect(birth.locate('I was born on')).toEqual([{ start: 6, end: 10 }]);
  });
});
