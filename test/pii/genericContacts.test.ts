// Emails and phone numbers of anyone in a post are found and marked as someone else's, while order numbers,
// ISBNs, dates, company lines and role addresses are left alone.
import { detectPii } from '../../src/pii/detect';
import type { RequesterIdentifiers } from '../../src/pii/types';

const nobody: RequesterIdentifiers = { names: [], emails: [], phones: [], usernames: [], addresses: [] };
const marie: RequesterIdentifiers = { names: ['Marie Dupont'], emails: ['marie.dupont@free.fr'], phones: ['0612345678'], usernames: [], addresses: [] };

function findings(text: string, identifiers: RequesterIdentifiers = nobody) {
  return detectPii(text, identifiers).map((s) => ({ text: text.slice(s.start, s.end), type: s.type, owner: s.owner }));
}

describe('an email address', () => {
  it("of someone else is found and is theirs, beside the requester's own", () => {
    const text = "C'est marie.dupont@free.fr, et mon frère c'est paul.dupont@gmail.com.";
    expect(findings(text, marie)).toEqual([
      { text: 'marie.dupont@free.fr', type: 'email', owner: 'requester' },
      { text: 'paul.dupont@gmail.com', type: 'email', owner: 'other' },
    ]);
  });

  it('in a mailto link or angle brackets is found without the markup', () => {
    const text = 'Reach me [here](mailto:j.smith@outlook.com) or <j.smith@outlook.com>.';
    expect(findings(text).map((f) => f.text)).toEqual(['j.smith@outlook.com', 'j.smith@outlook.com']);
  });

  it("of someone else is found when written to dodge scrapers, but an English 'at' is not an address", () => {
    const text = 'His account is r.nunes at icloud.com, or look at amazon.com for the case.';
    expect(findings(text)).toEqual([{ text: 'r.nunes at icloud.com', type: 'email', owner: 'other' }]);
  });

  it("that is a shop's mailbox or a documentation example is nobody's", () => {
    const text = 'Write to support@lumenreader.app or billing@lumenreader.app, not you@example.com.';
    expect(findings(text)).toEqual([]);
  });

  it('of a named staff member is personal', () => {
    expect(findings('Camille answered from camille.mercier@lumenreader.app')).toEqual([
      { text: 'Camille', type: 'person', owner: 'other' },
      { text: 'camille.mercier@lumenreader.app', type: 'email', owner: 'other' },
    ]);
  });

  it.each([
    ['support@lumenreader.app'],
    ['noreply@lumenreader.app'],
    ['no-reply@mail.kobo.com'],
    ['contact@librairie-des-quais.fr'],
    ['info@bookbarn.co.uk'],
    ['sales@ereaders-direct.com'],
    ['privacy@lumenreader.app'],
  ])("that is a business's role mailbox is not personal: %s", (address) => {
    expect(findings(`I wrote to ${address} twice and got nothing back.`)).toEqual([]);
  });
});

describe('a phone number', () => {
  it.each([
    ['Vends ma Kobo, contact : 06 39 98 01 31', '06 39 98 01 31'],
    ['Text me on 07700 900086.', '07700 900086'],
    ['Call or text (503) 555-0105, thanks', '(503) 555-0105'],
    ['Son numéro : 02/702.19.95.', '02/702.19.95'],
    ["Text +44 (0)20 7946 0116 if you get lost.", '+44 (0)20 7946 0116'],
    ['Tél : 076 521 35 64 ou par mail', '076 521 35 64'],
    ['my number is 089/99998460. Hope this helps', '089/99998460'],
  ])("of someone else is found: %s", (text, number) => {
    expect(findings(text, marie)).toEqual([{ text: number, type: 'phone', owner: 'other' }]);
  });

  it('equal to the requester number in another format is theirs, others are not', () => {
    const text = 'Moi : +33 6 12 34 56 78, ma voisine : 06 39 98 72 16.';
    expect(findings(text, marie)).toEqual([
      { text: '+33 6 12 34 56 78', type: 'phone', owner: 'requester' },
      { text: '06 39 98 72 16', type: 'phone', owner: 'other' },
    ]);
  });

  it('is not read into an order number after "#", even one that is a valid French number', () => {
    expect(findings('Order #123456789 never arrived.')).toEqual([]);
    expect(findings('Voir les posts #612345678 et # 0639981234 plus haut.')).toEqual([]);
  });

  it('is not read into an ISBN, an order or invoice reference, a serial or a date', () => {
    const text = [
      "les métadonnées de l'isbn 9782290081181 sont fausses",
      'ISBN 978-2-07-036822-8 (Folio)',
      'commande n° 0612345678 toujours pas livrée',
      'invoice 0639981234 was charged twice',
      'Serial G090 0159 7022 655, bought 2016',
      'acheté le 05/02/2023 pour 17,99 €',
    ].join('\n');
    expect(findings(text)).toEqual([]);
  });

  it('is found after an order number when a phone word announces it', () => {
    expect(findings('Ticket ouvert tel 0639981234 pour le retrait')).toEqual([{ text: '0639981234', type: 'phone', owner: 'other' }]);
  });

  it('is not a bare run of digits without a phone-like shape or a word saying it is one', () => {
    expect(findings('Got 123456789 points and build 4155550132 crashed on 10.0.19045.2965')).toEqual([]);
  });

  it('without a phone-like shape is found after a word such as "portable" or "whatsapp"', () => {
    expect(findings('mon portable 612345678, merci')).toEqual([{ text: '612345678', type: 'phone', owner: 'other' }]);
  });

  it('of a company freephone or customer service is not personal', () => {
    expect(findings("J'ai appelé le numéro vert 0 800 73 44 94 hier.")).toEqual([]);
    expect(findings("J'ai appelé le service client au 01 99 00 39 11 pour la commande.")).toEqual([]);
  });

  it('keeps its offsets exact after an emoji', () => {
    const text = 'Dispo 😊 au 06 39 98 12 34';
    const [span] = detectPii(text, nobody);
    expect(text.slice(span?.start, span?.end)).toBe('06 39 98 12 34');
  });
});
