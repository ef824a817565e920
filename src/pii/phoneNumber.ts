// Reading a written phone number as one or more E.164 numbers. The same digits can be a number in several
// countries ("077 564 86 53" is French and Swiss), so every plausible reading is kept and compared.
import { parsePhoneNumberFromString, type CountryCode, type NumberType } from 'libphonenumber-js/max';

export interface PhoneReading {
  e164: string;
  valid: boolean;
  type: NumberType;
  /** The country whose national format the written number was read in. */
  readAs: CountryCode;
}

// The forum's members write from these countries; the default country is tried first.
const neighbourCountries: CountryCode[] = ['FR', 'GB', 'US', 'DE', 'BE', 'CH', 'ES', 'IT'];

export function countriesToTry(defaultCountry: CountryCode): CountryCode[] {
  return [defaultCountry, ...neighbourCountries.filter((c) => c !== defaultCountry)];
}

/** Every possible reading, valid ones first; empty when the digits cannot be a phone number anywhere. */
export function readPhone(written: string, countries: CountryCode[]): PhoneReading[] {
  const readings = new Map<string, PhoneReading>();
  for (const country of countries) {
    const parsed = parsePhoneNumberFromString(written, country);
    if (!parsed || !parsed.isPossible() || readings.has(parsed.number)) continue;
    readings.set(parsed.number, { e164: parsed.number, valid: parsed.isValid(), type: parsed.getType(), readAs: country });
  }
  return [...readings.values()].sort((a, b) => Number(b.valid) - Number(a.valid));
}
