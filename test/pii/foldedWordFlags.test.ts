import { FoldedWordFlags } from '../../src/pii/foldedWordFlags';

const table = new FoldedWordFlags([
  [['marie', 'jean', 'helene'], 1],
  [['dupont', 'jean'], 2],
  [['weissmann'], 4],
]);

describe('folded word flags', () => {
  it('gives a word the bits of every list that holds it', () => {
    expect(table.ofFolded('jean')).toBe(3);
    expect(table.ofFolded('marie')).toBe(1);
    expect(table.ofFolded('dupont')).toBe(2);
  });

  it('gives 0 to a word no list holds, even one that starts or ends like a listed word', () => {
    expect(table.ofFolded('mari')).toBe(0);
    expect(table.ofFolded('maries')).toBe(0);
    expect(table.at('Jeans', 0, 5)).toBe(0);
  });

  it('looks an ASCII word up where it stands in the text, in any case', () => {
    const text = 'Hi MARIE, ask Jean Dupont.';
    expect(table.at(text, 3, 8)).toBe(1);
    expect(table.at(text, 14, 18)).toBe(3);
    expect(table.at(text, 19, 25)).toBe(2);
    expect(table.at(text, 10, 13)).toBe(0);
  });

  it('folds a word beyond ASCII as foldWord does: accents dropped, "ß" as "ss"', () => {
    expect(table.at('Hélène', 0, 6)).toBe(1);
    expect(table.at('Weißmann', 0, 8)).toBe(4);
    expect(table.at('Hélèn', 0, 5)).toBe(0);
  });
});
