// Where an email address's local part starts, read back from its "@": ASCII by code, the rest by pattern.
import { localPartStart } from '../../src/pii/emailAddress';

describe('the start of a local part', () => {
  it('takes letters, digits and . _ % + - before the "@", and stops at anything else', () => {
    const text = 'write to <Marie.Dupont_1%x+y-z@free.fr>';
    expect(text.slice(localPartStart(text, text.indexOf('@')), text.indexOf('@'))).toBe('Marie.Dupont_1%x+y-z');
    expect(localPartStart('a b@c.fr', 3)).toBe(2);
    expect(localPartStart('@c.fr', 0)).toBe(0);
  });

  it('takes letters beyond ASCII, astral ones whole, and stops at an emoji', () => {
    const text = '👋élodie𝒜b@free.fr';
    const at = text.indexOf('@');
    expect(text.slice(localPartStart(text, at), at)).toBe('élodie𝒜b');
  });
});
