// Card numbers are found when grouped as cards are and when they pass the Luhn check on a network's prefix;
// gift codes, order, ISBN, IMEI and phone numbers are not cards.
import type { RecognitionContext } from '../../src/pii/recognizer';
import { paymentCardRecognizer } from '../../src/pii/recognizers/paymentCardRecognizer';

const context = {} as RecognitionContext;
const found = (text: string) => paymentCardRecognizer.recognize(text, context).map((s) => text.slice(s.start, s.end));

describe('a payment card number', () => {
  it.each([
    ['Someone used my card 4532 0151 1283 0366 to buy books', '4532 0151 1283 0366'],
    ['The card is 5555-5555-5555-4444, can billing refund?', '5555-5555-5555-4444'],
    ['Quelqu’un a utilisé ma carte 4012888888881881 hier', '4012888888881881'],
    ['Amex 3714 496353 98431 declined', '3714 496353 98431'],
    ['Card: 2223003122003222\nOrder: CMD-2023-31405', '2223003122003222'],
  ])('is found: %s', (text, card) => {
    expect(found(text)).toEqual([card]);
  });

  it('is not a 16-digit code that fails the Luhn check', () => {
    expect(found('Gift card code 4242 4242 4242 4241 does not work')).toEqual([]);
  });

  it('is not read into order, ISBN, IMEI, tracking or phone numbers, nor a card ending', () => {
    const text = [
      'order 592-3978520-8728688, invoice INV-2024-000913',
      'ISBN 9782290081181, IMEI 490154203237518',
      'Call +33 6 39 98 12 34 or 0639981234',
      'Card ending in 4242, paid 149,99 €',
    ].join('\n');
    expect(found(text)).toEqual([]);
  });

  it('is not taken from the digits inside an IBAN', () => {
    expect(found('FR76 3000 6000 0112 3456 7890 189')).toEqual([]);
  });

  it('after an order label is not a card unless a card word comes after the label', () => {
    expect(found('Order no 4111111111111111 was shipped')).toEqual([]);
    expect(found('commande CMD-2023-63419, sur ma carte 4111 1111 1111 1111.')).toEqual(['4111 1111 1111 1111']);
  });
});
