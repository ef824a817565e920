// The requester's identifiers prepared once for matching: name forms, normalised emails, every reading of
// their phone numbers, and usernames folded like the text they are searched in.
import type { CountryCode } from 'libphonenumber-js';
import { normaliseEmail } from './emailAddress';
import { foldNeedle } from './foldedText';
import { nameFormsOf, type NameForm } from './personName';
import { countriesToTry, readPhone } from './phoneNumber';
import type { RequesterIdentifiers } from './types';

export interface RequesterProfile {
  nameForms: NameForm[];
  emails: Set<string>;
  phones: Set<string>;
  usernames: string[];
}

export function buildRequesterProfile(identifiers: RequesterIdentifiers, defaultCountry: CountryCode): RequesterProfile {
  const countries = countriesToTry(defaultCountry);
  return {
    nameForms: identifiers.names.flatMap(nameFormsOf),
    emails: new Set(identifiers.emails.map(normaliseEmail).filter((e) => e !== '')),
    // The requester typed their number in their own country's format, which we do not know: keep every reading.
    phones: new Set(identifiers.phones.flatMap((p) => readPhone(p, countries).map((r) => r.e164))),
    usernames: [
      ...new Set(
        identifiers.usernames
          .map((u) => foldNeedle(u.trim().replace(/^@/u, '')))
          // Too short to tell from ordinary words.
          .filter((u) => u.length >= 3),
      ),
    ],
  };
}
