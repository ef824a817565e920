// Reading a written phone number as one or more E.164 numbers. The same digits can be a number in several
// countries ("077 564 86 53" is French and Swiss), so every plausible reading is kept and compared.
import { parsePhoneNumberFromString, type CountryCode, type NumberType, type PhoneNumber } from 'libphonenumber-js/max';

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
  // A number written with its "+" calling code reads the same whatever the default country: parsing it once
  // gives the only reading the other countries would repeat, at an eighth of the cost.
  const tried = written.startsWith('+') ? countries.slice(0, 1) : countries;
  for (const country of tried) {
    const parsed = parsePhoneNumberFromString(written, country);
    if (!parsed || !parsed.isPossible() || readings.has(parsed.number)) continue;
    readings.set(parsed.number, lazyReading(parsed, country));
  }
  return [...readings.values()].sort((a, b) => Number(b.valid) - Number(a.valid));
}

/**
 * The type is looked up only when asked for: it costs as much as the validity check, and most readings are never
 * asked. A number that is not valid has no type (validity is having one), so only valid readings look it up.
 */
function lazyReading(parsed: PhoneNumber, readAs: CountryCode): PhoneReading {
  const valid = parsed.isValid();
  let type: NumberType | null = valid ? null : undefined;
  return {
    e164: parsed.number,
    valid,
    get type(): NumberType {
      if (type === null) type = parsed.getType();
      return type;
    },
    readAs,
  };
}
