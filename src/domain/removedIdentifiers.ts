// Keeping removed information removed: the normal form of each kind of identifier, and its fingerprint, a keyed
// hash (the secret box's lookup key) of that form. A completed request that the requester allowed leaves these
// fingerprints behind, never the identifiers, so that a later post can be checked against them.
import { addressFormOf } from '../pii/addressForm';
import { normaliseEmail } from '../pii/emailAddress';
import { foldNeedle } from '../pii/foldedText';
import { countriesToTry, readPhone } from '../pii/phoneNumber';
import type { PiiType, RequesterIdentifiers } from '../pii/types';
import { appendAudit } from '../store/auditTrail';
import type { Tx } from '../store/database';
import { countFingerprints, deleteFingerprints, keepFingerprintRows } from '../store/removedIdentifierRecords';
import type { EventDeps } from '../store/requestEvents';
import type { RequestRow } from '../store/requestRecords';
import { getRequest, requesterOf } from '../store/requestRecords';
import type { SecretBox } from '../store/secretBox';
import type { Clock, Ids } from './clockAndIds';
import { InvalidTransition, RequestNotFound } from './errors';
import { type ApprovedFinding, textsOf } from './postRewrite';
import type { ForumPost } from '../forum/port';

export const fingerprintKinds = ['email', 'phone', 'national_id', 'credit_card', 'iban', 'name', 'username', 'address'] as const;
export type FingerprintKind = (typeof fingerprintKinds)[number];

/** Kinds that are the requester's beyond doubt when they match: removed again at once. Names and the rest go to review. */
export const redactAtOnceKinds: readonly FingerprintKind[] = ['email', 'phone', 'national_id', 'credit_card', 'iban'];

/** The kind a detector finding is fingerprinted as; undefined for types never kept (dates, IP addresses, links). */
export const kindOfFinding: Partial<Record<PiiType, FingerprintKind>> = {
  email: 'email',
  phone: 'phone',
  national_id: 'national_id',
  credit_card: 'credit_card',
  iban: 'iban',
  person: 'name',
  username: 'username',
  address: 'address',
};

// The requester wrote their number in their own country's format, which we do not know: as the detector
// does (requesterProfile.ts), every valid reading counts.
const phoneCountries = countriesToTry('FR');

/** The normal forms of a written identifier: one for most kinds, every valid E.164 reading of a phone; empty when it has none. */
export function normalForms(kind: FingerprintKind, written: string): string[] {
  switch (kind) {
    case 'email': {
      const email = normaliseEmail(written);
      return email === '' ? [] : [email];
    }
    case 'phone':
      return [...new Set(readPhone(written.trim(), phoneCountries).filter((r) => r.valid).map((r) => r.e164))];
    case 'national_id':
    case 'credit_card':
    case 'iban': {
      // "1 85 05 78 006 084 36", "4970-1012-3456-7890", "fr76 3000…": only the letters and digits say which one it is.
      const bare = written.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
      return bare.length >= 6 ? [bare] : [];
    }
    case 'name': {
      const folded = foldNeedle(written).split(/\s+/u).filter(Boolean).join(' ');
      return folded.length >= 3 ? [folded] : [];
    }
    case 'username': {
      const folded = foldNeedle(written.trim().replace(/^@/u, ''));
      return folded.length >= 3 ? [folded] : [];
    }
    case 'address': {
      const words = addressFormOf(written);
      // As for the detector, fewer than three words is not an address one can tell apart.
      return words.length >= 3 ? [words.join(' ')] : [];
    }
  }
}

/** The kind is part of what is hashed: the same letters as a name and as a username are two fingerprints. */
export const fingerprintOf = (box: SecretBox, kind: FingerprintKind, form: string): string => box.lookupHash(`${kind}:${form}`);

export interface Fingerprint {
  kind: FingerprintKind;
  hash: string;
}

/** The fingerprints of a written identifier, one per normal form. */
export function fingerprintsOf(box: SecretBox, kind: FingerprintKind, written: string): Fingerprint[] {
  return normalForms(kind, written).map((form) => ({ kind, hash: fingerprintOf(box, kind, form) }));
}

/** Distinct by kind and hash, in first-seen order. */
export function distinctFingerprints(all: readonly Fingerprint[]): Fingerprint[] {
  const seen = new Map<string, Fingerprint>();
  for (const f of all) seen.set(`${f.kind}:${f.hash}`, f);
  return [...seen.values()];
}

