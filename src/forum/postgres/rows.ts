// The rows of a raw db.execute(): Drizzle leaves the result type open over drivers, and both of ours
// (node-postgres and PGlite) answer { rows } with one object per row.

export type Row = Record<string, unknown>;

export function rowsOf(result: unknown): Row[] {
  return (result as { rows: Row[] }).rows;
}
