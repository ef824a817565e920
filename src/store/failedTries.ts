// A request's failed tries of the step under way (locate or redact): how many in a row, and why the last one
// failed, for moderators. A try that succeeds clears them.
import { and, eq, gt, isNotNull, or, sql } from 'drizzle-orm';
import type { Tx } from './database';
import { requests } from './schema';

/** Counts a failed try and keeps its message (an error code, never a post's text); answers the tries failed in a row. */
export async function recordFailedTry(tx: Tx, requestId: string, message: string, now: Date): Promise<number> {
  const [row] = await tx
    .update(requests)
    .set({ attempts: sql`${requests.attempts} + 1`, lastError: message, lastErrorAt: now })
    .where(eq(requests.id, requestId))
    .returning({ attempts: requests.attempts });
  return row?.attempts ?? 0;
}

export async function clearFailedTries(tx: Tx, requestId: string): Promise<void> {
  await tx
    .update(requests)
    .set({ attempts: 0, lastError: null, lastErrorAt: null })
    .where(and(eq(requests.id, requestId), or(gt(requests.attempts, 0), isNotNull(requests.lastError))));
}
