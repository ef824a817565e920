// The contract every recognizer meets: given a text and what the requester told us, report spans.
// detect.ts runs them all and merges what they find; a new kind of PII is a new recognizer.
import type { CountryCode } from 'libphonenumber-js';
import type { RequesterProfile } from './requesterProfile';
import type { TextFacts } from './textFacts';
import type { Span } from './types';

export interface RecognitionContext {
  requester: RequesterProfile;
  defaultCountry: CountryCode;
  /** What several recognizers look for in this text, found once (see factsOf); absent for a recognizer run alone. */
  facts?: TextFacts;
}

export interface Recognizer {
  name: string;
  recognize(text: string, context: RecognitionContext): Span[];
}
