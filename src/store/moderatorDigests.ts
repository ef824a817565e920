// The morning digest's log, one row per day it went out, and who receives it: every moderator account not disabled.
import { asc, isNull } from 'drizzle-orm';
import type { Db } from './database';
import { moderatorDigests, moderators } from './schema';

/**
 * Records that the digest of `day` is going out, and answers whether this caller recorded it. The primary key on
 * day makes this the one place where two workers, or a rerun, agree on who sends: only the one whose row went in.
 */
export async function claimDigestDay(db: Db, row: { day: string; sentAt: Date; requestCount: number }): Promise<boolean> {
  const inserted = await db.insert(moderatorDigests).values(row).onConflictDoNothing().returning({ day: moderatorDigests.day });
  return inserted.length > 0;
}

export async function digestRecipients(db: Db): Promise<{ id: string; email: string }[]> {
  return db.select({ id: moderators.id, email: moderators.email }).from(moderators).where(isNull(moderators.disabledAt)).orderBy(asc(moderators.email));
}
