// Folding makes "Marie-Hélène" and "marie helene" the same string while keeping the way back to the original.
import { foldText, locateFolded, foldNeedle } from '../../src/pii/foldedText';

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
