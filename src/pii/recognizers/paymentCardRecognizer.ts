// Finds payment card numbers: 13 to 19 digits, compact or grouped with spaces or dashes, that pass the Luhn check
// and start like a card network's numbers. Gift codes, order and tracking numbers fail one of the three tests.
import { anchoredMatches, stickyCopy } from '../anchoredMatches';
import type { Recognizer } from '../recognizer';
import { factsOf } from '../textFacts';
import type { Span } from '../types';

// Groups share one separator ("4242 4242 4242 4242", "3714-496353-98431"); the run of digits must be whole:
// not the middle of an IBAN or of a longer number.
// A card starts a run of digits: it is tried only there.
const cardPattern = stickyCopy(
  /(?<![\p{L}\p{N}_])(?<!\p{N}[ \u00a0.,\/-])(?:\d{4}([ \u00a0-])\d{4,6}(?:\1\d{1,5}){1,3}|\d{12,19})(?![\p{L}\p{N}_]|[.,\/-]\p{N}|[ \u00a0-]\p{N}{3})/gu,
);

// A number introduced as something else is not a card, unless a card word comes after that label.
const otherNumberWord =
  /(?<!\p{L})(?:order|commande|cmd|invoice|facture|ticket|tracking|suivi|colis|parcel|isbn|ean|imei|serial|s[ée]rie|gift|cadeau|coupon|voucher|promo|code|r[ée]f(?:[ée]rence)?|transaction|account|compte|iban|siret|siren)(?!\p{L})/giu;
const otherNumberLabel = new RegExp(otherNumberWord.source, 'iu');
const cardWord = /(?<!\p{L})(?:card|carte|cc|visa|mastercard|amex|cb)(?!\p{L})/giu;
// Just before the number, a word that says it is a card ("my card 3521…", "credit card no. …", "cc #"): then a
// Luhn-valid number of a card's length is one, whatever network its first digits belong to.
const announcedAsCard = /(?<!\p{L})(?:card|carte|cc|visa|mastercard|amex|maestro|jcb|cb)(?:\s*(?:number|no\.?|num(?:[ée]ro)?|n°|#))?\s*[:#?]?\s*$/iu;

export const paymentCardRecognizer: Recognizer = {
  name: 'payment card',
  recognize(text, context) {
    const spans: Span[] = [];
    const facts = factsOf(text, context);
    // Most posts hold no number of twelve digits: they are spared the pattern.
    if (!facts.hasDigitStretch(12)) return spans;
    for (const match of anchoredMatches(cardPattern, text, facts.digitRunStarts)) {
      const digits = match[0].replace(/\D/gu, '');
      if (digits.length < 12 || digits.length > 19 || !passesLuhn(digits)) continue;
      const lineBefore = text.slice(Math.max(0, match.index - 30), match.index).split('\n').pop() ?? '';
      if (!hasCardPrefix(digits) && !(announcedAsCard.test(lineBefore) && !otherNumberLabel.test(lineBefore))) continue;
      if (namesAnotherNumber(lineBefore)) continue;
      spans.push({ start: match.index, end: match.index + match[0].length, type: 'credit_card', owner: 'other', score: 0.95 });
    }
    return spans;
  },
};

/** "Gift code 6011 …" is not a card; "commande 123, carte 4242 …" is: the nearest label wins. */
function namesAnotherNumber(lineBefore: string): boolean {
  const other = [...lineBefore.matchAll(otherNumberWord)].pop();
  if (other === undefined) return false;
  const card = [...lineBefore.matchAll(cardWord)].pop();
  return card === undefined || card.index < other.index;
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Whether the number starts like one of a card network's, at a length that network issues. */
function hasCardPrefix(digits: string): boolean {
  const length = digits.length;
  const two = Number(digits.slice(0, 2));
  const three = Number(digits.slice(0, 3));
  const four = Number(digits.slice(0, 4));
  if (digits.startsWith('4')) return length === 13 || length === 16 || length === 19; // Visa
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return length === 16; // Mastercard
  if (two === 34 || two === 37) return length === 15; // American Express
  if (four === 6011 || (three >= 644 && three <= 649) || two === 65) return length >= 16; // Discover
  if (two === 62 || (four >= 2200 && four <= 2204)) return length >= 16; // UnionPay, Mir
  if (four >= 3528 && four <= 3589) return length >= 16; // JCB
  if ((three >= 300 && three <= 305) || two === 36 || two === 38 || two === 39) return length >= 14; // Diners Club
  if (four === 1800 || four === 2131) return length === 15; // JCB's older ranges
  // Maestro: 50 and 56 to 69, twelve digits or more (other networks above took their own ranges first).
  if (two === 50 || (two >= 56 && two <= 69)) return length >= 12;
  return false;
}
