// The names of the world's countries as an address ends with them ("…, 75009 Paris, France", "Leeds LS6 2AB\nUnited
// Kingdom"): their English names, the usual short forms, and the name in the country's own language where it differs.
// A country alone is no address; it only tells where an address written as a block of lines ends.

const names = `
  Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|
  Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|
  Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cabo Verde|Cape Verde|Cambodia|Cameroon|Canada|Central African Republic|
  Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|
  Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|
  Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Greenland|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|
  Haiti|Honduras|Hong Kong|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|
  Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|
  Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|
  Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|
  New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|
  Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Puerto Rico|Qatar|Romania|Russia|Russian Federation|
  Rwanda|Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|
  Slovenia|Solomon Islands|Somalia|South Africa|South Korea|Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|
  Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Türkiye|
  Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|UK|U.K.|Great Britain|England|Scotland|Wales|
  Northern Ireland|United States|United States of America|USA|U.S.A.|US|Uruguay|Uzbekistan|Vanuatu|Venezuela|
  Vietnam|Viet Nam|Yemen|Zambia|Zimbabwe|
  Deutschland|Österreich|Schweiz|Suisse|Svizzera|Belgique|België|Nederland|España|Italia|Polska|Česko|
  Magyarország|Danmark|Norge|Sverige|Suomi|Ísland|Éire|Hellas|Ελλάδα|Κύπρος|Brasil|México|Perú|Türkiye
`;

/** Folded to lower case with single spaces: "united kingdom". */
const countrySet = new Set(
  names
    .split('|')
    .map((name) => name.trim().replace(/\s+/gu, ' ').toLowerCase())
    .filter((name) => name !== ''),
);

/** The longest number of words a country name has ("United States of America"). */
export const longestCountryName = Math.max(...[...countrySet].map((name) => name.split(' ').length));

const firstWords = new Set([...countrySet].map((name) => name.split(' ')[0] ?? ''));

/** Whether a word, in lower case, is the first of some country's name ("united", "france"): a look before the rest. */
export function mayStartCountryName(lowerCaseWord: string): boolean {
  return firstWords.has(lowerCaseWord);
}

/** Whether words, as written (any case, any run of spaces between them), are a country's name. */
export function isCountryName(words: string): boolean {
  return countrySet.has(words.replace(/\s+/gu, ' ').toLowerCase());
}
