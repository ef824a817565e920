// Rendered emails, one per outbox row that asked for one. The recipient is not stored here: the send
// reads it from the request's sealed identifiers.
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from './database';
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

/**
 * Keeps two sends of one mail apart: run(tx) reads the mail, sends it and marks it sent through tx, and a second
 * sender of the same mail (a worker that took the job over from one that hung past its lock) runs after the first
 * is done, and finds the mail sent.
 */
export interface MailSendLock {
  <T>(mailId: string, run: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * True when tx is a transaction that a failed or interrupted run rolls back: the mail can then be marked sent
   * before the send, and once the SMTP server has accepted the message only the COMMIT is left to do.
   */
  readonly rollsBackFailedRuns: boolean;
}

/**
 * PostgreSQL, where several processes send: the mail's row lock, held from before the send until it is marked sent.
 * A hung holder keeps its connection and so its lock, and a second sender waits for it; a dead one's connection
 * closes and releases it. A wait longer than lockTimeoutMs fails the job, which BullMQ retries later.
 */
export function rowLockedSends(db: Db, lockTimeoutMs = 10_000): MailSendLock {
  const lock = <T>(mailId: string, run: (tx: Tx) => Promise<T>): Promise<T> =>
    db.transaction(async (tx) => {
      await tx.execute(sql.raw(`SET LOCAL lock_timeout = ${Math.round(lockTimeoutMs)}`));
      await tx.select({ id: mails.id }).from(mails).where(eq(mails.id, mailId)).for('update');
      return run(tx);
    });
  return Object.assign(lock, { rollsBackFailedRuns: true });
}

/**
 * PGlite: one process holds the database, and a transaction there stops every other query for as long as it is
 * open (an SMTP server that hangs would stop the HTTP server too), so the sends of one mail are kept apart in memory.
 */
export function processLockedSends(db: Db): MailSendLock {
  const sending = new Map<string, Promise<unknown>>();
  const lock = async <T>(mailId: string, run: (tx: Tx) => Promise<T>): Promise<T> => {
    for (let current = sending.get(mailId); current; current = sending.get(mailId)) await current.catch(() => undefined);
    const running = run(db);
    sending.set(mailId, running);
    try {
      return await running;
    } finally {
      sending.delete(mailId);
    }
  };
  // Writes go straight to the database: a mail marked before a send that then failed would stay marked, unsent.
  return Object.assign(lock, { rollsBackFailedRuns: false });
}