export function countsByKind(all: readonly { kind: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of all) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return counts;
}

export function requesterFingerprints(box: SecretBox, identifiers: RequesterIdentifiers): Fingerprint[] {
  return distinctFingerprints([
    ...identifiers.emails.flatMap((v) => fingerprintsOf(box, 'email', v)),
    ...identifiers.phones.flatMap((v) => fingerprintsOf(box, 'phone', v)),
    ...identifiers.names.flatMap((v) => fingerprintsOf(box, 'name', v)),
    ...identifiers.usernames.flatMap((v) => fingerprintsOf(box, 'username', v)),
    ...identifiers.addresses.flatMap((v) => fingerprintsOf(box, 'address', v)),
  ]);
}

/** Identity numbers, cards and IBANs the requester never typed: kept from what the moderators approved removing. */
const keptFromFindings: readonly string[] = ['national_id', 'credit_card', 'iban'];

export interface FingerprintDeps {
  box: SecretBox;
  clock: Clock;
  ids: Ids;
}

/**
 * Before a post is rewritten, the fingerprints of the requester's approved identity numbers, cards and IBANs in
 * it: the findings keep only offsets and a hash, so the text must be read now, while the post still holds it.
 * Written at once (idempotently), they count only once the request is completed (see matchingFingerprints).
 */
export async function keepFindingFingerprints(
  deps: FingerprintDeps & { db: Tx },
  request: Pick<RequestRow, 'id' | 'keepRemovedHashes'>,
  post: ForumPost,
  findings: readonly (ApprovedFinding & { owner: string })[],
): Promise<void> {
  if (!request.keepRemovedHashes) return;
  const texts = new Map(textsOf(post).map((t) => [t.location, t.text]));
  const kept = findings
    .filter((f) => f.owner === 'requester' && keptFromFindings.includes(f.type))
    .flatMap((f) => {
      const text = texts.get(f.location)?.slice(f.start, f.end);
      return text === undefined ? [] : fingerprintsOf(deps.box, f.type as FingerprintKind, text);
    });
  if (kept.length > 0) await keepFingerprintRows(deps.db, deps, request.id, distinctFingerprints(kept));
}

/**
 * In the transaction that completes the request: the fingerprints of the requester's own identifiers, and an
 * audit entry with how many fingerprints the request keeps, by kind (never the values).
 */
export async function keepRequesterFingerprints(deps: FingerprintDeps, tx: Tx, request: Pick<RequestRow, 'id' | 'keepRemovedHashes'>): Promise<void> {
  if (!request.keepRemovedHashes) return;
  const { identifiers } = await requesterOf(tx, deps.box, request.id);
  const all = await keepFingerprintRows(tx, deps, request.id, requesterFingerprints(deps.box, identifiers));
  await appendAudit(tx, { stream: request.id, actor: 'system', action: 'fingerprints_kept', data: { fingerprints: countsByKind(all) } }, deps.clock.now(), deps.ids.next());
}

/**
 * The requester asks that the fingerprints be forgotten (status page or API): the rows go, with an audit entry
 * of how many of each kind. Only a completed request keeps any; asking twice forgets nothing the second time.
 */
export async function forgetFingerprints(deps: EventDeps, requestId: string): Promise<number> {
  const request = await getRequest(deps.db, requestId);
  if (!request) throw new RequestNotFound();
  if (request.state !== 'completed') throw new InvalidTransition(`a request that is ${request.state} keeps no fingerprints to forget`);
  return deps.db.transaction(async (tx) => {
    const gone = await deleteFingerprints(tx, requestId);
    if (gone.length > 0) {
      await appendAudit(tx, { stream: requestId, actor: 'requester', action: 'fingerprints_forgotten', data: { fingerprints: countsByKind(gone) } }, deps.clock.now(), deps.ids.next());
    }
    return gone.length;
  });
}

/** What the requester is told is kept: counts by kind, or null when the request keeps none by design. */
export async function keptFingerprints(db: Tx, request: Pick<RequestRow, 'id' | 'state' | 'keepRemovedHashes'>): Promise<Record<string, number> | null> {
  if (!request.keepRemovedHashes || request.state !== 'completed') return null;
  return countFingerprints(db, request.id);
}
