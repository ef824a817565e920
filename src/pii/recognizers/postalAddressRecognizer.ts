// Finds the postal addresses of people, as one span from the flat or house number to the city or ZIP, over two
// lines if written so. A café's, a library's or a company's address is not personal and is left alone.
import {
  cityAfterStreet,
  flatBefore,
  isStreetAfterNumber,
  isStreetBeforeNumber,
  localityAnchorPattern,
  numberFirstAddressPattern,
  streetAlonePattern,
  streetFirstAddressPattern,
  streetLengthAfterNumber,
} from '../postalAddress';
import type { Recognizer } from '../recognizer';
import type { Span } from '../types';

// Just before a venue's or business's address on the same line: "à la librairie Le Bateau Livre, 154 rue …".
const venueWord =
  /(?<!\p{L})(?:caf[ée]|coffee|librairie|bookshop|bookstore|book\s+shop|library|biblioth[èe]que|m[ée]diath[èe]que|restaurant|brasserie|bar|pub|h[ôo]tel|mus[ée]e|museum|th[ée][âa]tre|theatre|theater|cin[ée]ma|mairie|town\s+hall|city\s+hall|shop|store|magasin|boutique|office|bureau|bureaux|si[èe]ge|headquarters|hq|agence|branch|campus|universit[ée]|university|school|[ée]cole|church|[ée]glise|gym|salle|meets\s+at|se\s+retrouve)(?!\p{L})/giu;
const companyForm = /(?<!\p{L})(?:SAS|SARL|SA|Ltd|Inc|LLC|GmbH|AG|plc)\b/gu;
// "At the café, my address is …" is still the writer's own.
const personalAfterVenue = /(?<!\p{L})(?:my|mon|ma|our|notre|chez\s+(?:moi|nous)|i\s+live|j['’]habite)(?!\p{L})/iu;
// Words that say a house number and street alone are someone's address.
const addressWords = String.raw`(?:address|adresse|addr|live\s+(?:at|on)|lives\s+(?:at|on)|habite|domicile|chez\s+(?:moi|lui|elle)|ship(?:ped|ping)?\s+(?:it\s+)?to|send\s+(?:it\s+)?to|envo[iy]\w*|anschrift|wohne|wohnt)`;
const addressCue = new RegExp(String.raw`\b${addressWords}\b`, 'gi');
const addressCueBefore = new RegExp(String.raw`(?<!\p{L})${addressWords}\b[^\n]{0,30}$`, 'iu');
// How far an address reaches before and after its postcode or state: the costly patterns only look there.
const zoneBefore = 140;
const zoneAfter = 80;
const cueZone = 90;

export const postalAddressRecognizer: Recognizer = {
  name: 'postal address',
  recognize(text) {
    const spans: Span[] = [];
    const report = (start: number, end: number, score: number) => {
      const flat = flatBefore.exec(text.slice(Math.max(0, start - 24), start));
      spans.push({ start: flat === null ? start : start - flat[0].length, end, type: 'address', owner: 'other', score });
    };
    for (const zone of zonesAround(text, localityAnchorPattern, zoneBefore, zoneAfter)) {
      const part = text.slice(zone.start, zone.end);
      for (const match of matchesWithStreet(numberFirstAddressPattern, part, isStreetAfterNumber)) {
        const start = zone.start + match.index;
        if (!isVenue(lineBefore(text, start))) report(start, start + match[0].length, 0.9);
      }
      // Streets written before their number ("Rue Haute 69") only come with a postcode before the city.
      if (!zone.postcode) continue;
      for (const match of matchesWithStreet(streetFirstAddressPattern, part, isStreetBeforeNumber)) {
        const start = zone.start + match.index;
        if (!isVenue(lineBefore(text, start))) report(start, start + match[0].length, 0.9);
      }
    }
    for (const zone of zonesAround(text, addressCue, 0, cueZone)) {
      const part = text.slice(zone.start, zone.end);
      if (!/\d/u.test(part)) continue;
      for (const match of matchesWithStreet(streetAlonePattern, part, isStreetBeforeNumber)) {
        const start = zone.start + match.index;
        const after = match.groups?.after;
        // "12 rue du Helder depuis 2010": the street stops where its name does.
        const length = after === undefined ? match[0].length : streetLengthAfterNumber(after);
        if (length === undefined) continue;
        const streetEnd = after === undefined ? start + length : start + match[0].length - after.length + length;
        const end = streetEnd + (cityAfterStreet.exec(text.slice(streetEnd, streetEnd + 60))?.[0].length ?? 0);
        const before = lineBefore(text, start);
        if (!addressCueBefore.test(before) || isVenue(before)) continue;
        if (spans.some((s) => s.start < end && start < s.end)) continue;
        report(start, end, 0.7);
      }
    }
    return spans;
  },
};

/** The stretches of text around each anchor, overlapping ones joined; "postcode" if one was a postcode before a city. */
function zonesAround(text: string, anchor: RegExp, before: number, after: number): { start: number; end: number; postcode: boolean }[] {
  const zones: { start: number; end: number; postcode: boolean }[] = [];
  for (const match of text.matchAll(anchor)) {
    const start = Math.max(0, match.index - before);
    const end = Math.min(text.length, match.index + match[0].length + after);
    const postcode = match.groups?.postcode !== undefined || match.groups?.lowerCasePostcode !== undefined;
    const last = zones[zones.length - 1];
    if (last !== undefined && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.postcode ||= postcode;
    } else {
      zones.push({ start, end, postcode });
    }
  }
  return zones;
}

/** Matches whose street group, when there is one, names a street; a failed one is retried from the next word. */
function* matchesWithStreet(pattern: RegExp, text: string, namesStreet: (street: string) => boolean): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const street = match.groups?.street ?? match.groups?.before;
    if (street === undefined || namesStreet(street)) {
      yield match;
      pattern.lastIndex = match.index + match[0].length;
    } else {
      pattern.lastIndex = match.index + 1;
    }
  }
}

function isVenue(lineBefore: string): boolean {
  const venue = [...lineBefore.matchAll(venueWord), ...lineBefore.matchAll(companyForm)].sort((a, b) => b.index - a.index)[0];
  return venue !== undefined && !personalAfterVenue.test(lineBefore.slice(venue.index));
}

function lineBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 60), index);
  return before.slice(before.lastIndexOf('\n') + 1);
}
