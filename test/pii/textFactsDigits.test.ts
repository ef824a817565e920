// TextFacts reads digit runs by jumping from one to the next: on any text it must give the facts that a plain
// scan of every character gives.
import { TextFacts } from '../../src/pii/textFacts';

/** The plain definition: runs of ASCII digits, and stretches that only grouping characters interrupt. */
function plainDigitFacts(text: string): { runStarts: number[]; longestStretch: number } {
  const runStarts = [...text.matchAll(/[0-9]+/gu)].map((m) => m.index);
  let longestStretch = 0;
  for (const stretch of text.match(/[0-9][0-9 \u00a0().+\/-]*/gu) ?? []) {
    longestStretch = Math.max(longestStretch, stretch.replace(/[^0-9]/gu, '').length);
  }
  return { runStarts, longestStretch };
}

/** A small deterministic generator, so a failure can be replayed. */
function randomTexts(count: number): string[] {
  const pieces = ['0', '1', '5', '9', '12', '4242', ' ', '\u00a0', '(', ')', '+', '.', '-', '/', 'a', 'Z', ',', ':', '\n', '٣', '𝟗', 'é', '#'];
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, () => Array.from({ length: next() % 40 }, () => pieces[next() % pieces.length]).join(''));
}

describe('the digit facts of a text', () => {
  const texts = ['', '7', 'abc', 'Tel 06 12-34.56 (78), card 4242 4242 4242 4242; 2023a7', '+33 (0)6 12 34 56 78', ...randomTexts(3000)];

  it('start a run at every first digit, as a scan of the whole text finds them', () => {
    for (const text of texts) expect(new TextFacts(text).digitRunStarts).toEqual(plainDigitFacts(text).runStarts);
  });

  it('list each grouped stretch from its first digit to its last, with its digits', () => {
    for (const text of texts) {
      const expected = [...text.matchAll(/[0-9](?:[ \u00a0().+\/-]*[0-9])*/gu)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        digitCount: m[0].replace(/[^0-9]/gu, '').length,
      }));
      expect(new TextFacts(text).digitStretches).toEqual(expected);
    }
  });

  it('count the digits of the longest grouped stretch', () => {
    for (const text of texts) {
      const { longestStretch } = plainDigitFacts(text);
      const facts = new TextFacts(text);
      expect(facts.hasDigitStretch(longestStretch)).toBe(true);
      expect(facts.hasDigitStretch(longestStretch + 1)).toBe(false);
    }
  });
});
