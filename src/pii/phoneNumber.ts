// Reading a written phone number as one or more E.164 numbers. The same digits can be a number in several
// countries ("077 564 86 53" is French and Swiss), so every plausible reading is kept and compared.
import type * as PhoneCore from 'libphonenumber-js/core';
import {
  getCountryCallingCode,
  parseIncompletePhoneNumber,
  parsePhoneNumberFromString,
  type CountryCode,
  type NumberType,
  type PhoneNumber,
} from 'libphonenumber-js/max';

// The metadata's numbering plans, for the international dialling prefix of a country ("00", "011"), which the
// package reads but does not export.
const { Metadata } = require('libphonenumber-js/core') as typeof PhoneCore;
const maxMetadata = require('libphonenumber-js/metadata.max.json') as PhoneCore.MetadataJson;

export interface PhoneReading {
  e164: string;
  /** The calling code the number was read with: "33" for "+33612345678". */
  callingCode: string;
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
  return new PhoneReadings(written, countries).all();
}

/**
 * The readings of one written number, made country by country only as far as a question needs: parsing a number
 * in one country costs as much as everything else the detector does with it, and most questions ("is any reading
 * valid?") are answered by the first country. Readings come in the order of the countries; a number read the same
 * in two countries keeps the first.
 */
export class PhoneReadings {
  private readonly read: PhoneReading[] = [];
  private readonly e164s = new Set<string>();
  /** Each country's parse, once made: a possible number, or null. */
  private readonly parses = new Map<CountryCode, PhoneNumber | null>();
  private next = 0;
  private readonly countries: readonly CountryCode[];

  constructor(
    private readonly written: string,
    countries: readonly CountryCode[],
  ) {
    // A number written with its "+" calling code reads the same whatever the default country: parsing it once
    // gives the only reading the other countries would repeat, at an eighth of the cost.
    this.countries = written.startsWith('+') ? countries.slice(0, 1) : countries;
  }

  /** Whether some reading passes the test; countries are read until one does. */
  some(test: (reading: PhoneReading) => boolean): boolean {
    for (let i = 0; ; i++) {
      while (i >= this.read.length) if (!this.readNextCountry()) return false;
      if (test(this.read[i] as PhoneReading)) return true;
    }
  }

  /**
   * Whether some reading is one of `e164s`, whose calling codes are `callingCodes`. Written without "+", a number
   * reads with the calling code of the country it is read in, unless it starts with that country's international
   * prefix ("00", "011"): the other countries need not be read at all.
   */
  isOneOf(e164s: ReadonlySet<string>, callingCodes: ReadonlySet<string>): boolean {
    // The digits (and leading "+") that the parser reads the calling code from.
    const digits = parseIncompletePhoneNumber(this.written);
    const international = digits.startsWith('+');
    return this.countries.some((country) => {
      if (!international && !callingCodes.has(getCountryCallingCode(country)) && !internationalPrefixOf(country).test(digits)) return false;
      const parsed = this.parseIn(country);
      return parsed !== null && e164s.has(parsed.number);
    });
  }

  /** The reading made in a country's national format, if that country gave one of its own. */
  readAs(country: CountryCode): PhoneReading | undefined {
    const index = this.countries.indexOf(country);
    while (this.next <= index) this.readNextCountry();
    return this.read.find((r) => r.readAs === country);
  }

  /** Every reading, valid ones first. */
  all(): PhoneReading[] {
    return [...this.inCountryOrder()].sort((a, b) => Number(b.valid) - Number(a.valid));
  }

  /** Every reading, in the order of the countries: without asking which are valid, which costs a lookup each. */
  inCountryOrder(): readonly PhoneReading[] {
    while (this.next < this.countries.length) this.readNextCountry();
    return this.read;
  }

  /** Reads the next country; false when none was left. */
  private readNextCountry(): boolean {
    const country = this.countries[this.next];
    if (country === undefined) return false;
    this.next += 1;
    const parsed = this.parseIn(country);
    if (parsed !== null && !this.e164s.has(parsed.number)) {
      this.e164s.add(parsed.number);
      this.read.push(lazyReading(parsed, country));
    }
    return true;
  }

  private parseIn(country: CountryCode): PhoneNumber | null {
    let parsed = this.parses.get(country);
    if (parsed === undefined) {
      const number = parsePhoneNumberFromString(this.written, country);
      parsed = number && number.isPossible() ? number : null;
      this.parses.set(country, parsed);
    }
    return parsed;
  }
}

const internationalPrefixes = new Map<CountryCode, RegExp>();

/** The country's international dialling prefix, at the start of a number's digits. */
function internationalPrefixOf(country: CountryCode): RegExp {
  let prefix = internationalPrefixes.get(country);
  if (prefix === undefined) {
    const metadata = new Metadata(maxMetadata);
    metadata.selectNumberingPlan(country);
    prefix = new RegExp(`^(?:${metadata.numberingPlan?.IDDPrefix() ?? ''})`, 'u');
    internationalPrefixes.set(country, prefix);
  }
  return prefix;
}

/**
 * Type and validity are looked up only when asked for: the lookup costs about as much as the parse, and many
 * readings are never asked. It is one lookup for both: with the full ("max") metadata every country has the
 * patterns of its number types, and a number is then valid exactly when it has a type (PhoneNumber.isValid).
 */
function lazyReading(parsed: PhoneNumber, readAs: CountryCode): PhoneReading {
  let type: NumberType | null = null;
  const typeOf = (): NumberType => {
    if (type === null) type = parsed.getType();
    return type;
  };
  return {
    e164: parsed.number,
    callingCode: parsed.countryCallingCode,
    get valid(): boolean {
      return typeOf() !== undefined;
    },
    get type(): NumberType {
      return typeOf();
    },
    readAs,
  };
}
