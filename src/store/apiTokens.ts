// API tokens for moderators and the forum backend. Only a SHA-256 of each token is kept; the token itself is
// shown once, when it is made. Making and revoking one are entries in the 'system' audit stream.
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { and, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Clock, Ids } from '../domain/clockAndIds';
import { InvalidTransition, ValidationFailed } from '../domain/errors';
import { appendAudit } from './auditTrail';
import type { Db } from './database';
import { apiTokens } from './schema';

export const tokenRoles = ['moderator', 'admin'] as const;
export type TokenRole = (typeof tokenRoles)[number];

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface ApiTokenInfo {
  id: string;
  name: string;
  role: TokenRole;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

function checkNewToken(input: { name: string; role: string }): void {
  const errors = [];
  if (input.name.trim().length === 0 || input.name.length > 100 || /[\r\n]/.test(input.name)) errors.push({ field: 'name', message: 'must be 1 to 100 characters on one line' });
  if (!(tokenRoles as readonly string[]).includes(input.role)) errors.push({ field: 'role', message: `must be ${tokenRoles.join(' or ')}` });
  if (errors.length > 0) throw new ValidationFailed(errors);
}

/** `by` is who made it, for the audit trail: 'cli', or the admin's actor label in the console. */
export async function createApiToken(
  deps: { db: Db; clock: Clock; ids: Ids },
  input: { name: string; role: TokenRole },
  by = 'cli',
): Promise<{ id: string; token: string }> {
  checkNewToken(input);
  const id = deps.ids.next();
  const token = `ert_${randomBytes(32).toString('base64url')}`;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.insert(apiTokens).values({ id, name: input.name.trim(), role: input.role, tokenHash: hashToken(token), createdAt: now });
    await appendAudit(tx, { stream: 'system', actor: by, action: 'token_created', data: { tokenId: id, role: input.role } }, now, deps.ids.next());
  });
  return { id, token };
}

export async function authenticateToken(db: Db, token: string): Promise<{ id: string; role: TokenRole } | null> {
  const [row] = await db
    .select({ id: apiTokens.id, role: apiTokens.role })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  // At most one write a minute per token. The database's clock, since callers hand in none: last use is shown
  // to admins, and nothing is decided on it.
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`))));
  return { id: row.id, role: row.role as TokenRole };
}

/** Every token, newest first: never the token, which is not kept. */
export async function listTokens(db: Db): Promise<ApiTokenInfo[]> {
  const rows = await db
    .select({ id: apiTokens.id, name: apiTokens.name, role: apiTokens.role, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map((row) => ({ ...row, role: row.role as TokenRole }));
}

/** A revoked token is refused at once by every process; it cannot be brought back, only replaced. */
export async function revokeToken(deps: { db: Db; clock: Clock; ids: Ids }, id: string, by: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [row] = await tx.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, id)).for('update');
    if (!row) throw new ValidationFailed([{ field: 'token', message: 'no such token' }]);
    if (row.revokedAt) throw new InvalidTransition('this token is already revoked');
    await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, id));
    await appendAudit(tx, { stream: 'system', actor: by, action: 'token_revoked', data: { tokenId: id } }, now, deps.ids.next());
  });
}

/**
 * On a first start there is no token to sign in with, and the embedded database cannot be opened by a second
 * process to make one: so the first start makes an admin token and leaves it in a file only its owner can read.
 */
export async function ensureFirstToken(deps: { db: Db; clock: Clock; ids: Ids }, file: string): Promise<boolean> {
  const [row] = await deps.db.select({ n: count() }).from(apiTokens);
  if (Number(row?.n) > 0) return false;
  const { token } = await createApiToken(deps, { name: 'first admin', role: 'admin' });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return true;
}
