// Which strings a forum's post id column can hold. A requester may name any post id, and comparing "abc"
// with a bigint column is an error in PostgreSQL rather than a miss: such ids are answered "not found" unasked.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../store/database';
import { rowsOf } from './rows';

export type IdAcceptor = (id: string) => boolean;

const integerLimits: Record<string, bigint> = {
  int2: 32767n,
  int4: 2147483647n,
  int8: 9223372036854775807n,
};
const uuidShape = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** The acceptor for the column's type, or undefined when the column cannot be found (the query will say why). */
export async function readIdAcceptor(db: Tx, schema: string, table: string, column: string): Promise<IdAcceptor | undefined> {
  const result = await db.execute(sql`
    SELECT t.typname AS type
    FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
    WHERE a.attrelid = to_regclass(format('%I.%I', ${schema}::text, ${table}::text)) AND a.attname = ${column}`);
  const [row] = rowsOf(result);
  return row ? acceptorFor(String(row.type)) : undefined;
}

function acceptorFor(type: string): IdAcceptor {
  const limit = integerLimits[type];
  if (limit !== undefined) return (id) => /^-?\d{1,19}$/.test(id) && BigInt(id) <= limit && BigInt(id) >= -limit;
  if (type === 'numeric') return (id) => /^-?\d+(\.\d+)?$/.test(id);
  if (type === 'uuid') return (id) => uuidShape.test(id);
  return () => true;
}
