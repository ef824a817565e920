// API tokens for moderators and the forum backend. Only a SHA-256 of each token is kept.
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Clock, Ids } from '../domain/clockAndIds';
import { appendAudit } from './auditTrail';
import type { Db } from './database';
import { apiTokens } from './schema';

export const tokenRoles = ['moderator', 'admin'] as const;
export type TokenRole = (typeof tokenRoles)[number];

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createApiToken(deps: { db: Db; clock: Clock; ids: Ids }, input: { name: string; role: TokenRole }): Promise<{ id: string; token: string }> {
  const id = deps.ids.next();
  const token = `ert_${randomBytes(32).toString('base64url')}`;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.insert(apiTokens).values({ id, name: input.name, role: input.role, tokenHash: hashToken(token), createdAt: now });
    await appendAudit(tx, { stream: 'system', actor: 'cli', action: 'token_created', data: { tokenId: id, role: input.role } }, now, deps.ids.next());
  });
  return { id, token };
}

export async function authenticateToken(db: Db, token: string): Promise<{ id: string; role: TokenRole } | null> {
  const [row] = await db
    .select({ id: apiTokens.id, role: apiTokens.role })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  return row ? { id: row.id, role: row.role as TokenRole } : null;
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
