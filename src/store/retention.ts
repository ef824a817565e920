// Retention of Erasure's own data: RETENTION_DAYS after a request closes, what the requester told us (their
// identifiers and free text) is erased. What accountability needs stays: the request's state and dates, its
// findings (offsets and hashes, never text) and its audit trail. Fingerprints kept with consent
// (removed_identifiers) are not touched: they stay until the requester asks that they be forgotten.
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Clock, Ids } from '../domain/clockAndIds';
import { terminalStates } from '../domain/lifecycle';
import { appendAudit } from './auditTrail';
import type { Db } from './database';
import { requesterIdentifiers, requests } from './schema';

export interface RetentionDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
}

/** Erases the identifiers of requests closed more than retentionDays ago; answers how many requests it erased. */
export async function eraseClosedIdentifiers(deps: RetentionDeps, retentionDays: number, batch = 200): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - retentionDays * 24 * 3600_000);
  const due = await deps.db
    .select({ id: requests.id })
    .from(requests)
    .where(and(inArray(requests.state, [...terminalStates]), lt(requests.closedAt, cutoff), isNull(requests.identifiersErasedAt)))
    .limit(batch);
  let erased = 0;
  for (const { id } of due) {
    // One request per transaction: the erasure, its mark and its audit entry commit together or not at all.
    const done = await deps.db.transaction(async (tx) => {
      // The mark is claimed first: of two workers (or a rerun), only one erases and audits.
      const now = deps.clock.now();
      const claimed = await tx
        .update(requests)
        .set({ identifiersErasedAt: now, privateBox: null })
        .where(and(eq(requests.id, id), isNull(requests.identifiersErasedAt)))
        .returning({ id: requests.id });
      if (claimed.length === 0) return false;
      const removed = await tx.delete(requesterIdentifiers).where(eq(requesterIdentifiers.requestId, id)).returning({ id: requesterIdentifiers.id });
      await appendAudit(tx, { stream: id, actor: 'system', action: 'identifiers_erased', data: { identifiers: removed.length, retentionDays } }, now, deps.ids.next());
      return true;
    });
    if (done) erased += 1;
  }
  return erased;
}
