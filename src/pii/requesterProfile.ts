// The requester's identifiers prepared once for matching: name forms, normalised emails, every reading of
// their phone numbers, usernames folded like the text they are searched in, addresses as canonical words, and
// the bare given and family names that tell a look-alike ("kayleigh96@…", "Marie Dupond") from them.
import type { CountryCode } from 'libphonenumber-js';
import { addressFormOf } from './addressForm';
import { normaliseEmail } from './emailAddress';
import { foldNeedle } from './foldedText';
import { genderOfGivenName, type NameGender } from './givenNames';
import { nameFormsOf, type NameForm } from './personName';
import { countriesToTry, PhoneReadings } from './phoneNumber';
import type { RequesterIdentifiers } from './types';

export interface RequesterProfile {
  nameForms: NameForm[];
  emails: Set<string>;
  phones: Set<string>;
  /** The calling codes of those phone numbers: a number read with another calling code is not one of them. */
  phoneCallingCodes: Set<string>;
  /** The last seven digits of each phone number: a written number that ends otherwise cannot be one of them. */
  phoneEndings: Set<string>;
  usernames: string[];
  /** Each address as canonical words (see addressForm). */
  addresses: string[][];
  /** Folded given names ("marie", "tuan") and family-name words ("dupont", "le", "gall"). */
  givenNames: string[];
  familyNames: string[];
  /** Every folded word of the requester's names. */
  nameTokens: string[];
  /** The name as a handle or link spells it, letters only: "mariedupont", "dupontmarie", "mdupont", "legall". */
  nameSpellings: Set<string>;
  /** The given name as a link spells it alone, compound ones too: "khadija", "fatimazahra". */
  givenSpellings: Set<string>;
  /** What a courtesy title must agree with to mean the requester: "M. Dupont" is not Marie Dupont. */
  gender: NameGender | undefined;
  /** Whether anything was given at all: without identifiers, nothing in a post is the requester's. */
  isEmpty: boolean;
}

export function buildRequesterProfile(identifiers: RequesterIdentifiers, defaultCountry: CountryCode): RequesterProfile {
  const countries = countriesToTry(defaultCountry);
  const nameForms = identifiers.names.flatMap(nameFormsOf);
  const fullForms = nameForms.filter((f) => f.kind === 'full' && f.score === 1);
  const givenNames = [...new Set(fullForms.map((f) => (f.familyFirst ? f.tokens[f.tokens.length - 1] : f.tokens[0]) ?? ''))].filter((g) => g.length >= 2);
  const familyNames = [...new Set(fullForms.flatMap((f) => f.family.split(' ')))].filter((w) => w.length >= 2);
  const genders = new Set(givenNames.map(genderOfGivenName));
  // The requester typed their number in their own country's format, which we do not know: keep every reading.
  const phoneReadings = identifiers.phones.flatMap((p) => new PhoneReadings(p, countries).inCountryOrder());
  const profile: RequesterProfile = {
    nameForms,
    emails: new Set(identifiers.emails.map(normaliseEmail).filter((e) => e !== '')),
    phones: new Set(phoneReadings.map((r) => r.e164)),
    phoneCallingCodes: new Set(phoneReadings.map((r) => r.callingCode)),
    phoneEndings: new Set(),
    usernames: [
      ...new Set(
        identifiers.usernames
          .map((u) => foldNeedle(u.trim().replace(/^@/u, '')))
          // Too short to tell from ordinary words.
          .filter((u) => u.length >= 3),
      ),
    ],
    addresses: (identifiers.addresses ?? []).map(addressFormOf).filter((words) => words.length >= 3),
    givenNames,
    familyNames,
    nameTokens: [...new Set(fullForms.flatMap((f) => f.tokens.flatMap((t) => t.split(' '))))],
    nameSpellings: new Set(fullForms.flatMap(spellingsOf)),
    givenSpellings: new Set(fullForms.flatMap(givenSpellingsOf)),
    gender: genders.size === 1 ? [...genders][0] : undefined,
    isEmpty: false,
  };
  profile.phoneEndings = new Set([...profile.phones].map((e164) => e164.slice(-7)));
  profile.isEmpty =
    profile.nameForms.length === 0 && profile.emails.size === 0 && profile.phones.size === 0 && profile.usernames.length === 0 && profile.addresses.length === 0;
  return profile;
}

/** The words of a full name split into given names (first, or last in family-first order) and family name. */
function partsOf(form: NameForm): { given: string[]; family: string[] } {
  const words = form.tokens.flatMap((t) => t.split(' '));
  const family = form.family.split(' ').filter((w) => w !== '');
  const given = form.familyFirst ? words.slice(family.length) : words.slice(0, words.length - family.length);
  return { given: form.familyFirst ? given.reverse() : given, family };
}

const lettersOf = (words: string[]) => words.join('').replace(/[^\p{L}]/gu, '');

function spellingsOf(form: NameForm): string[] {
  const { given, family } = partsOf(form);
  const first = given[0] ?? '';
  return [
    lettersOf(form.tokens),
    lettersOf([...family, ...given]),
    lettersOf([...given, ...family]),
    lettersOf([first, ...family]),
    lettersOf([...family, first]),
    lettersOf([first.charAt(0), ...family]),
    lettersOf([first, (family[0] ?? '').charAt(0)]),
    lettersOf(family),
  ].filter((s) => s.length >= 3);
}

/** "fatima", and "fatimazahra" where the family name given was "Zahra Zeroual": a compound given name. */
function givenSpellingsOf(form: NameForm): string[] {
  const { given, family } = partsOf(form);
  const spellings = [lettersOf(given.slice(0, 1)), lettersOf(given)];
  for (let k = 1; k < family.length; k++) spellings.push(lettersOf([...given, ...family.slice(0, k)]));
  return spellings.filter((s) => s.length >= 3);
}
