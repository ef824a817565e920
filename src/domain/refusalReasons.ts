// Why a moderator may refuse a request. The codes are a public contract (API, emails, audit);
// their localized text lives in templates/i18n/<locale>.json under "reasons".
export const refusalReasons = [
  'not_found',
  'no_personal_info',
  'not_requesters_info',
  'legal_hold',
  'identity_unverified',
  'duplicate',
  'other',
] as const;

export type RefusalReason = (typeof refusalReasons)[number];

/** 'other' says nothing by itself: the moderator must write the reason. */
export const reasonNeedsMessage = (reason: RefusalReason): boolean => reason === 'other';
