// Console sessions, stored in the database so that any Erasure process can check them and signing out or
// disabling an account takes effect everywhere at once. The cookie carries a random token; the table keeps
// only its SHA-256, with the session's CSRF token.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Clock } from '../domain/clockAndIds';
import type { Db } from './database';
import type { AccountRole } from './moderatorAccounts';
import { moderators, sessions } from './schema';

/** A session ends 12 hours after sign-in, or after 2 hours without a request. */
export const sessionLimits = { absoluteHours: 12, idleMinutes: 120 } as const;

export interface Session {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  account: { id: string; email: string; displayName: string; role: AccountRole };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export async function startSession(deps: { db: Db; clock: Clock }, accountId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + sessionLimits.absoluteHours * 3600_000);
  await deps.db.insert(sessions).values({ id: hashToken(token), moderatorId: accountId, csrfToken: newToken(), createdAt: now, lastSeenAt: now, expiresAt });
  return { token, expiresAt };
}

/** The live session a cookie's token opens, or null; touches lastSeenAt at most once a minute. */
export async function findSession(deps: { db: Db; clock: Clock }, token: string): Promise<Session | null> {
  if (token.length === 0 || token.length > 100) return null;
  const now = deps.clock.now();
  const [row] = await deps.db
    .select({
      id: sessions.id,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      accountId: moderators.id,
      email: moderators.email,
      displayName: moderators.displayName,
      role: moderators.role,
      disabledAt: moderators.disabledAt,
    })
    .from(sessions)
    .innerJoin(moderators, eq(moderators.id, sessions.moderatorId))
    .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, now)));
  if (!row || row.disabledAt) return null;
  const idleSince = now.getTime() - row.lastSeenAt.getTime();
  if (idleSince > sessionLimits.idleMinutes * 60_000) {
    await deps.db.delete(sessions).where(eq(sessions.id, row.id));
    return null;
  }
  if (idleSince > 60_000) await deps.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.id));
  return {
    id: row.id,
    csrfToken: row.csrfToken,
    expiresAt: row.expiresAt,
    account: { id: row.accountId, email: row.email, displayName: row.displayName, role: row.role as AccountRole },
  };
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Removes sessions past their end; the maintenance queue runs it, and findSession never trusts an old row anyway. */
export async function removeExpiredSessions(deps: { db: Db; clock: Clock }): Promise<number> {
  const now = deps.clock.now();
  const idleCutoff = new Date(now.getTime() - sessionLimits.idleMinutes * 60_000);
  const gone = await deps.db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  const idle = await deps.db.delete(sessions).where(lt(sessions.lastSeenAt, idleCutoff)).returning({ id: sessions.id });
  return gone.length + idle.length;
}
