// The contract every recognizer meets: given a text and what the requester told us, report spans.
// detect.ts runs them all and merges what they find; a new kind of PII is a new recognizer.
import type { CountryCode } from 'libphonenumber-js';
import type { RequesterProfile } from './requesterProfile';
import type { Span } from './types';

export interface RecognitionContext {
  requester: RequesterProfile;
  defaultCountry: CountryCode;
}

export interface Recognizer {
  name: string;
  recognize(text: string, context: RecognitionContext): Span[];
}
