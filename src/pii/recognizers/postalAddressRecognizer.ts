// Finds the postal addresses of people, as one span from the flat or house number to the city or ZIP, over two
// lines if written so: near a postcode or a state, after a word such as "my address", as a street line of its own
// with the lines of its block (streetLine.ts, addressBlock.ts), or as the value of an "Address:" label. A café's, a
// library's or a company's address is not personal and is left alone.
import {
  cityAfterStreet,
  flatBefore,
  isStreetAfterNumber,
  isStreetBeforeNumber,
  numberFirstAddressPattern,
  streetAlonePattern,
  streetFirstAddressPattern,
  streetLengthAfterNumber,
} from '../postalAddress';
import { addressBlock, addressBlockEnd } from '../addressBlock';
import { houseNumberStartsIn, mergedStarts, numberStartsIn, postBoxStartsIn, streetBeforeNumberStartsIn } from '../addressPatternStarts';
import { localityAnchorsIn, type LocalityAnchor } from '../localityAnchors';
import { anchoredMatches } from '../anchoredMatches';
import type { Recognizer } from '../recognizer';
import {
  intersectionPattern,
  intersectionSecondEnd,
  looksLikeStreet,
  streetLinesAt,
  type StreetLine,
} from '../streetLine';
import { factsOf } from '../textFacts';
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

