// The append-only audit trail: one hash chain per stream (a request id, or 'system'), so that a changed,
// removed or reordered entry breaks the chain. The database refuses UPDATE and DELETE on the table.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from './database';
import { audit } from './schema';

export interface AuditEntry {
  stream: string;
  actor: string;
  action: string;
  data?: Record<string, unknown>;
}

const genesis = '0'.repeat(64);

/** JSON with object keys sorted: jsonb gives keys back in its own order, and the hash must not care. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function entryHash(prevHash: string, entry: { stream: string; seq: number; at: Date; actor: string; action: string; data: unknown }): string {
  const canonical = canonicalJson([entry.stream, entry.seq, entry.at.toISOString(), entry.actor, entry.action, entry.data]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/** The first entry of a new stream: it links to nothing, so it needs no lock and no read before it. */
export function firstAuditEntry(entry: AuditEntry, at: Date, id: string): typeof audit.$inferInsert {
  const data = entry.data ?? {};
  return { id, stream: entry.stream, seq: 1, at, actor: entry.actor, action: entry.action, data, prevHash: genesis, hash: entryHash(genesis, { ...entry, seq: 1, at, data }) };
}

export async function appendAudit(tx: Tx, entry: AuditEntry, at: Date, id: string): Promise<void> {
  // Serialises writers of one stream only: requests never wait on each other.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${entry.stream}))`);
  const [last] = await tx.select({ seq: audit.seq, hash: audit.hash }).from(audit).where(eq(audit.stream, entry.stream)).orderBy(desc(audit.seq)).limit(1);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? genesis;
  const data = entry.data ?? {};
  // Timestamps are kept to the millisecond in the hash and in the column alike.
  const hash = entryHash(prevHash, { ...entry, seq, at, data });
  await tx.insert(audit).values({ id, stream: entry.stream, seq, at, actor: entry.actor, action: entry.action, data, prevHash, hash });
}

export async function readAudit(tx: Tx, stream: string) {
  return tx.select().from(audit).where(eq(audit.stream, stream)).orderBy(asc(audit.seq));
}

/** The first entry whose hash or link does not hold, or null when the whole chain is intact. */
export async function verifyAuditChain(tx: Tx, stream: string): Promise<{ seq: number; problem: string } | null> {
  let prevHash = genesis;
  let expectedSeq = 1;
  for (const row of await readAudit(tx, stream)) {
    if (row.seq !== expectedSeq) return { seq: row.seq, problem: `entry ${expectedSeq} is missing` };
    if (row.prevHash !== prevHash) return { seq: row.seq, problem: 'does not link to the previous entry' };
    if (entryHash(prevHash, { ...row, data: row.data }) !== row.hash) return { seq: row.seq, problem: 'content does not match its hash' };
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return null;
}

export interface AuditReport {
  streams: number;
  entries: number;
  /** The first broken entry met, streams in order of name, or null when every chain holds. */
  broken: { stream: string; seq: number; id: string; problem: string } | null;
}

/** `erasure audit verify`: walks every stream's chain (or only the one given) and stops at the first broken entry. */
export async function verifyAuditTrail(tx: Tx, onlyStream?: string): Promise<AuditReport> {
  const streams = onlyStream
    ? [onlyStream]
    : (await tx.selectDistinct({ stream: audit.stream }).from(audit).orderBy(asc(audit.stream))).map((r) => r.stream);
  const report: AuditReport = { streams: 0, entries: 0, broken: null };
  for (const stream of streams) {
    const found = await verifyAuditChain(tx, stream);
    if (found) {
      // (stream, seq) is unique: the id lets an operator find the row.
      const [row] = await tx.select({ id: audit.id }).from(audit).where(and(eq(audit.stream, stream), eq(audit.seq, found.seq)));
      return { ...report, broken: { stream, id: row?.id ?? '', ...found } };
    }
    report.streams += 1;
    report.entries += (await tx.select({ n: sql<number>`count(*)::int` }).from(audit).where(eq(audit.stream, stream)))[0]?.n ?? 0;
  }
  return report;
}
