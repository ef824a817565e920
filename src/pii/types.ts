// The vocabulary of detection: what kinds of personal information exist, what a requester tells us about
// themselves, and the span a detector reports. Shared by the detector, the redactor and their callers.

export const piiTypes = [
  'email',
  'phone',
  'person',
  'address',
  'ip_address',
  'credit_card',
  'iban',
  'national_id',
  'date_of_birth',
  'profile_url',
  'username',
] as const;

export type PiiType = (typeof piiTypes)[number];

/** What a redaction can remove: a kind of personal information, or a passage the requester quoted. */
export type RedactableType = PiiType | 'passage';
export const redactableTypes: readonly RedactableType[] = [...piiTypes, 'passage'];

/** The identifiers a person gave when asking for removal, in the canonical forms they typed. */
export interface RequesterIdentifiers {
  emails: string[];
  names: string[];
  phones: string[];
  usernames: string[];
  /** Postal addresses as typed ("12 rue du Helder, 75009 Paris"). */
  addresses: string[];
}

/** A finding in a text: UTF-16 offsets, end exclusive, so text.slice(start, end) is the PII as written. */
export interface Span {
  start: number;
  end: number;
  type: PiiType;
  owner: 'requester' | 'other';
  score: number;
}
