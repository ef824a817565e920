// The grammar of a postal address as people write one in French, Belgian, Swiss, German, UK and US posts: house
// number and street (in the order each country writes them), an optional flat, then postcode and city, city and UK
// postcode, or city, state and ZIP, on one line or several.

/** Every case people type a keyword in: "rue", "Rue", "RUE"; the patterns are case-sensitive for names. */
function anyCase(words: readonly string[]): string {
  const forms = new Set(words.flatMap((w) => [w, w.toLowerCase(), w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)]));
  return [...forms]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/\./gu, '\\.'))
    .join('|');
}

const sp = String.raw`[ \t\u00a0]`;
// Between street and postcode: a comma, a dash, a line break or just a space.
const sep = String.raw`(?:${sp}*,${sp}*(?:\r?\n${sp}*)?|${sp}+[-–—]${sp}+|${sp}*\r?\n${sp}*|${sp}+)`;
const houseNumber = String.raw`\d{1,5}(?:${sp}?(?:bis|ter|quater|BIS|TER)(?![\p{L}])|[A-Za-z](?![\p{L}\p{N}]))?`;
// A capitalised word; a dot only after the abbreviations of saints and mounts ("St. Louis"), never a full stop.
const capWord = String.raw`(?:(?:St|Ste|Mt|Ft)\.|\p{Lu}[\p{L}'’\-]*)`;
// "Saint-Germain-en-Laye", "LA ROCHELLE", "Ann Arbor", "Frankfurt am Main", "Stratford upon Avon".
// The repeated group captures (nothing reads it) because V8 copies a group without captures three times for {0,3}:
// with five cities in numberFirstAddressPattern, that copying alone was 700 KB of its compiled code.
const city = String.raw`${capWord}((?:${sp}+|-)(?:(?:sur|sous|en|le|la|les|lès|de|du|des|aux|am|an|der|im|upon|on)(?:${sp}+|-))?${capWord}){0,3}`;
const lowerCaseCity = String.raw`\p{Ll}[\p{L}'’\-]*`;

const flatWords = anyCase([
  'flat', 'apt', 'apt.', 'apartment', 'unit', 'suite', 'ste', 'room', 'floor', 'appt', 'appt.', 'app.', 'appartement', 'bâtiment', 'batiment',
  'bât.', 'bat.', 'bât', 'bat', 'escalier', 'esc.', 'étage', 'etage', 'porte', 'logement', 'résidence', 'residence', 'wohnung', 'whg.',
]);
const flat = String.raw`(?:(?:${flatWords})${sp}*[\p{L}\p{N}][\p{L}\p{N}\-]{0,4}|#${sp}?\d{1,5}[A-Za-z]?)`;

const frenchStreetTypes = [
  'rue', 'r.', 'avenue', 'av.', 'av', 'ave', 'boulevard', 'bd', 'bd.', 'blvd', 'bld', 'place', 'pl.', 'quai', 'chemin', 'ch.', 'route', 'rte',
  'impasse', 'imp.', 'allée', 'allee', 'cours', 'square', 'passage', 'faubourg', 'fbg', 'rond-point', 'voie', 'sentier', 'cité', 'cite',
  'résidence', 'lotissement', 'hameau', 'lieu-dit', 'promenade', 'esplanade', 'parvis', 'villa', 'montée', 'traverse', 'chaussée',
  'chaussee', 'clos', 'quartier', 'ruelle', 'venelle', 'grand-rue', 'drève',
];
// Spanish and Italian streets put the type first and the number after, as Belgium does: "Calle Mayor 5", "Via Roma, 10".
const southernStreetTypes = ['calle', 'avenida', 'plaza', 'paseo', 'carrer', 'via', 'viale', 'piazza', 'corso', 'largo', 'vicolo', 'rua'];
// Street names keep their articles and saints: "de la Croix-Rousse", "du Faubourg Saint-Antoine", "Jean Jaurès".
const streetNameWord = String.raw`(?:\p{L}[\p{L}'’.\-]*|\d{1,2}(?:er|e)?(?=${sp}+\p{L}))`;

