// Phone numbers of any country once they are announced as one, extensions included; card numbers of every network,
// and any Luhn-valid number of a card's length that a card word announces. Amounts, order numbers and gift cards are
// still neither.
import { detectPii } from '../../src/pii/detect';
import type { PiiType, RequesterIdentifiers } from '../../src/pii/types';

const nobody: RequesterIdentifiers = { names: [], emails: [], phones: [], usernames: [], addresses: [] };
const found = (text: string, type: PiiType) => detectPii(text, nobody).filter((s) => s.type === type).map((s) => text.slice(s.start, s.end));

describe('a phone number', () => {
  it('keeps its extension inside the span', () => {
    expect(found('Office line: +1-312-555-0147x204, ask for me', 'phone')).toEqual(['+1-312-555-0147x204']);
    expect(found('Call 020 7946 0321 ext. 15 after six', 'phone')).toEqual(['020 7946 0321 ext. 15']);
  });

  it('is found under a label on the line before', () => {
    expect(found('Contact details\nMobile:\n47-81-22-93\n\nE-mail: none', 'phone')).toEqual(['47-81-22-93']);
  });

  it('of a country we do not read is found when a phone word announces it and it is grouped as one', () => {
    expect(found("He isn't answering at 83 904 117", 'phone')).toEqual(['83 904 117']);
    expect(found('Stop the text messages to 61 447 30 29 please', 'phone')).toEqual(['61 447 30 29']);
  });

  it('is not an amount, even after a phone word', () => {
    expect(found('Call me, the flat costs 1 250 000 € now', 'phone')).toEqual([]);
    expect(found('Order 1 234 567 89 is late', 'phone')).toEqual([]);
  });
});

describe('a payment card number', () => {
  it('of a network the older check left out is found', () => {
    expect(found('Paid with 675941110008 yesterday', 'credit_card')).toEqual(['675941110008']); // Maestro, 12 digits
    expect(found('Old JCB 180012345678905 still works', 'credit_card')).toEqual(['180012345678905']);
  });

  it('that a card word announces is found whatever its first digits, if it passes the Luhn check', () => {
    expect(found('What is the limit on card 9012345678901238?', 'credit_card')).toEqual(['9012345678901238']);
    expect(found('My card number? 9012345678901238', 'credit_card')).toEqual(['9012345678901238']);
  });

  it('is not a Luhn-valid number announced as a gift card or an order', () => {
    expect(found('Gift card code 9012345678901238', 'credit_card')).toEqual([]);
    expect(found('Order 9012345678901238 is wrong', 'credit_card')).toEqual([]);
  });
});
