// Finds phone numbers. libphonenumber-js reads almost any digit run as a number somewhere ("Order #123456789"
// is a valid French number), so a candidate must also look like a phone number as people write one, or sit
// after a word such as "tel" or "appelle"; order, invoice and ISBN numbers never count.
import { countriesToTry, PhoneReadings, type PhoneReading } from '../phoneNumber';
import type { Recognizer } from '../recognizer';
import { factsOf, type DigitStretch } from '../textFacts';
import type { Span } from '../types';

const gap = String.raw`[ \u00a0]`;
const separator = String.raw`(?:${gap}?\(\d{1,4}\)${gap}?|${gap}?[.\-/]${gap}?|${gap})`;
// An extension after the number belongs to the span, not to the number read: "+1-604-696-5272x565", "… ext. 12".
const candidatePattern = new RegExp(
  String.raw`(?<![\p{L}\p{N}_#@+])(?<!#${gap})(?<!\d[.,\-/:])(?:\+${gap}?|\(\+?\d{1,4}\)${gap}?)?\d+(?:${separator}\d+)*` +
    String.raw`(?<extension>${gap}?(?:x|ext\.?|extn\.?|extension)${gap}?\d{1,5})?(?![\p{L}\p{N}_])(?![.,\-/:]\d)`,
  'gu',
);
// A candidate is made of digits and of what groups them: spaces, brackets, "+", ".", "-" and "/". Only a stretch of
// those that holds seven digits can give a phone number; the candidate pattern runs in those stretches alone.
const groupingChar = /[ \u00a0().+\/-]/u;

const phoneWords = precededBy([
  'tel', 't[ée]l[ée]phone', 'telephone', 'phone', 'ph', 'mobile', 'portable', 'port', 'gsm', 'cell', 'call(?:ed|ing|s)?', 'ring',
  'text', 'txt', 'sms', 'whatsapp', 'signal', 'appel\\w*', 'joindre', 'num[ée]ro', 'number', 'no', 'n°', 'contact\\w*', 'fax',
  'dial(?:l?ed|l?ing)?', 'answer(?:ing|s)?', 'messages?', 'voicemail', 'desk', 'landline', 'handy', 'telefon', 'tfn',
  'reach\\s+(?:me|us|him|her|them)',
], String.raw`[^\n]{0,25}`);
// A label alone on the line before: "Phone:\n60-56-85-91".
const phoneLabelLine = /(?<![\p{L}])(?:tel|t[ée]l[ée]phone|telephone|phone|mobile|portable|gsm|cell|fax|desk|landline|handy|telefon)[ \t]*:?[ \t]*\r?\n[ \t]*$/iu;
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
  recognize(text, context) {
    const { requester, defaultCountry } = context;
    const countries = countriesToTry(defaultCountry);
    const spans: Span[] = [];
    const facts = factsOf(text, context);
    // A phone number holds seven digits at least: posts without are spared the candidate scan.
    if (!facts.hasDigitStretch(7)) return spans;
    for (const match of candidatesIn(text, facts.digitStretches)) {
      const extension = match.groups?.extension ?? '';
      const written = match[0].slice(0, match[0].length - extension.length);
      const digits = digitsOf(written);
      if (digits.length < 7 || digits.length > 15) continue;
      const lineBefore = lineEndingAt(text, match.index, 40);
      let afterPhoneWordKnown: boolean | undefined;
      // Looked up when first needed: most candidates are settled by their shape.
      const isAfterPhoneWord = () =>
        (afterPhoneWordKnown ??= phoneWords.test(lineBefore) || (lineBefore.trim() === '' && phoneLabelLine.test(text.slice(Math.max(0, match.index - 30), match.index))));
      if (namesAnotherNumber(lineBefore) || (isbnLike.test(digits) && digits.length === 13) || dateLike.test(written)) continue;
      // Without a trunk 0 or a country code no national number is this long; a French NIR (15 digits) is.
      if (ssnLike.test(written) || ibanBefore.test(lineBefore) || (/^[1-9]/u.test(written) && digits.length > 11 && !isAfterPhoneWord())) continue;
      // Reading a number is most of the cost: only numbers that could be the requester's, or that plausibleScore
      // could accept (an international, trunk-0 or North American shape, or a phone word before), are read at all.
      const shaped = /^(?:\+|\(\+|00|0|\(0)/u.test(written) || northAmerican.test(written);
      if (!requester.phoneEndings.has(digits.slice(-7)) && !shaped && !isAfterPhoneWord()) continue;
      const readings = new PhoneReadings(written, countries);
      if (!readings.some(() => true)) continue;
      const start = match.index;
      const end = start + match[0].length;
      if (endsLikeOneOf(requester.phones, digits) && readings.isOneOf(requester.phones, requester.phoneCallingCodes)) {
        spans.push({ start, end, type: 'phone', owner: 'requester', score: 1 });
        continue;
      }
      if (companyWords.test(lineBefore)) continue;
      // "0 800 …" is a French freephone line; "030 …" is a UK business number but a Berlin home number. A
      // business reading rules when it is the default country's or the only one.
      const local = readings.readAs(defaultCountry);
      if ((local?.valid && isBusiness(local)) || !readings.some((r) => !isBusiness(r))) continue;
      const score = plausibleScore(written, digits, readings, isAfterPhoneWord()) ?? announcedScore(text, match.index, end, written, digits, isAfterPhoneWord());
      if (score === undefined) continue;
      spans.push({ start, end, type: 'phone', owner: 'other', score });
    }
    return spans;
  },
};

/** The candidates in stretches of seven digits or more: those matchAll would find there, in order. */
function candidatesIn(text: string, stretches: readonly DigitStretch[]): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  for (const stretch of stretches) {
    if (stretch.digitCount < 7) continue;
    // The stretch with the grouping characters about it ("(+33 6 …) "): no candidate crosses those edges, so the
    // pattern finds there what a scan of the whole text would.
    let start = stretch.start;
    while (start > 0 && isCandidateChar(text.charAt(start - 1))) start -= 1;
    let end = stretch.end;
    while (end < text.length && isCandidateChar(text.charAt(end))) end += 1;
    candidatePattern.lastIndex = start;
    for (let match = candidatePattern.exec(text); match !== null && match.index < end; match = candidatePattern.exec(text)) found.push(match);
  }
  return found;
}