// The street suffixes of USPS Publication 28 and their usual abbreviations, and the UK's.
const englishStreetTypeWords = [
  'Street', 'St', 'Road', 'Rd', 'Avenue', 'Ave', 'Av', 'Lane', 'Ln', 'Drive', 'Dr', 'Close', 'Crescent', 'Cres', 'Grove', 'Grv', 'Way', 'Wy',
  'Court', 'Ct', 'Place', 'Pl', 'Terrace', 'Ter', 'Terr', 'Gardens', 'Gdns', 'Garden', 'Gdn', 'Square', 'Sq', 'Hill', 'Hl', 'Hills', 'Mews',
  'Row', 'Walk', 'Walks', 'Park', 'Parks', 'Rise', 'View', 'Vw', 'Views', 'Green', 'Grn', 'Greens', 'Parade', 'Boulevard', 'Blvd', 'Broadway',
  'Vale', 'Wharf', 'Yard', 'Circus', 'Gate', 'Gateway', 'Gtwy', 'Mount', 'Mt', 'Quay', 'Ridge', 'Rdg', 'Ridges', 'Chase', 'Croft', 'Heights',
  'Hts', 'Circle', 'Cir', 'Circles', 'Parkway', 'Pkwy', 'Parkways', 'Highway', 'Hwy', 'Trail', 'Trl', 'Trailer', 'Loop', 'Alley', 'Aly',
  'Plaza', 'Plz', 'Pike', 'Crossing', 'Xing', 'Crossroad', 'Point', 'Pt', 'Points', 'Bend', 'Bnd', 'Cove', 'Cv', 'Coves', 'Creek', 'Crk',
  'Expressway', 'Expy', 'Freeway', 'Fwy', 'Junction', 'Jct', 'Junctions', 'Manor', 'Mnr', 'Manors', 'Meadow', 'Meadows', 'Mdws', 'Pass',
  'Passage', 'Route', 'Rte', 'Turnpike', 'Tpke', 'Village', 'Vlg', 'Villages', 'Ville', 'Vista', 'Vis', 'Landing', 'Lndg', 'Common', 'Commons',
  'Glen', 'Gln', 'Glens', 'Run', 'Path', 'Annex', 'Arcade', 'Bayou', 'Beach', 'Bluff', 'Bluffs', 'Bottom', 'Branch', 'Bridge',
  'Brg', 'Brook', 'Brooks', 'Burg', 'Burgs', 'Bypass', 'Camp', 'Canyon', 'Cape', 'Causeway', 'Center', 'Centre', 'Centers', 'Cliff',
  'Cliffs', 'Club', 'Corner', 'Corners', 'Course', 'Courts', 'Crest', 'Curve', 'Dale', 'Dam', 'Divide', 'Drives', 'Estate', 'Estates',
  'Extension', 'Ext', 'Extensions', 'Fall', 'Falls', 'Ferry', 'Field', 'Fields', 'Flat', 'Flats', 'Ford', 'Fords', 'Forest', 'Forge',
  'Forges', 'Fork', 'Forks', 'Fort', 'Ft', 'Harbor', 'Harbour', 'Harbors', 'Haven', 'Hollow', 'Inlet', 'Island', 'Islands', 'Isle',
  'Key', 'Keys', 'Knoll', 'Knolls', 'Lake', 'Lakes', 'Land', 'Light', 'Lights', 'Loaf', 'Lock', 'Locks', 'Lodge', 'Mall', 'Mill', 'Mills',
  'Mission', 'Motorway', 'Mountain', 'Mountains', 'Neck', 'Orchard', 'Oval', 'Overpass', 'Pine', 'Pines', 'Plain', 'Plains', 'Port', 'Ports',
  'Prairie', 'Radial', 'Ramp', 'Ranch', 'Rapid', 'Rapids', 'Rest', 'River', 'Roads', 'Shoal', 'Shoals', 'Shore', 'Shores', 'Skyway',
  'Spring', 'Springs', 'Spur', 'Spurs', 'Squares', 'Station', 'Stravenue', 'Stream', 'Streets', 'Summit', 'Throughway', 'Trace', 'Track',
  'Trafficway', 'Tunnel', 'Underpass', 'Union', 'Unions', 'Valley', 'Valleys', 'Via', 'Viaduct', 'Wall', 'Ways', 'Well', 'Wells', 'Embankment',
];

// German streets are one word ending in a street word ("Kastanienallee") or capitalised words before one
// ("Berliner Straße"), or start with a preposition ("Am Markt", "Unter den Linden").
const germanSuffix = /(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad|markt|graben|hof|berg|feld|park|kai|wall|zeile|stieg|brücke|tor|garten|höhe|hain|grund|anger|aue|bogen|heide|kamp|siedlung|tal|winkel)$/iu;
const germanTypeWord = /^(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|markt|graben)$/iu;
const germanPreposition = /^(?:am|an der|auf der|im|in der|zum|zur|unter den|hinter der)\s/iu;
const typeFirst = new Set([...frenchStreetTypes, ...southernStreetTypes]);

