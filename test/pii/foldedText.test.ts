// Folding makes "Marie-Hélène" and "marie helene" the same string while keeping the way back to the original.
import { foldNeedle, foldText, foldTextByLetter, locateFolded, quickFold } from '../../src/pii/foldedText';

describe('a folded text', () => {
  it('ignores case, accents, whitespace runs and, for names, hyphens', () => {
    expect(foldText('Marie-Hélène \n DUPONT', { joinHyphens: true }).value).toBe('marie helene dupont');
    expect(foldText('Marie-Hélène', {}).value).toBe('marie-helene');
  });

  it('spells letters NFD cannot strip the way people type them without a special keyboard', () => {
    expect(foldText('Łukasz Weißmann Đặng Søren').value).toBe('lukasz weissmann dang soren');
  });

  it('maps a match back to the original text, across emoji and letters that fold to two', () => {
    const text = '👋 Herr WEIẞMANN  und Frau Weißmann';
    const found = locateFolded(foldText(text, { joinHyphens: true }), foldNeedle('Weissmann'));
    expect(found.map(({ start, end }) => text.slice(start, end))).toEqual(['WEIẞMANN', 'Weißmann']);
  });
});

describe('folding a text in stretches copied from its lower-cased copy', () => {
  // Letters that fold otherwise than to their lower case, gaps of every kind, marks, emoji and "İ", which
  // lower-cases to two units: every mix of them must fold as the letter-by-letter fold does, offsets included.
  const alphabet = ['a', 'B', 'é', 'É', 'ß', 'ẞ', 'æ', 'Ł', ' ', '  ', '\n', '\t', '-', '‐', '‑', '\u00a0', '\u2009',
    '\u0301', '😀', '€', '—', 'Σ', 'İ', '’', '\ud800', 'ﬁ', '.', '1'];

  function expectSameFold(text: string, joinHyphens: boolean): void {
    const quick = foldText(text, { joinHyphens });
    const reference = foldTextByLetter(text, { joinHyphens });
    expect(quick.value).toBe(reference.value);
    for (let unit = 0; unit < quick.value.length; unit++) expect(quick.origins.rangeOf(unit)).toEqual(reference.origins.rangeOf(unit));
  }

  it('gives the same folded text and the same original range for every unit', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 1000; i++) {
      let text = '';
      for (let k = 1 + next(10); k > 0; k--) text += alphabet[next(alphabet.length)];
      expectSameFold(text, true);
      expectSameFold(text, false);
    }
  });

  it('keeps a lone space as the one unit it was and a run of gaps as one space', () => {
    const folded = foldText('Marie  Dupont\n-\u00a0Paris', { joinHyphens: true });
    expect(folded.value).toBe('marie dupont paris');
    expect(folded.origins.rangeOf(5)).toEqual({ start: 5, end: 7 });
    expect(folded.origins.rangeOf(12)).toEqual({ start: 13, end: 16 });
    expect(foldText('a b', { lowerCase: 'a b' }).origins.rangeOf(1)).toEqual({ start: 1, end: 2 });
  });
});

describe('the quick fold', () => {
  // The reference: the whole text lower-cased, decomposed, stripped of accents, special letters spelled out.
  const specials: Record<string, string> = { ł: 'l', đ: 'd', ð: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', '’': "'", ʼ: "'", '‘': "'" };
  const reference = (text: string) =>
    text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/[łđðøßæœıþ’ʼ‘]/gu, (c) => specials[c] ?? c);

  it('folds letter by letter exactly as the whole text normalised, marks and emoji included', () => {
    const alphabet = ['a', 'B', 'é', 'É', 'ß', 'æ', 'Ł', 'ǿ', ' ', '\u0301', '\u0316', '\u093c', 'क़', '😀', '️', 'Σ', 'İ', '’',
      '\ud800', 'ﬁ', 'Å', '한', 'ệ', '𝅗𝅥'];
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let k = 1 + next(10); k > 0; k--) text += alphabet[next(alphabet.length)];
      expect(quickFold(text)).toBe(reference(text));
    }
  });

  it('uses the lower-cased text it is given', () => {
    expect(quickFold('Łukasz ÉMILE Weißmann', 'łukasz émile weißmann')).toBe('lukasz emile weissmann');
    expect(quickFold('plain ascii text')).toBe('plain ascii text');
  });
});