/**
 * Whether one of `e164s` ends in the last two digits written. Reading a number rewrites only its start (dialling
 * prefix, calling code, trunk prefix), so every reading ends in those two digits, as
 * test/pii/phoneReadingEnds.test.ts checks against the library: a number that no requester's number ends like
 * cannot be theirs, and is spared the readings in the requester's countries.
 */
function endsLikeOneOf(e164s: ReadonlySet<string>, digits: string): boolean {
  const lastTwo = digits.slice(-2);
  for (const e164 of e164s) if (e164.endsWith(lastTwo)) return true;
  return false;
}

/** The ASCII digits of a written number: what /\D/gu removal leaves, without a pattern. */
function digitsOf(written: string): string {
  let digits = '';
  for (let i = 0; i < written.length; i++) {
    const code = written.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += written.charAt(i);
  }
  return digits;
}

/** Up to `length` characters before `index`, from the start of their line on. */
function lineEndingAt(text: string, index: number, length: number): string {
  const before = text.slice(Math.max(0, index - length), index);
  return before.slice(before.lastIndexOf('\n') + 1);
}

function isCandidateChar(char: string): boolean {
  return (char >= '0' && char <= '9') || groupingChar.test(char);
}

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

function isBusiness(reading: PhoneReading): boolean {
  return reading.type !== undefined && businessTypes.has(reading.type);
}

// How people group the digits of a phone number: two to four digits a group, one separator between groups.
const groupedLikePhone = /^\+?\(?\d{1,4}\)?(?:[ .\-/]\(?\d{2,4}\)?){1,5}$/u;
const currencyNear = /[$€£¥]|\b(?:eur|usd|gbp|chf|dollars?|euros?|pounds?)\b/iu;

/**
 * A number announced as a phone number ("Phone: 51 516 33 75", "they're not answering at 78 651 450") and grouped
 * as one, in a country none of whose numbering plans we read: the label and the shape are enough. Not an amount.
 */
function announcedScore(text: string, start: number, end: number, written: string, digits: string, afterPhoneWord: boolean): number | undefined {
  if (!afterPhoneWord || digits.length < 8 || digits.length > 13 || !groupedLikePhone.test(written)) return undefined;
  if (currencyNear.test(text.slice(Math.max(0, start - 4), start)) || currencyNear.test(text.slice(end, end + 8))) return undefined;
  return 0.6;
}

/**
 * How sure the shape or context makes us that this is a phone number (0.9 when a personal reading is valid, 0.7
 * when it is only possible), or undefined when they do not. Numbers reserved for fiction and new ranges are
 * "possible" but not "valid": a phone-like shape is enough for those.
 */
function plausibleScore(written: string, digits: string, readings: PhoneReadings, afterPhoneWord: boolean): number | undefined {
  const validExists = () => readings.some((r) => r.valid && !isBusiness(r));
  const grouped = /[ \u00a0.\-/()]/u.test(written);
  if (/^(?:\+|\(\+|00)/u.test(written)) return validExists() ? 0.9 : 0.7;
  if (written.startsWith('0') || written.startsWith('(0')) {
    // "0612345678" (France, 10 digits) and "07700900123" (UK, 11) are how people type mobiles.
    if (grouped || digits.length === 10 || digits.length === 11) return validExists() ? 0.9 : grouped || afterPhoneWord ? 0.7 : undefined;
    return afterPhoneWord && validExists() ? 0.9 : undefined;
  }
  if (northAmerican.test(written) && grouped) {
    // A North American reading first, valid or not; then any valid one.
    if (readings.some((r) => r.e164.startsWith('+1') && r.valid && !isBusiness(r))) return 0.9;
    if (readings.some((r) => r.e164.startsWith('+1') && !isBusiness(r))) return 0.7;
    return validExists() ? 0.9 : undefined;
  }
  return afterPhoneWord && validExists() ? 0.9 : undefined;
}
