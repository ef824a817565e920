// Moderator and admin accounts of the console: passwords hashed with argon2id, sign-in with lock-out after
// repeated failures, and the admin's actions on accounts. Every change is an entry in the 'system' audit stream.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Clock, Ids } from '../domain/clockAndIds';
import { InvalidTransition, ValidationFailed } from '../domain/errors';
import { appendAudit } from './auditTrail';
import type { Db } from './database';
import { moderators, sessions } from './schema';

export const accountRoles = ['moderator', 'admin'] as const;
export type AccountRole = (typeof accountRoles)[number];

/** Failed sign-ins in a row that lock an account, and for how long. */
export const signInLimit = { failures: 5, lockMinutes: 15 } as const;
export const minPasswordLength = 12;

export interface AccountDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
}

export interface Account {
  id: string;
  email: string;
  displayName: string;
  role: AccountRole;
  disabled: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();

// A sign-in for an unknown address still pays for one argon2 verification, so timing does not tell
// which addresses have accounts.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hash(randomBytes(16).toString('hex')));

function checkNewAccount(input: { email: string; displayName: string; role: string; password: string }): void {
  const errors = [];
  if (!/^[^\s@]+@[^\s@]+$/.test(input.email.trim()) || input.email.length > 254) errors.push({ field: 'email', message: 'must be an email address' });
  if (input.displayName.trim().length === 0 || input.displayName.length > 100 || /[\r\n]/.test(input.displayName)) {
    errors.push({ field: 'displayName', message: 'must be 1 to 100 characters on one line' });
  }
  if (!(accountRoles as readonly string[]).includes(input.role)) errors.push({ field: 'role', message: `must be ${accountRoles.join(' or ')}` });
  if (input.password.length < minPasswordLength || input.password.length > 1024) {
    errors.push({ field: 'password', message: `must be at least ${minPasswordLength} characters` });
  }
  if (errors.length > 0) throw new ValidationFailed(errors);
}

export async function addAccount(
  deps: AccountDeps,
  input: { email: string; displayName: string; role: AccountRole; password: string },
  by: string,
): Promise<{ id: string }> {
  checkNewAccount(input);
  const email = normaliseEmail(input.email);
  const [existing] = await deps.db.select({ id: moderators.id }).from(moderators).where(eq(moderators.email, email));
  if (existing) throw new ValidationFailed([{ field: 'email', message: 'an account with this email already exists' }]);
  const id = deps.ids.next();
  const now = deps.clock.now();
  const passwordHash = await hash(input.password);
  await deps.db.transaction(async (tx) => {
    await tx.insert(moderators).values({ id, email, displayName: input.displayName.trim(), role: input.role, passwordHash, createdAt: now });
    await appendAudit(tx, { stream: 'system', actor: by, action: 'account_added', data: { accountId: id, role: input.role } }, now, deps.ids.next());
  });
  return { id };
}

export type SignInResult = { ok: true; account: Account } | { ok: false; why: 'wrong' | 'locked'; lockedUntil?: Date };

export async function signIn(deps: AccountDeps, email: string, password: string): Promise<SignInResult> {
  const [row] = await deps.db.select().from(moderators).where(eq(moderators.email, normaliseEmail(email)));
  if (!row || !row.passwordHash || row.disabledAt) {
    await verify(await decoy(), password);
    return { ok: false, why: 'wrong' };
  }
  const now = deps.clock.now();
  if (row.lockedUntil && row.lockedUntil > now) return { ok: false, why: 'locked', lockedUntil: row.lockedUntil };
  if (await verify(row.passwordHash, password)) {
    await deps.db.update(moderators).set({ failedSignIns: 0, lockedUntil: null }).where(eq(moderators.id, row.id));
    return { ok: true, account: accountOf({ ...row, lockedUntil: null }) };
  }
  // Counted in SQL, so that parallel guesses cannot each read the same count.
  const [counted] = await deps.db
    .update(moderators)
    .set({ failedSignIns: sql`${moderators.failedSignIns} + 1` })
    .where(eq(moderators.id, row.id))
    .returning({ failures: moderators.failedSignIns });
  if ((counted?.failures ?? 0) >= signInLimit.failures) {
    const lockedUntil = new Date(now.getTime() + signInLimit.lockMinutes * 60_000);
    await deps.db.transaction(async (tx) => {
      await tx.update(moderators).set({ failedSignIns: 0, lockedUntil }).where(eq(moderators.id, row.id));
      await appendAudit(tx, { stream: 'system', actor: 'system', action: 'account_locked', data: { accountId: row.id, minutes: signInLimit.lockMinutes } }, now, deps.ids.next());
    });
    return { ok: false, why: 'locked', lockedUntil };
  }
  return { ok: false, why: 'wrong' };
}

export async function listAccounts(db: Db): Promise<Account[]> {
  const rows = await db.select().from(moderators).orderBy(asc(moderators.email));
  return rows.map(accountOf);
}

export async function getAccount(db: Db, id: string): Promise<Account | null> {
  const [row] = await db.select().from(moderators).where(eq(moderators.id, id));
  return row ? accountOf(row) : null;
}

/** Disabling ends the account's sessions at once; the last enabled admin cannot be disabled. */
export async function setAccountDisabled(deps: AccountDeps, id: string, disabled: boolean, by: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(moderators).where(eq(moderators.id, id)).for('update');
    if (!row) throw new ValidationFailed([{ field: 'account', message: 'no such account' }]);
    if (disabled && row.role === 'admin' && !row.disabledAt) {
      const [admins] = await tx
        .select({ n: count() })
        .from(moderators)
        .where(and(eq(moderators.role, 'admin'), isNull(moderators.disabledAt)));
      if (Number(admins?.n) <= 1) throw new InvalidTransition('this is the last admin account: add another admin before disabling it');
    }
    await tx.update(moderators).set({ disabledAt: disabled ? now : null, failedSignIns: 0, lockedUntil: null }).where(eq(moderators.id, id));
    if (disabled) await tx.delete(sessions).where(eq(sessions.moderatorId, id));
    await appendAudit(tx, { stream: 'system', actor: by, action: disabled ? 'account_disabled' : 'account_enabled', data: { accountId: id } }, now, deps.ids.next());
  });
}

/**
 * The embedded default cannot be reached by a second process while it runs, so its first start makes an admin
 * account and leaves the address and password in a file only its owner can read. Returns the email, or null
 * when an account with a password already exists.
 */
export async function ensureFirstAdmin(deps: AccountDeps, file: string): Promise<string | null> {
  const [row] = await deps.db.select({ n: count() }).from(moderators).where(isNotNull(moderators.passwordHash));
  if (Number(row?.n) > 0) return null;
  const email = 'admin@localhost';
  const password = randomBytes(15).toString('base64url');
  await addAccount(deps, { email, displayName: 'First admin', role: 'admin', password }, 'system');
  writeFileSync(file, `email: ${email}\npassword: ${password}\n`, { mode: 0o600 });
  return email;
}

function accountOf(row: typeof moderators.$inferSelect): Account {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as AccountRole,
    disabled: row.disabledAt !== null,
    lockedUntil: row.lockedUntil,
    createdAt: row.createdAt,
  };
}
