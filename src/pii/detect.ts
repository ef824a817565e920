// The one entry point of detection: runs every recognizer over a text and returns non-overlapping findings,
// sorted by position, each marked as the requester's or someone else's.
import type { CountryCode } from 'libphonenumber-js';
import { recognizers } from './recognizers';
import { buildRequesterProfile } from './requesterProfile';
import { mergeSpans } from './spanMerge';
import type { RequesterIdentifiers, Span } from './types';

export function detectPii(text: string, identifiers: RequesterIdentifiers, options: { defaultCountry?: CountryCode } = {}): Span[] {
  const defaultCountry = options.defaultCountry ?? 'FR';
  const context = { requester: buildRequesterProfile(identifiers, defaultCountry), defaultCountry };
  return mergeSpans(recognizers.flatMap((r) => r.recognize(text, context)));
}
