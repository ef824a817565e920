// Whose each finding is: what the requester gives about themselves is theirs, what a look-alike gives is not,
// and a bare given name is the requester's only when the post does not show someone else of that name.
import { detectPii } from '../../src/pii/detect';
import type { RequesterIdentifiers } from '../../src/pii/types';

const rocio: RequesterIdentifiers = {
  names: ['Rocío Núñez'],
  emails: ['rocio.nunez81@gmail.com'],
  phones: ['+44 7700 900777'],
  usernames: ['rocion81'],
  addresses: ['Flat 9, 105 Cranbrook Road, Leeds LS6 2AB'],
};

function findings(text: string, identifiers: RequesterIdentifiers = rocio) {
  return detectPii(text, identifiers).map((s) => ({ text: text.slice(s.start, s.end), type: s.type, owner: s.owner }));
}

function ownerOf(text: string, written: string, identifiers: RequesterIdentifiers = rocio) {
  const found = findings(text, identifiers).filter((f) => f.text === written);
  expect(found).toHaveLength(1);
  return found[0]?.owner;
}

describe('a card number, IBAN or IP address', () => {
  it("is the requester's when a post signed with their name gives it as their own", () => {
    const text = 'Someone used my card 4242 4242 4242 4242 to buy books overnight.\n\nThanks,\nRocío Núñez';
    expect(ownerOf(text, '4242 4242 4242 4242')).toBe('requester');
  });

  it("is someone else's in the same words from a post that shows nothing of the requester", () => {
    const text = 'Someone used my card 4242 4242 4242 4242 to buy books overnight.\n\nThanks,\nAnna';
    expect(ownerOf(text, '4242 4242 4242 4242')).toBe('other');
  });

  it("is someone else's when the requester's post gives it for another person", () => {
    const text = 'My public IP is 81.181.115.87. My sister was charged twice on her card 4242 4242 4242 4242 too.\n— Rocío Núñez';
    expect(ownerOf(text, '81.181.115.87')).toBe('requester');
    expect(ownerOf(text, '4242 4242 4242 4242')).toBe('other');
  });

  it('belongs to the account holder named beside it', () => {
    const mine = 'Le support me demande un RIB : IBAN FR76 3000 6000 0112 3456 7890 189, titulaire Rocío Núñez.';
    const theirs = 'Le support me demande un RIB : IBAN FR76 3000 6000 0112 3456 7890 189, titulaire Hélène Carpentier.';
    expect(ownerOf(mine, 'FR76 3000 6000 0112 3456 7890 189')).toBe('requester');
    expect(ownerOf(theirs, 'FR76 3000 6000 0112 3456 7890 189')).toBe('other');
  });

  it('in a quote is the quoted member’s: the requester’s only when they are the one quoted', () => {
    const quotedThem = '> **rocion81** wrote:\n> Why does my card 4242 4242 4242 4242 keep failing?\n@rocion81 delete that now!';
    const quotedOther = '> **lea_lit** wrote:\n> Why does my card 4242 4242 4242 4242 keep failing?\n@lea_lit delete that now!\n\n— Rocío Núñez';
    expect(ownerOf(quotedThem, '4242 4242 4242 4242')).toBe('requester');
    expect(ownerOf(quotedOther, '4242 4242 4242 4242')).toBe('other');
  });
});

describe("the requester's given name alone", () => {
  it('is theirs in a signature when nothing in the post says otherwise', () => {
    expect(ownerOf('Sync has been stuck at 90% since the update.\n\nThanks,\nRocío', 'Rocío')).toBe('requester');
  });

  it("is not theirs when the author's own address carries the name of a look-alike", () => {
    const text = 'Sync has been stuck since the update. My account is r.nunes at icloud.com, can support look?\n\nThanks,\nRocío';
    expect(ownerOf(text, 'Rocío')).toBe('other');
    expect(ownerOf(text, 'r.nunes at icloud.com')).toBe('other');
  });

  it('is not theirs when the post shows someone else with that given name', () => {
    const text = "Looking for a reading buddy. I'm Rocío, 43, from Leeds. Email rocio_reads@yahoo.com.\n\nThanks,\nRocío G.";
    expect(findings(text).filter((f) => f.owner === 'requester')).toEqual([]);
  });

  it('is theirs with their own initial, not with another one', () => {
    expect(ownerOf('Any idea?\n\nCordialement,\nRocío N.', 'Rocío N.')).toBe('requester');
    expect(ownerOf('Any idea?\n\nCordialement,\nRocío G.', 'Rocío G.')).toBe('other');
  });

  it('greeting someone is not the requester when the requester wrote the post', () => {
    // The address under the requester's name is theirs too, though it is not the one they gave.
    const text = 'I won the raffle! Please ship the signed copy to:\nRocío Núñez\n12 Oak Street, Leeds LS6 2AB\nThanks Rocío!';
    expect(findings(text)).toEqual([
      { text: 'Rocío Núñez', type: 'person', owner: 'requester' },
      { text: '12 Oak Street, Leeds LS6 2AB', type: 'address', owner: 'requester' },
      { text: 'Rocío', type: 'person', owner: 'other' },
    ]);
  });

  it('signing a post that talks of the requester as a third party is the author, not the requester', () => {
    const text = 'Un ami Rocío Núñez m’a donné sa vieille Kobo, encore liée à son compte.\n\nBien à vous,\nRocío';
    expect(ownerOf(text, 'Rocío Núñez')).toBe('requester');
    expect(ownerOf(text, 'Rocío')).toBe('other');
  });
});

describe("the requester's family name after a title", () => {
  const salma: RequesterIdentifiers = { names: ['Salma Ouali'], emails: [], phones: [], usernames: [], addresses: [] };

  it('is theirs when the title agrees with their given name', () => {
    expect(ownerOf("C'est au 5 rue Pasteur, interphone Mme Ouali.", 'Ouali', salma)).toBe('requester');
  });

  it("is a relative's when the title does not", () => {
    expect(ownerOf("J'ai vendu ma Kindle à M. Ouali mais le colis m'est revenu.", 'Ouali', salma)).toBe('other');
  });
});

describe('a profile link', () => {
  const ryan: RequesterIdentifiers = { names: ['Ryan Harrington'], emails: [], phones: [], usernames: ['ryanh90'], addresses: [] };

  it("is the requester's when its handle spells their name or is one of their usernames", () => {
    expect(ownerOf('Find me at https://www.linkedin.com/in/ryan-harrington-2ac08d/ thanks', 'https://www.linkedin.com/in/ryan-harrington-2ac08d/', ryan)).toBe('requester');
    expect(ownerOf('Bookstagram: https://instagram.com/ryan.h90 and more', 'https://instagram.com/ryan.h90', ryan)).toBe('requester');
  });

  it("is a look-alike's when it spells the same given name with another family name", () => {
    const text = "Bookstagram people, I'm at https://www.instagram.com/ryan.hargreaves/\nBest,\nRyan H.";
    expect(ownerOf(text, 'https://www.instagram.com/ryan.hargreaves/', ryan)).toBe('other');
    expect(ownerOf(text, 'Ryan H.', ryan)).toBe('other');
  });
});
