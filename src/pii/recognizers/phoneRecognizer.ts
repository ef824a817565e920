// Finds phone numbers. libphonenumber-js reads almost any digit run as a number somewhere ("Order #123456789"
// is a valid French number), so a candidate must also look like a phone number as people write one, or sit
// after a word such as "tel" or "appelle"; order, invoice and ISBN numbers never count.
import { countriesToTry, readPhone, type PhoneReading } from '../phoneNumber';
import type { Recognizer } from '../recognizer';
import type { Span } from '../types';

const gap = String.raw`[ \u00a0]`;
const separator = String.raw`(?:${gap}?\(\d{1,4}\)${gap}?|${gap}?[.\-/]${gap}?|${gap})`;
const candidatePattern = new RegExp(
  String.raw`(?<![\p{L}\p{N}_#@+])(?<!#${gap})(?<!\d[.,\-/:])(?:\+${gap}?|\(\+?\d{1,4}\)${gap}?)?\d+(?:${separator}\d+)*(?![\p{L}\p{N}_])(?![.,\-/:]\d)`,
  'gu',
);

const phoneWords = precededBy([
  'tel', 't[ée]l[ée]phone', 'telephone', 'phone', 'ph', 'mobile', 'portable', 'port', 'gsm', 'cell', 'call', 'ring',
  'text', 'txt', 'sms', 'whatsapp', 'signal', 'appel\\w*', 'joindre', 'num[ée]ro', 'number', 'no', 'n°', 'contact\\w*', 'fax',
], String.raw`[^\n]{0,25}`);
// Numbers that are something else; up to a few words ("n° de commande :", "Serial G090") may sit between.
const otherNumberWords = precededBy([
  'isbn(?:-?1[03])?', 'ean', 'order', 'commande', 'cmd', 'invoice', 'facture', 'ticket', 'case', 'dossier',
  'r[ée]f(?:[ée]rence)?', 'ref', 'tracking', 'suivi', 'colis', 'parcel', 'serial', 's[ée]rie', 's\\/n', 'sn', 'transaction',
  'siret', 'siren', 'tva', 'vat', 'iban', 'bic', 'card', 'carte', 'licen[cs]e', 'build', 'version', 'firmware', 'imei',
  'account\\s+(?:number|no)', 'compte', 'ssn', 'social\\s+security', 'national\\s+insurance', 'nir', 'insee',
  's[ée]cu(?:rit[ée]\\s+sociale)?',
], String.raw`[\s:#°.'’\p{L}\p{N}-]{0,20}`);
// Numbers given for a company ("j'ai appelé le service client au 01 …") are not a person's.
const companyWords = precededBy(
  ['service\\s+client(?:s|èle)?', 'customer\\s+(?:service|support|care)', 'hotline', 'helpline', 'support', 'standard', 'sav', 'switchboard'],
  String.raw`[^\n]{0,20}`,
);
const dateLike = /^\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}$/u;
// Other numbers with their own shape: a US social security number, and the digits that end an IBAN
// ("GB22 NWBK 0513 8099 6845 41").
const ssnLike = /^\d{3}-\d{2}-\d{4}$/u;
const ibanBefore = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4})+[ ]?$/u;
// Freephone, premium and shared-cost lines belong to businesses, not to people.
const businessTypes = new Set(['TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'UAN', 'VOICEMAIL']);
const northAmerican = /^(?:\+?1[ .-]?)?\(?[2-9]\d{2}\)?[ .-]?[2-9]\d{2}[ .-]\d{4}$/u;
const isbnLike = /^97[89]/u;

/** A pattern for "one of these words, then at most `between`, then the number". */
function precededBy(words: string[], between: string): RegExp {
  return new RegExp(String.raw`(?<![\p{L}])(?:${words.join('|')})\b${between}$`, 'iu');
}

export const phoneRecognizer: Recognizer = {
  name: 'phone',
  recognize(text, { requester, defaultCountry }) {
    const countries = countriesToTry(defaultCountry);
    const spans: Span[] = [];
    for (const match of text.matchAll(candidatePattern)) {
      const written = match[0];
      const digits = written.replace(/\D/gu, '');
      if (digits.length < 7 || digits.length > 15) continue;
      const lineBefore = text.slice(Math.max(0, match.index - 40), match.index).split('\n').pop() ?? '';
      if (namesAnotherNumber(lineBefore) || (isbnLike.test(digits) && digits.length === 13) || dateLike.test(written)) continue;
      // Without a trunk 0 or a country code no national number is this long; a French NIR (15 digits) is.
      if (ssnLike.test(written) || ibanBefore.test(lineBefore) || (/^[1-9]/u.test(written) && digits.length > 11)) continue;
      // Reading a number in eight countries is most of the cost: only numbers that could be the requester's, or
      // that plausibleReading could accept (an international, trunk-0 or North American shape, or a phone word
      // before), are read at all.
      const shaped = /^(?:\+|\(\+|00|0|\(0)/u.test(written) || northAmerican.test(written);
      if (!requester.phoneEndings.has(digits.slice(-7)) && !shaped && !phoneWords.test(lineBefore)) continue;
      const readings = readPhone(written, countries);
      if (readings.length === 0) continue;
      const start = match.index;
      const end = start + written.length;
      if (readings.some((r) => requester.phones.has(r.e164))) {
        spans.push({ start, end, type: 'phone', owner: 'requester', score: 1 });
        continue;
      }
      if (companyWords.test(lineBefore)) continue;
      // "0 800 …" is a French freephone line; "030 …" is a UK business number but a Berlin home number. A
      // business reading rules when it is the default country's or the only one.
      const isBusiness = (r: PhoneReading) => r.type !== undefined && businessTypes.has(r.type);
      const local = readings.find((r) => r.readAs === defaultCountry && r.valid);
      const personal = readings.filter((r) => !isBusiness(r));
      if ((local && isBusiness(local)) || personal.length === 0) continue;
      const reading = plausibleReading(written, digits, personal, phoneWords.test(lineBefore));
      if (reading === undefined) continue;
      spans.push({ start, end, type: 'phone', owner: 'other', score: reading.valid ? 0.9 : 0.7 });
    }
    return spans;
  },
};

// Words that only ever announce a phone number; "number" and "numéro" also announce order numbers.
const strongPhoneWord =
  /(?<![\p{L}])(?:tel|t[ée]l[ée]phone|telephone|phone|mobile|portable|gsm|cell|call|text|sms|whatsapp|appel\w*)\b/giu;

/** "ticket ouvert, tel 06…" is a phone number: a phone word after the order word wins. */
function namesAnotherNumber(lineBefore: string): boolean {
  const other = otherNumberWords.exec(lineBefore);
  if (other === null) return false;
  const lastPhoneWord = [...lineBefore.matchAll(strongPhoneWord)].pop();
  return lastPhoneWord === undefined || lastPhoneWord.index < other.index;
}

/**
 * The reading that makes this a phone number, if its shape or its context says so. Numbers reserved for
 * fiction and new ranges are "possible" but not "valid": a phone-like shape is enough for those.
 */
function plausibleReading(written: string, digits: string, readings: PhoneReading[], afterPhoneWord: boolean): PhoneReading | undefined {
  const valid = readings.find((r) => r.valid);
  const grouped = /[ \u00a0.\-/()]/u.test(written);
  if (/^(?:\+|\(\+|00)/u.test(written)) return valid ?? readings[0];
  if (written.startsWith('0') || written.startsWith('(0')) {
    // "0612345678" (France, 10 digits) and "07700900123" (UK, 11) are how people type mobiles.
    if (grouped || digits.length === 10 || digits.length === 11) return valid ?? (grouped || afterPhoneWord ? readings[0] : undefined);
    return afterPhoneWord ? valid : undefined;
  }
  if (northAmerican.test(written) && grouped) return readings.find((r) => r.e164.startsWith('+1')) ?? valid;
  return afterPhoneWord ? valid : undefined;
}
