// Deadlines: moderators answer a request within REVIEW_DEADLINE_DAYS of the requester confirming their address.
// Intake sets a provisional due date (the column is NOT NULL); verification restarts the clock from then.
import type { Db } from '../store/database';
import { type DueRequest, openRequestsDueBy } from '../store/requestRecords';
import type { Clock } from './clockAndIds';
import { type RequestState, requestStates, terminalStates } from './lifecycle';

export const dayMs = 24 * 3600_000;

/**
 * States in which the forum owes the requester an answer. An unconfirmed request ('received') is not among
 * them: its clock has not started, and it expires rather than falls due.
 */
export const deadlineStates: readonly RequestState[] = requestStates.filter((state) => state !== 'received' && !terminalStates.includes(state));

export const dueAtFrom = (start: Date, days: number): Date => new Date(start.getTime() + days * dayMs);

/** A request about a child under 13 is urgent: it is answered within 72 hours, whatever REVIEW_DEADLINE_DAYS says. */
export const childReviewHours = 72;

/**
 * The review period a new request is given, in whole days. A child's 72 hours are exactly 3 days, so that
 * reviewPeriodDays() reads the same period back at verification and the clock restarts with 72 hours again.
 */
export function reviewDaysFor(request: { childUnder13: boolean }, reviewDeadlineDays: number): number {
  return request.childUnder13 ? childReviewHours / 24 : reviewDeadlineDays;
}

/**
 * The review period a request was given at intake, in whole days. Verification restarts that same period:
 * the requester was promised it on the form, and the status link route that verifies has no setting to read.
 * Rounded, because rows written before intake and creation shared one clock reading differ by milliseconds.
 */
export function reviewPeriodDays(request: { createdAt: Date; dueAt: Date }): number {
  return Math.max(1, Math.round((request.dueAt.getTime() - request.createdAt.getTime()) / dayMs));
}

/** The due date once the requester confirmed their address at verifiedAt; a child's request is due 72 hours later. */
export function dueAtOnVerification(request: { createdAt: Date; dueAt: Date; childUnder13?: boolean }, verifiedAt: Date): Date {
  if (request.childUnder13) return new Date(verifiedAt.getTime() + childReviewHours * 3600_000);
  return dueAtFrom(verifiedAt, reviewPeriodDays(request));
}

/** An open request whose due date has passed. */
export function isOverdue(request: { state: string; dueAt: Date }, now: Date): boolean {
  return (deadlineStates as readonly string[]).includes(request.state) && request.dueAt.getTime() < now.getTime();
}

/** Open requests due within `days` from now, overdue ones included, soonest (most overdue) first. */
export async function requestsDueWithin(deps: { db: Db; clock: Clock }, days: number, limit = 500): Promise<(DueRequest & { overdue: boolean })[]> {
  const now = deps.clock.now();
  const rows = await openRequestsDueBy(deps.db, deadlineStates, dueAtFrom(now, days), limit);
  return rows.map((row) => ({ ...row, overdue: isOverdue(row, now) }));
}
