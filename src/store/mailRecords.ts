// Rendered emails, one per outbox row that asked for one. The recipient is not stored here: the send
// reads it from the request's sealed identifiers.
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Tx } from './database';
import { mails } from './schema';

export type MailRow = typeof mails.$inferSelect;

/** Inserts the rendered mail unless this outbox row already produced one; returns the row that stands. */
export async function saveRenderedMail(db: Tx, row: typeof mails.$inferInsert): Promise<MailRow> {
  await db.insert(mails).values(row).onConflictDoNothing({ target: mails.outboxId });
  const [saved] = await db.select().from(mails).where(eq(mails.outboxId, row.outboxId));
  if (!saved) throw new Error('rendered mail vanished');
  return saved;
}

export async function mailByOutbox(db: Tx, outboxId: string): Promise<MailRow | null> {
  const [row] = await db.select().from(mails).where(eq(mails.outboxId, outboxId));
  return row ?? null;
}

export async function getMail(db: Tx, id: string): Promise<MailRow | null> {
  const [row] = await db.select().from(mails).where(eq(mails.id, id));
  return row ?? null;
}

export async function markSent(db: Tx, id: string, at: Date, messageId: string): Promise<void> {
  await db.update(mails).set({ sentAt: at, messageId }).where(and(eq(mails.id, id), isNull(mails.sentAt)));
}

export async function unsentBefore(db: Tx, createdBefore: Date, limit: number): Promise<string[]> {
  const rows = await db.select({ id: mails.id }).from(mails).where(and(isNull(mails.sentAt), lt(mails.createdAt, createdBefore))).limit(limit);
  return rows.map((r) => r.id);
}

export async function mailsOf(db: Tx, requestId: string): Promise<MailRow[]> {
  return db.select().from(mails).where(eq(mails.requestId, requestId));
}