const usStates = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI',
  'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'PR', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT',
  'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware',
  'Florida', 'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey',
  'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island',
  'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming',
].sort((a, b) => b.length - a.length);
const canadianProvinces = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'];
const ukPostcode = String.raw`[A-Z]{1,2}\d[A-Z\d]?${sp}?\d[A-Z]{2}`;
const countries = [
  'USA', 'U\\.S\\.A\\.', 'United States(?: of America)?', 'UK', 'United Kingdom', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'Ireland',
  'Canada', 'France', 'FRANCE', 'Belgique', 'Belgium', 'België', 'Suisse', 'Switzerland', 'Schweiz', 'Svizzera', 'Deutschland', 'Germany',
  'Österreich', 'Austria', 'Luxembourg', 'España', 'Spain', 'Italia', 'Italy', 'Nederland', 'Netherlands',
];

const flatAfter = String.raw`(?:,?${sp}+${flat})?`;
const flatLine = String.raw`(?:,?${sp}*${flat}${sep})?`;
/** Where the street is: postcode and city, city and UK postcode, city with US state or Canadian province; maybe a country. */
// "75009 Paris", "1700 Fribourg", "D-80331 München", "13006 Marseille Cedex 2"
const postcodeFirst = String.raw`(?:[A-Z]{1,2}-)?\d{4,5}${sp}+(?:${city}|${lowerCaseCity})(?:${sp}+(?:Cedex|CEDEX)(?:${sp}+\d{1,2})?)?`;
const country = String.raw`(?:,?${sp}*(?:\r?\n${sp}*)?(?:${countries.join('|')}))?(?![\p{L}\p{N}])`;
const locality =
  String.raw`(?:${postcodeFirst}` +
  // "Leeds LS6 2AB", "London, N16 7UJ"
  String.raw`|(?:${city},?${sp}+)?${city},?${sp}*(?:\r?\n${sp}*)?${ukPostcode}` +
  // "Asheville, NC 28801", "Portland, Oregon", "Ottawa, ON K1A 0B1"
  String.raw`|${city},?${sp}+(?:${usStates.join('|')})(?:,?${sp}+\d{5}(?:-\d{4})?)?` +
  String.raw`|${city},?${sp}+(?:${canadianProvinces.join('|')})(?:,?${sp}+[A-Z]\d[A-Z]${sp}?\d[A-Z]\d)?` +
  String.raw`)${country}`;

// Any word of a street name, its articles included: "de la Croix-Rousse", "Jean Jaurès", "42nd".
const anyStreetWord = String.raw`(?:\p{L}[\p{L}'’.\-]*|\d{1,3}(?:st|nd|rd|th|er|e)(?![\p{L}\p{N}]))`;

/**
 * Addresses that start with the house number or a post-office box: "12 rue du Helder, 75009 Paris",
 * "48 Beech Crescent, Leeds LS6 2AB", "4626 Riverside Drive, Apt 2A, PORTLAND, OR 97214". The street group
 * is checked by isStreetAfterNumber: keyword lists inside the pattern would make it the slowest of the detector.
 */
export const numberFirstAddressPattern = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${houseNumber},?${sp}+(?<street>${anyStreetWord}(?:${sp}+${anyStreetWord}){0,7})|(?:P\.?${sp}?O\.?${sp}?Box|PO${sp}Box|Bo[îi]te${sp}postale|BP|Postfach)${sp}*\d{1,6})${flatAfter}${sep}${flatLine}${locality}`,
  'gu',
);

/**
 * Addresses that start with the street and put the number after it: "Rue Haute 69, 6000 Charleroi",
 * "Bahnhofstr. 93, 04109 Leipzig". The street group is checked by isStreetBeforeNumber.
 */
export const streetFirstAddressPattern = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?<street>\p{Lu}[\p{L}'’.\-]*(?:${sp}+${streetNameWord}){0,6}),?${sp}+\d{1,4}(?:[a-z]|${sp}?[-/]${sp}?\d{1,4}[a-z]?)?${flatAfter}${sep}${flatLine}${postcodeFirst}${country}`,
  'gu',
);

