// `erasure keys rotate`: every sealed column is resealed under the current key, row by row, while the service
// keeps running. Each row is one short UPDATE that only applies if the row still holds the value that was read
// (a requester answering at that moment wins, and their new value is already under the current key). Rows are
// walked by id in batches, so an interrupted run is resumed by running it again; a second run finds nothing to do.
import { and, asc, eq, gt, isNotNull, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database';
import { forumEvents, requesterIdentifiers, requests } from './schema';
import type { SecretBox } from './secretBox';

/** Every column that box.seal writes: a new one must be added here to be rotated. */
const sealedColumns: { name: string; table: PgTable; id: PgColumn; box: PgColumn; field: string }[] = [
  { name: 'requester_identifiers.value_box', table: requesterIdentifiers, id: requesterIdentifiers.id, box: requesterIdentifiers.valueBox, field: 'valueBox' },
  { name: 'requests.private_box', table: requests, id: requests.id, box: requests.privateBox, field: 'privateBox' },
  { name: 'forum_events.details_box', table: forumEvents, id: forumEvents.id, box: forumEvents.detailsBox, field: 'detailsBox' },
];

export interface RotationCount {
  column: string;
  /** Values resealed under the current key by this run. */
  resealed: number;
  /** Values no known key opens: their secret is missing from ERASURE_PREVIOUS_SECRETS. */
  unreadable: number;
}

export async function rotateSealedValues(deps: { db: Db; box: SecretBox }, batch = 100): Promise<RotationCount[]> {
  const counts: RotationCount[] = [];
  for (const column of sealedColumns) {
    const count: RotationCount = { column: column.name, resealed: 0, unreadable: 0 };
    let after: string | undefined;
    for (;;) {
      const where: SQL | undefined = after === undefined ? isNotNull(column.box) : and(isNotNull(column.box), gt(column.id, after));
      const rows = (await deps.db
        .select({ id: column.id, box: column.box })
        .from(column.table)
        .where(where)
        .orderBy(asc(column.id))
        .limit(batch)) as { id: string; box: string }[];
      for (const row of rows) {
        if (deps.box.isCurrent(row.box)) continue;
        let plain: string;
        try {
          plain = deps.box.open(row.box);
        } catch {
          count.unreadable += 1;
          continue;
        }
        const updated = await deps.db
          .update(column.table)
          .set({ [column.field]: deps.box.seal(plain) })
          .where(and(eq(column.id, row.id), eq(column.box, row.box)))
          .returning({ id: column.id });
        count.resealed += updated.length;
      }
      if (rows.length < batch) break;
      after = rows[rows.length - 1]?.id;
    }
    counts.push(count);
  }
  return counts;
}
