// The requester's own name, usernames, emails and phone numbers are found in the forms people write them.
import { detectPii } from '../../src/pii/detect';
import type { RequesterIdentifiers } from '../../src/pii/types';

const marie: RequesterIdentifiers = {
  names: ['Marie-Hélène Dupont'],
  emails: ['marie@free.fr'],
  phones: ['+33 6 12 34 56 78'],
  usernames: ['marie_reads'],
};

function findings(text: string, identifiers: RequesterIdentifiers = marie) {
  return detectPii(text, identifiers).map((s) => ({ text: text.slice(s.start, s.end), type: s.type, owner: s.owner }));
}

describe("a requester's name", () => {
  it('is found written without accents, with a hyphen or not, in capitals and with doubled spaces', () => {
    const text = 'Bonjour, je suis marie-helene  DUPONT. Ma sœur dit que Marie Hélène Dupont a raison.';
    expect(findings(text)).toEqual([
      { text: 'marie-helene  DUPONT', type: 'person', owner: 'requester' },
      { text: 'Marie Hélène Dupont', type: 'person', owner: 'requester' },
    ]);
  });

  it('is found without accents and in capitals in an English post', () => {
    const text = 'Thanks for the help!\n\n-- \nJEAN-FRANCOIS LEFEVRE';
    expect(findings(text, { ...marie, names: ['Jean-François Lefèvre'] })).toEqual([
      { text: 'JEAN-FRANCOIS LEFEVRE', type: 'person', owner: 'requester' },
    ]);
  });

  it('is not found inside a longer word: "Ann" is not in "Annual" nor "Anna"', () => {
    const text = 'The Annual reading challenge is back, ask Anna or Joanne.';
    expect(findings(text, { ...marie, names: ['Ann'] })).toEqual([]);
  });

  it('is found in administrative order, as "Given F." with its dot, and as a family name after a title', () => {
    const ids = { ...marie, names: ['Marie Dupont'] };
    const text = 'Nom : DUPONT Marie. Colis remis à Mme Dupont hier.\nMerci,\nMarie D.';
    expect(findings(text, ids)).toEqual([
      { text: 'DUPONT Marie', type: 'person', owner: 'requester' },
      { text: 'Dupont', type: 'person', owner: 'requester' },
      { text: 'Marie D.', type: 'person', owner: 'requester' },
    ]);
  });

  it('is found as a given name alone in a signature, even when spelled with letters NFD leaves alone', () => {
    const text = "Can't sync my annotations since 4.18.\n\nCheers,\nLukasz";
    expect(findings(text, { ...marie, names: ['Łukasz Wójcik'] })).toEqual([{ text: 'Lukasz', type: 'person', owner: 'requester' }]);
  });

  it('is not taken for the requester when the given name comes with another family name (a namesake)', () => {
    const ids = { ...marie, names: ['Marie Dupont'] };
    expect(findings('Vendu par Marie Dupond, très contente.', ids)).toEqual([]);
    expect(findings('Ask Marie Curie-Laurent, she knows.', ids)).toEqual([]);
    expect(findings('merci à marie duponte pour le conseil', ids)).toEqual([]);
  });

  it('is found in a Vietnamese name by the given name, which comes last', () => {
    const text = 'Le compte est à mon nom, Nguyễn Quang Tuấn.\n\nBien à vous,\nTuan';
    expect(findings(text, { ...marie, names: ['Nguyễn Quang Tuấn'] })).toEqual([
      { text: 'Nguyễn Quang Tuấn', type: 'person', owner: 'requester' },
      { text: 'Tuan', type: 'person', owner: 'requester' },
    ]);
  });

  it("is not found inside someone else's email address", () => {
    const text = 'Write to marie.martin@gmail.com for the swap.';
    expect(findings(text, { ...marie, names: ['Marie Dupont'] })).toEqual([{ text: 'marie.martin@gmail.com', type: 'email', owner: 'other' }]);
  });

  it('keeps offsets exact when an emoji comes before the name', () => {
    const text = 'Merci 🙏🏽 Marie-Hélène Dupont !';
    const [span] = detectPii(text, marie);
    expect(span).toMatchObject({ type: 'person', owner: 'requester' });
    expect(text.slice(span?.start, span?.end)).toBe('Marie-Hélène Dupont');
  });
});

describe("a requester's email", () => {
  it('is found in another case and is theirs', () => {
    expect(findings('Mon compte : Marie@Free.FR, merci.')).toEqual([{ text: 'Marie@Free.FR', type: 'email', owner: 'requester' }]);
  });

  it.each([
    ['marie at free dot fr'],
    ['marie [at] free [dot] fr'],
    ['marie(at)free.fr'],
    ['marie AT free DOT fr'],
    ['m a r i e @ f r e e . f r'],
  ])('is found written to dodge scrapers: %s', (written) => {
    const text = `Vends ma Kobo Libra 2, écrivez-moi : ${written}. Merci !`;
    expect(findings(text)).toEqual([{ text: written, type: 'email', owner: 'requester' }]);
  });
});

describe("a requester's phone number", () => {
  it.each([['+33 6 12 34 56 78'], ['06.12.34.56.78'], ['0612345678'], ['(+33) 612345678'], ['0033 6 12 34 56 78'], ['+33 (0)6 12 34 56 78']])(
    'is found written as %s',
    (written) => {
      const text = `Appelle-moi au ${written} après 18h.`;
      expect(findings(text)).toEqual([{ text: written, type: 'phone', owner: 'requester' }]);
    },
  );

  it('is found when the requester typed it in their own national format and the post uses the international one', () => {
    const ids = { ...marie, phones: ['(415) 555-0132'] };
    expect(findings('Text me on +1 415 555 0132 if you want it.', ids)).toEqual([{ text: '+1 415 555 0132', type: 'phone', owner: 'requester' }]);
  });

  it('is found even without a phone-like shape, since the requester named it', () => {
    const ids = { ...marie, phones: ['06 39 98 12 34'] };
    expect(findings('mon 639981234 ne répond plus', ids)).toEqual([{ text: '639981234', type: 'phone', owner: 'requester' }]);
  });
});

describe("a requester's username", () => {
  it('is found bare, as an @handle with the @ inside the span, and in any case', () => {
    const text = '> **Marie_Reads** wrote:\n> merci\n\nThanks @marie_reads!';
    expect(findings(text)).toEqual([
      { text: 'Marie_Reads', type: 'username', owner: 'requester' },
      { text: '@marie_reads', type: 'username', owner: 'requester' },
    ]);
  });

  it('is not found inside a longer handle or an email address', () => {
    expect(findings('Ask @the_marie_reads_shelf or marie_reads2 about it')).toEqual([]);
    expect(findings('Mail marie_reads@gmail.com')).toEqual([{ text: 'marie_reads@gmail.com', type: 'email', owner: 'other' }]);
  });

  it('inside a profile link makes the whole link the span', () => {
    const text = 'Follow me: https://instagram.com/marie_reads.';
    expect(findings(text)).toEqual([{ text: 'https://instagram.com/marie_reads', type: 'profile_url', owner: 'requester' }]);
  });
});
