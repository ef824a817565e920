// The one entry point of detection: runs every recognizer over a text and returns non-overlapping findings,
// sorted by position, each marked as the requester's or someone else's.
import type { CountryCode } from 'libphonenumber-js';
import { assignOwners } from './ownership';
import { recognizers } from './recognizers';
import { buildRequesterProfile, type RequesterProfile } from './requesterProfile';
import { mergeSpans } from './spanMerge';
import { TextFacts } from './textFacts';
import type { RequesterIdentifiers, Span } from './types';

// Callers pass the same identifiers for every post of a request (and for the whole forum when searching):
// reading their phone numbers and name forms once per identifiers object, not once per post, is most of the cost.
// Identifiers are read as immutable: a changed list must be a new object.
const profiles = new WeakMap<RequesterIdentifiers, Map<CountryCode, RequesterProfile>>();

function profileFor(identifiers: RequesterIdentifiers, defaultCountry: CountryCode): RequesterProfile {
  let byCountry = profiles.get(identifiers);
  if (byCountry === undefined) {
    byCountry = new Map();
    profiles.set(identifiers, byCountry);
  }
  let profile = byCountry.get(defaultCountry);
  if (profile === undefined) {
    profile = buildRequesterProfile(identifiers, defaultCountry);
    byCountry.set(defaultCountry, profile);
  }
  return profile;
}

export function detectPii(text: string, identifiers: RequesterIdentifiers, options: { defaultCountry?: CountryCode } = {}): Span[] {
  const defaultCountry = options.defaultCountry ?? 'FR';
  const requester = profileFor(identifiers, defaultCountry);
  const context = { requester, defaultCountry, facts: new TextFacts(text) };
  const found: Span[] = [];
  // A loop rather than push(...spread), which passes every span as an argument through the generic call path.
  for (const recognizer of recognizers) {
    for (const span of recognizer.recognize(text, context)) found.push(span);
  }
  if (found.length === 0) return found; // a post in four here: nothing to merge or to give an owner
  return assignOwners(text, mergeSpans(found), requester);
}
