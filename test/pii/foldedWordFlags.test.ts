import { foldWord } from '../../src/pii/foldedText';
import { FoldedWordFlags } from '../../src/pii/foldedWordFlags';
import { hashedWordBounds, wordBounds } from '../../src/pii/wordBounds';

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
    expect(table.at('ΔΟΣ', 0, 3)).toBe(0);
  });

  it('agrees with foldWord on every word of a text beyond ASCII', () => {
    const words = ['hélène', 'weissmann', 'lete', "l'ete", 'ßa'];
    const wide = new FoldedWordFlags([[words, 8]]);
    for (const written of ['Hélène', 'HÉLÈNE', 'Weißmann', 'WEIẞMANN', 'l’été', 'lété', 'ßa', 'Hélènes', 'éte']) {
      expect(wide.at(written, 0, written.length)).toBe(words.includes(foldWord(written)) ? 8 : 0);
    }
  });

  it('still finds a listed word that is not ASCII', () => {
    const greek = new FoldedWordFlags([[['δος', 'jean'], 16]]);
    expect(greek.at('ΔΟΣ', 0, 3)).toBe(16);
    expect(greek.at('ΔΟΣΑ', 0, 4)).toBe(0);
    expect(greek.at('Jéan', 0, 4)).toBe(16);
  });
});

describe('hashed word bounds', () => {
  it('hashes each ASCII word as the table does, so a word is looked up without reading it again', () => {
    const text = "Ask JEAN-marie's friend Dupont, Hélène.";
    const bounds = hashedWordBounds(text);
    const words: string[] = [];
    for (let k = 0; k < bounds.length; k += 3) {
      const [start, end, hash] = [bounds[k] ?? 0, bounds[k + 1] ?? 0, bounds[k + 2] ?? 0];
      words.push(text.slice(start, end));
      if (hash !== -1) expect(table.atHashed(hash, text, start, end)).toBe(table.at(text, start, end));
    }
    expect(words).toEqual(['Ask', "JEAN-marie's", 'friend', 'Dupont', 'Hélène']);
    expect(bounds[bounds.length - 1]).toBe(-1);
    expect(table.atHashed(bounds[11] ?? 0, text, bounds[9] ?? 0, bounds[10] ?? 0)).toBe(2);
    expect(wordBounds(text)).toEqual(bounds.filter((_, k) => k % 3 !== 2));
  });
});
