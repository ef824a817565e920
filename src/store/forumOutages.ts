// The forum outages log (schema forumOutages): a failed try opens an outage or counts in the open one, the try that
// reaches the alert threshold claims the alert, and a try that reaches the forum ends the outage.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from './database';
import { forumOutages, moderators } from './schema';

export type ForumOutageRow = typeof forumOutages.$inferSelect;

/** Counts one failed try in the open outage, opening one if none is; answers the outage as it now stands. */
export async function countOutageFailure(tx: Tx, input: { id: string; error: string; now: Date }): Promise<ForumOutageRow> {
  // The partial unique index keeps one outage open: of two workers opening one at once, the second inserts nothing.
  await tx.insert(forumOutages).values({ id: input.id, startedAt: input.now, failures: 0, lastError: input.error, lastErrorAt: input.now }).onConflictDoNothing();
  const [row] = await tx
    .update(forumOutages)
    .set({ failures: sql`${forumOutages.failures} + 1`, lastError: input.error, lastErrorAt: input.now })
    .where(isNull(forumOutages.endedAt))
    .returning();
  if (!row) throw new Error('the open forum outage vanished');
  return row;
}

/**
 * Claims the alert of an outage for the caller, unless it was claimed already or another outage was alerted within
 * quietMs (a forum that flaps between up and down makes many short outages, and one email says it).
 */
export async function claimOutageAlert(tx: Tx, outageId: string, now: Date, quietMs: number): Promise<boolean> {
  const recent = await tx
    .select({ id: forumOutages.id })
    .from(forumOutages)
    .where(gt(forumOutages.alertedAt, new Date(now.getTime() - quietMs)))
    .limit(1);
  if (recent.length > 0) return false;
  const claimed = await tx
    .update(forumOutages)
    .set({ alertedAt: now })
    .where(and(eq(forumOutages.id, outageId), isNull(forumOutages.alertedAt)))
    .returning({ id: forumOutages.id });
  return claimed.length > 0;
}

/** Ends the open outage, if there is one; answers whether there was. */
export async function endOutage(db: Db, now: Date): Promise<boolean> {
  const ended = await db.update(forumOutages).set({ endedAt: now }).where(isNull(forumOutages.endedAt)).returning({ id: forumOutages.id });
  return ended.length > 0;
}

export async function getOutage(db: Tx, id: string): Promise<ForumOutageRow | null> {
  const [row] = await db.select().from(forumOutages).where(eq(forumOutages.id, id));
  return row ?? null;
}

/** The accounts that hear of outages: admins not disabled. */
export async function adminAccounts(tx: Tx): Promise<{ id: string; email: string }[]> {
  return tx.select({ id: moderators.id, email: moderators.email }).from(moderators).where(and(eq(moderators.role, 'admin'), isNull(moderators.disabledAt)));
}