// A bare number just before a house number is the flat's or the building's: "17 2450 Crown St", "416 Kiannonkatu 98".
const numberBefore = /(?<![\p{L}\p{N}.,:/#$€£+\-])\d{1,6}[A-Za-z]?[ \t\u00a0]+$/u;

export const postalAddressRecognizer: Recognizer = {
  name: 'postal address',
  recognize(text, context) {
    const spans: Span[] = [];
    const digitRunStarts = factsOf(text, context).digitRunStarts;
    // Every address but a street corner holds a number: a house number, a box's, a postcode.
    if (digitRunStarts.length > 0) findNearLocalities(text, digitRunStarts, spans);
    const cues = mayHoldAddressCue(text, digitRunStarts) ? [...text.matchAll(addressCue)] : [];
    findAfterCues(text, digitRunStarts, cues, spans);
    findStreetLines(text, digitRunStarts, spans);
    findLabelledAddresses(text, cues, spans);
    return spans;
  },
};

// What every word of addressWords starts with, as the cue pattern reads it (any case of ASCII letters): one plain
// pattern costs a fraction of the cue pattern, with its word boundaries, and most posts hold none of these.
const addressCueStem = /addr|adresse|live|habite|domicile|chez|ship|send|envo|anschrift|wohn/i;
const longestCueStem = 'anschrift'.length;

/**
 * Whether a cue word may start before the post's last number. A cue only counts with a number after it (the value
 * of its label, a house number in its zone or in a zone joined to it), so the text after that number goes unread.
 */
function mayHoldAddressCue(text: string, digitRunStarts: readonly number[]): boolean {
  const lastNumber = digitRunStarts[digitRunStarts.length - 1];
  return lastNumber !== undefined && addressCueStem.test(text.slice(0, lastNumber + longestCueStem));
}

// The address patterns run sticky at the offsets where they may start (see addressPatternStarts.ts).
const numberFirstAt = new RegExp(numberFirstAddressPattern.source, 'uy');
const streetFirstAt = new RegExp(streetFirstAddressPattern.source, 'uy');
const streetAloneAt = new RegExp(streetAlonePattern.source, 'uy');

/** Reports an address from its street on, taking in a building number and a flat written before it. */
function report(text: string, spans: Span[], streetStart: number, end: number, score: number): void {
  const number = numberBefore.exec(text.slice(Math.max(0, streetStart - 12), streetStart));
  const start = number === null ? streetStart : streetStart - number[0].length;
  const flat = flatBefore.exec(text.slice(Math.max(0, start - 24), start));
  spans.push({ start: flat === null ? start : start - flat[0].length, end, type: 'address', owner: 'other', score });
}

/** Whole addresses, read near a postcode, a UK postcode, or a US state or Canadian province. */
function findNearLocalities(text: string, digitRunStarts: readonly number[], spans: Span[]): void {
  const anchors = localityAnchorsIn(text, digitRunStarts);
  if (anchors.length === 0) return;
  for (const zone of zonesAround(anchors, text.length, zoneBefore, zoneAfter)) {
    const numbers = numberStartsIn(text, digitRunStarts, zone.start, zone.end);
    // Both patterns want a number in the zone, a post-office box's too.
    if (numbers.length === 0) continue;
    const part = text.slice(zone.start, zone.end);
    const numberFirstStarts = mergedStarts(houseNumberStartsIn(part, numbers), postBoxStartsIn(part));
    for (const match of matchesWithStreet(numberFirstAt, part, numberFirstStarts, isStreetAfterNumber)) {
      const start = zone.start + match.index;
      if (!isVenue(lineBefore(text, start))) report(text, spans, start, start + match[0].length, 0.9);
    }
    // Streets written before their number ("Rue Haute 69") only come with a postcode before the city.
    if (!zone.postcode) continue;
    for (const match of matchesWithStreet(streetFirstAt, part, streetBeforeNumberStartsIn(part, numbers), isStreetBeforeNumber)) {
      const start = zone.start + match.index;
      if (!isVenue(lineBefore(text, start))) report(text, spans, start, start + match[0].length, 0.9);
    }
  }
}

/** A house number and street alone, after a word such as "my address" on their line. */
function findAfterCues(text: string, digitRunStarts: readonly number[], cues: readonly RegExpExecArray[], spans: Span[]): void {
  if (cues.length === 0) return;
  const cueAnchors = cues.map((cue) => ({ start: cue.index, end: cue.index + cue[0].length, postcode: false }));
  for (const zone of zonesAround(cueAnchors, text.length, 0, cueZone)) {
    const numbers = numberStartsIn(text, digitRunStarts, zone.start, zone.end);
    if (numbers.length === 0) continue;
    const part = text.slice(zone.start, zone.end);
    const starts = mergedStarts(houseNumberStartsIn(part, numbers), streetBeforeNumberStartsIn(part, numbers));
    for (const match of matchesWithStreet(streetAloneAt, part, starts, isStreetBeforeNumber)) {
      const start = zone.start + match.index;
      const after = match.groups?.after;
      // "12 rue du Helder depuis 2010": the street stops where its name does.
      const length = after === undefined ? match[0].length : streetLengthAfterNumber(after);
      if (length === undefined) continue;
      const streetEnd = after === undefined ? start + length : start + match[0].length - after.length + length;
      const before = lineBefore(text, start);
      if (!addressCueBefore.test(before) || isVenue(before)) continue;
      if (spans.some((s) => s.start < streetEnd && start < s.end)) continue;
      report(text, spans, start, addressBlockEnd(text, streetEnd + (cityAfterStreet.exec(text.slice(streetEnd, streetEnd + 60))?.[0].length ?? 0)), 0.7);
    }
  }
}

// A form's label, the value after it on the same line or the next: "Address:     03555 Vicolo Calcirelli 13 Suite 694".
const addressLabel = /(?:address|adresse|anschrift)[ \t]*:[ \t]*(?:\r?\n[ \t]*)?(?=\d)/iuy;
// The value runs to the end of its line or sentence.
const labelledValue = /\d[^\n;!?]*?(?=[ \t]*(?:[.,]?[ \t]*(?:\r?\n|$)|\.[ \t]+\p{Lu}|[;!?]))/uy;

/** The value of an address label, when no address was found in it: whatever a form says is an address, is one. */
function findLabelledAddresses(text: string, cues: readonly RegExpExecArray[], spans: Span[]): void {
  for (const cue of cues) {
    addressLabel.lastIndex = cue.index;
    const label = addressLabel.exec(text);
    if (label === null) continue;
    const start = label.index + label[0].length;
    labelledValue.lastIndex = start;
    const value = labelledValue.exec(text);
    if (value === null || value[0].length < 6 || value[0].length > 120 || /@|:\/\//u.test(value[0]) || !/\p{L}{2}/u.test(value[0])) continue;
    const end = start + value[0].length;
    // An address found in the value and ending before it ("03555 Vicolo Calcirelli 13 Suite 694", then the city) is
    // taken in; one that reaches past it was read better.
    if (spans.some((s) => s.start < end && start < s.end && (s.start < start || s.end > end)) || isVenue(lineBefore(text, label.index))) continue;
    report(text, spans, start, end, 0.7);
  }
}

// "corner of" in any case of its ASCII letters, as the lower-case text would hold it: a literal pattern is searched
// faster than a substring of the lower-case copy.
const cornerOf = /corner of/i;

/**
 * Street lines that no postcode or cue announced (see streetLine.ts), with the flat, city, postcode and country
 * lines that follow them; post-office boxes and military addresses (read from their numbers too), street corners.
 * Module functions rather than closures: this runs for every post.
 */
function findStreetLines(text: string, digitRunStarts: readonly number[], spans: Span[]): void {
  for (const street of streetLinesAt(text, digitRunStarts)) {
    if (!isInside(spans, street.start)) reportLine(text, spans, street.start, street.end, street.unnamed === true ? 0.7 : 0.8, street);
  }
  if (cornerOf.test(text)) {
    for (const match of text.matchAll(intersectionPattern)) {
      const first = looksLikeStreet(match.groups?.first ?? '');
      const second = match.groups?.second ?? '';
      const secondEnd = intersectionSecondEnd(second);
      const secondStreet = looksLikeStreet(second.slice(0, secondEnd));
      if (secondEnd === 0 || !first.street || !secondStreet.street || (!first.strong && !secondStreet.strong)) continue;
      reportLine(text, spans, match.index, match.index + match[0].length - second.length + secondEnd, 0.7);
    }
  }
}

function isInside(spans: readonly Span[], at: number): boolean {
  for (const span of spans) if (span.start <= at && at < span.end) return true;
  return false;
}

/** Reports a street line with the rest of its address block, unless a found address holds it or it is a venue's. */
function reportLine(text: string, spans: Span[], lineStart: number, lineEnd: number, score: number, street?: StreetLine): void {
  for (const span of spans) if (span.start <= lineStart && lineEnd <= span.end) return;
  const { end, parts } = addressBlock(text, lineEnd);
  if ((street?.yearLike === true || street?.commonNounType === true) && end === lineEnd) return;
  // A street without a street word is one only when a flat or postcode and another line of an address follow.
  if (street?.unnamed === true && (parts.length < 2 || !(parts.includes('unit') || parts.includes('postcode')))) return;
  for (const span of spans) if (span.start <= lineStart && end <= span.end) return;
  if (isVenue(lineBefore(text, lineStart))) return;
  report(text, spans, lineStart, end, score);
}

/** The stretches of text around each anchor, overlapping ones joined; "postcode" if one was a postcode before a city. */
function zonesAround(anchors: readonly LocalityAnchor[], length: number, before: number, after: number): LocalityAnchor[] {
  const zones: LocalityAnchor[] = [];
  for (const anchor of anchors) {
    const start = Math.max(0, anchor.start - before);
    const end = Math.min(length, anchor.end + after);
    const last = zones[zones.length - 1];
    if (last !== undefined && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.postcode ||= anchor.postcode;
    } else {
      zones.push({ start, end, postcode: anchor.postcode });
    }
  }
  return zones;
}

/** The matches of a sticky pattern at `starts` (ascending) whose street group, when there is one, names a street. */
function matchesWithStreet(pattern: RegExp, text: string, starts: readonly number[], namesStreet: (street: string) => boolean): RegExpExecArray[] {
  return anchoredMatches(pattern, text, starts, (match) => {
    const street = match.groups?.street ?? match.groups?.before;
    return street === undefined || namesStreet(street);
  });
}

const anyVenueWord = new RegExp(venueWord.source, 'iu');
const anyCompanyForm = new RegExp(companyForm.source, 'u');

function isVenue(lineBefore: string): boolean {
  // Most lines name no venue: two plain tests before the matches are listed and sorted.
  if (!anyVenueWord.test(lineBefore) && !anyCompanyForm.test(lineBefore)) return false;
  const venue = [...lineBefore.matchAll(venueWord), ...lineBefore.matchAll(companyForm)].sort((a, b) => b.index - a.index)[0];
  return venue !== undefined && !personalAfterVenue.test(lineBefore.slice(venue.index));
}

function lineBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 60), index);
  return before.slice(before.lastIndexOf('\n') + 1);
}