/** A house number and street alone, for when a word such as "my address" says that is what it is. */
export const streetAlonePattern = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${houseNumber},?${sp}+(?<after>${anyStreetWord}(?:${sp}+${anyStreetWord}){0,6})|(?<before>\p{Lu}[\p{L}'’.\-]*(?:${sp}+${streetNameWord}){0,4})${sp}+\d{1,4}[a-z]?(?![\p{L}\p{N}]))`,
  'gu',
);

/**
 * What every whole address has near its end, and is cheap to find: a postcode before a city ("75009 Paris"), a UK
 * postcode, or a US state or Canadian province after a comma or before a ZIP. The costly patterns only run near one.
 */
export const localityAnchorPattern = new RegExp(
  // Factored on the first digit, which most characters are not: the scan stays cheap.
  String.raw`\d(?:(?<postcode>\d{3,4}${sp}+\p{Lu})|[A-Z]{2}(?![\p{L}\p{N}])|\d{4}(?!\d)(?<=[A-Za-z]${sp}+\d{5}))` +
    String.raw`|[,\n]${sp}*(?:(?<lowerCasePostcode>\d{4,5}${sp}+\p{Ll})|[A-Z]{2}(?![\p{L}]))`,
  'gu',
);

/** ", Springfield." after a street found alone: the city belongs to the address when the sentence ends there. */
export const cityAfterStreet = new RegExp(String.raw`^,${sp}*${city}(?=${sp}*(?:[.!?;)]|\r?\n|$))`, 'u');

/** "Flat 5, " or "Apt 3 - " just before a house number belongs to the address. */
export const flatBefore = new RegExp(String.raw`(?<![\p{L}\p{N}])${flat}(?:,${sp}*|${sp}+[-–]${sp}+|${sp}+)$`, 'iu');

const frenchTypes = new Set(frenchStreetTypes);
const englishTypes = new Set(englishStreetTypeWords.map((w) => w.toLowerCase()));

/** "Street", "Ave", "Crescent", "Pkwy": a USPS or UK street type, folded to lower case without its dot. */
export function isEnglishStreetType(lowerCase: string): boolean {
  return englishTypes.has(lowerCase);
}

// The first letters of the French street types, and their longest length (a dot after one included).
const frenchTypeInitials = new Set(frenchStreetTypes.map((type) => type.charCodeAt(0)));
const longestFrenchType = Math.max(...frenchStreetTypes.map((type) => type.length)) + 1;

/** Whether a lower-case word of `length` starting with `initial` may be a French street type: a look before a slice. */
export function mayBeFrenchStreetType(initial: number, length: number): boolean {
  return length <= longestFrenchType && frenchTypeInitials.has(initial);
}

/** "rue", "r.", "bd", "allée": a French street type, in lower case, that comes before the street's name. */
export function isFrenchStreetType(lowerCase: string): boolean {
  return frenchTypes.has(lowerCase);
}

const nameWordPattern = /[^ \t\u00a0]+/gu;
const article = /^(?:de|du|des|la|le|les|aux|au|sur|en|lès|[dl]['’]\p{L}.*)$/iu;
const namePart = /^(?:\p{Lu}|\d{1,3}(?:st|nd|rd|th|er|e)$)/u;
const directionWord = /^(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?$/u;

/**
 * How much of the words after a house number is a street ("rue du Helder", "Beech Crescent", "W 42nd St N"), or
 * undefined when they are not one. What follows the street ("depuis 2010", a city) is not counted.
 */
export function streetLengthAfterNumber(words: string): number | undefined {
  const parts = [...words.matchAll(nameWordPattern)].map((m) => ({ word: m[0], end: m.index + m[0].length }));
  const first = parts[0]?.word.toLowerCase() ?? '';
  if (frenchTypes.has(first)) {
    let end: number | undefined;
    for (const part of parts.slice(1)) {
      if (namePart.test(part.word)) end = part.end;
      else if (!article.test(part.word)) break;
    }
    return end;
  }
  // An English street is capitalised words, then its type, maybe a direction; after that comes the city.
  for (let i = 1; i < parts.length; i++) {
    if (!namePart.test(parts[i - 1]?.word ?? '') && !directionWord.test(parts[i - 1]?.word ?? '')) return undefined;
    if (englishTypes.has((parts[i]?.word ?? '').toLowerCase().replace(/\.$/u, ''))) {
      const next = parts[i + 1];
      return next !== undefined && directionWord.test(next.word) ? next.end : parts[i]?.end;
    }
  }
  return undefined;
}

/** Whether the words after a house number start with a street; a post-office box has none and is one. */
export function isStreetAfterNumber(street: string | undefined): boolean {
  return street === undefined || streetLengthAfterNumber(street) !== undefined;
}

/** Whether the words before a house number name a street: "Rue Haute", "Calle Mayor", "Kastanienallee", "Am Markt". */
export function isStreetBeforeNumber(street: string): boolean {
  const words = street.trim().split(/\s+/u);
  const first = (words[0] ?? '').toLowerCase();
  const last = words[words.length - 1] ?? '';
  if (typeFirst.has(first)) return true;
  if (germanPreposition.test(`${street.trim()} `) && words.length <= 3) return true;
  if (words.length === 1) return germanSuffix.test(last);
  return words.length <= 3 && germanTypeWord.test(last) && words.every((w) => /^\p{Lu}/u.test(w));
}
