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

/** One text to search, with the identifiers of the person it is searched for. */
export interface TextToSearch {
  text: string;
  identifiers: RequesterIdentifiers;
}

/**
 * How many texts a caller with many should hand to detectPiiInTexts at once. Past a few hundred the gain levels off,
 * and every text of a batch, with what is learnt about it, is held in memory until the batch is done.
 */
export const DETECT_BATCH_SIZE = 256;

/** The findings in one text; detectPiiInTexts is the faster way to search many. */
export function detectPii(text: string, identifiers: RequesterIdentifiers, options: { defaultCountry?: CountryCode } = {}): Span[] {
  return detectPiiInTexts([{ text, identifiers }], options)[0] ?? [];
}

/**
 * The findings in each of `texts`, in their order: for each text exactly what detectPii gives. Each recognizer runs
 * over the whole batch before the next one starts. Running all of them on one text, then all on the next, is about
 * 1.5x slower on the labelled posts: the recognizers' compiled patterns (megabytes of machine code) keep evicting
 * one another from the CPU's caches. A caller with many texts hands them over in batches of DETECT_BATCH_SIZE.
 */
export function detectPiiInTexts(texts: readonly TextToSearch[], options: { defaultCountry?: CountryCode } = {}): Span[][] {
  const defaultCountry = options.defaultCountry ?? 'FR';
  const contexts = texts.map(({ text, identifiers }) => ({ requester: profileFor(identifiers, defaultCountry), defaultCountry, facts: new TextFacts(text) }));
  const found: Span[][] = texts.map(() => []);
  for (const recognizer of recognizers) {
    for (let index = 0; index < texts.length; index++) {
      const spans = found[index]!;
      // A loop, not push(...spread): spreading copies the array into call arguments on every call.
      for (const span of recognizer.recognize(texts[index]!.text, contexts[index]!)) spans.push(span);
    }
  }
  // A text where nothing was found has no owners to assign.
  return found.map((spans, index) => (spans.length === 0 ? spans : assignOwners(texts[index]!.text, mergeSpans(spans), contexts[index]!.requester)));
}
