// Findings a moderator adds by hand, written beside the detected ones. They are added while the request is
// locked, so that an approval or a new location cannot slip in between the check of its state and the write.
import { eq } from 'drizzle-orm';
import type { Db, Tx } from './database';
import type { FindingRow, RequestRow } from './requestRecords';
import { findings, requests } from './schema';

/** Runs work in one transaction that first locks the request's row (null when there is no such request). */
export async function withLockedRequest<T>(db: Db, requestId: string, work: (request: RequestRow | null, tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(requests).where(eq(requests.id, requestId)).for('update');
    return work(row ?? null, tx);
  });
}

export async function insertFindings(tx: Tx, rows: FindingRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(findings).values(rows);
}
