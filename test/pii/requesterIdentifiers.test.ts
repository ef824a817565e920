// The requester's own name, usernames, emails and phone numbers are found in the forms people write them.
import { detectPii } from '../../src/pii/detect';
import type { RequesterIdentifiers } from '../../src/pii/types';

const marie: RequesterIdentifiers = {
  names: ['Marie-Hélène Dupont'],
  emails: ['marie@free.fr'],
  phones: ['+33 6 12 34 56 78'],
  usernames: ['marie_reads'],
  addresses: ['12 rue du Helder, 75009 Paris'],
};

function findings(text: string, identifiers: RequesterIdentifiers = marie) {
  return detectPii(text, identifiers).map((s) => ({ text: text.slice(s.start, s.end), type: s.type, owner: s.owner }));
}

function requesters(text: string, identifiers: RequesterIdentifiers = marie) {
  return findings(text, identifiers).filter((f) => f.owner === 'requester');
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
    expect(requesters(text, { ...marie, names: ['Ann'] })).toEqual([]);
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
    expect(findings('Vendu par Marie Dupond, très contente.', ids)).toEqual([{ text: 'Marie Dupond', type: 'person', owner: 'other' }]);
    expect(requesters('Ask Marie Curie-Laurent, she knows.', ids)).toEqual([]);
    expect(requesters('merci à marie duponte pour le conseil', ids)).toEqual([]);
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
    // The longer handle is someone else's, found as such by the username recognizer.
    expect(findings('Ask @the_marie_reads_shelf or marie_reads2 about it')).toEqual([
      { text: '@the_marie_reads_shelf', type: 'username', owner: 'other' },
    ]);
    expect(findings('Mail marie_reads@gmail.com')).toEqual([{ text: 'marie_reads@gmail.com', type: 'email', owner: 'other' }]);
  });

  it('inside a profile link makes the whole link the span', () => {
    const text = 'Follow me: https://instagram.com/marie_reads.';
    expect(findings(text)).toEqual([{ text: 'https://instagram.com/marie_reads', type: 'profile_url', owner: 'requester' }]);
  });
});

describe("a requester's postal address", () => {
  it.each([
    ['12 rue du Helder, 75009 Paris'],
    ['12, rue du Helder, 75009 PARIS'],
    ['12 r. du Helder\n75009 Paris'],
    ['12 RUE DU HELDER - 75009 Paris'],
  ])('is found however it is written: %s', (written) => {
    const text = `Livraison chez moi : ${written}. Merci !`;
    expect(requesters(text)).toEqual([{ text: written, type: 'address', owner: 'requester' }]);
  });

  it('is found with abbreviated street types in English and German', () => {
    const ids = { ...marie, addresses: ['3300 Willow Drive, Apt 1C, Savannah, GA 31401', 'Bahnhofstraße 95, 50667 Köln'] };
    const text = 'Old one: 3300 Willow Dr, Apt 1C, SAVANNAH, GA 31401. New one: Bahnhofstr. 95, 50667 Koeln or Bahnhofstr. 95, 50667 Köln.';
    expect(requesters(text, ids).map((f) => f.text)).toEqual(['3300 Willow Dr, Apt 1C, SAVANNAH, GA 31401', 'Bahnhofstr. 95, 50667 Köln']);
  });

  it('is not found with another house number or another postcode', () => {
    expect(requesters('Livraison au 14 rue du Helder, 75009 Paris, ou au 12 rue du Helder, 75002 Paris.')).toEqual([]);
  });
});

describe("a requester's identifiers written in other ways", () => {
  it('finds a phone number after a tel: prefix, without the prefix', () => {
    const text = 'Appelez-moi : [06 12 34 56 78](tel:+33612345678)';
    expect(requesters(text)).toEqual([
      { text: '06 12 34 56 78', type: 'phone', owner: 'requester' },
      { text: '+33612345678', type: 'phone', owner: 'requester' },
    ]);
  });

  it('finds an email written with "arobase" and "point"', () => {
    const ids = { ...marie, emails: ['marie.dupont@free.fr'] };
    expect(requesters('Écrivez à marie point dupont arobase free point fr', ids)).toEqual([
      { text: 'marie point dupont arobase free point fr', type: 'email', owner: 'requester' },
    ]);
  });

  it('finds the family name after a title, with or without its dot', () => {
    const ids = { ...marie, names: ['John Smith'] };
    expect(requesters('Parcel for Mr. Smith, or ask Mr Smith at the desk.', ids).map((f) => f.text)).toEqual(['Smith', 'Smith']);
    expect(requesters('Remis à Mme Dupont-Martin hier.', { ...marie, names: ['Claire Dupont-Martin'] }).map((f) => f.text)).toEqual(['Dupont-Martin']);
  });

  it('finds a hyphenated name written with a space, and a name split across a line break', () => {
    const text = 'Merci à Marie Hélène\nDupont pour son aide.';
    expect(requesters(text)).toEqual([{ text: 'Marie Hélène\nDupont', type: 'person', owner: 'requester' }]);
  });
});
