// Deadlines: when a request falls due, and which requests count as overdue.
import { childReviewHours, dayMs, deadlineStates, dueAtFrom, dueAtOnVerification, isOverdue, reviewDaysFor, reviewPeriodDays } from '../../src/domain/deadlines';
import { terminalStates } from '../../src/domain/lifecycle';

const now = new Date('2026-03-10T07:00:00Z');
const yesterday = new Date(now.getTime() - dayMs);
const tomorrow = new Date(now.getTime() + dayMs);

test('a request still open past its due date is overdue; one due later, or closed, is not', () => {
  expect(isOverdue({ state: 'awaiting_review', dueAt: yesterday }, now)).toBe(true);
  expect(isOverdue({ state: 'needs_attention', dueAt: yesterday }, now)).toBe(true);
  expect(isOverdue({ state: 'awaiting_second_approval', dueAt: yesterday }, now)).toBe(true);
  expect(isOverdue({ state: 'awaiting_review', dueAt: tomorrow }, now)).toBe(false);
  for (const state of terminalStates) expect(isOverdue({ state, dueAt: yesterday }, now)).toBe(false);
});

test('an unconfirmed request is never overdue: its clock has not started', () => {
  expect(deadlineStates).not.toContain('received');
  expect(isOverdue({ state: 'received', dueAt: yesterday }, now)).toBe(false);
});

test('confirmation restarts the review period given at intake, in whole days', () => {
  const createdAt = new Date('2026-03-01T10:00:00.000Z');
  // Rows written before intake read the clock once were a few milliseconds short of whole days.
  const dueAt = new Date(createdAt.getTime() + 30 * dayMs - 3);
  expect(reviewPeriodDays({ createdAt, dueAt })).toBe(30);
  const verifiedAt = new Date('2026-03-03T18:30:00.000Z');
  expect(dueAtOnVerification({ createdAt, dueAt }, verifiedAt)).toEqual(new Date('2026-04-02T18:30:00.000Z'));
});

test('a child\'s request is due 72 hours after intake and again 72 hours after confirmation, whatever the usual period', () => {
  expect(reviewDaysFor({ childUnder13: true }, 30)).toBe(3);
  expect(reviewDaysFor({ childUnder13: false }, 30)).toBe(30);
  const createdAt = new Date('2026-03-01T10:00:00.000Z');
  const dueAt = dueAtFrom(createdAt, reviewDaysFor({ childUnder13: true }, 30));
  expect(dueAt.getTime() - createdAt.getTime()).toBe(childReviewHours * 3600_000);
  const verifiedAt = new Date('2026-03-02T09:15:00.000Z');
  expect(dueAtOnVerification({ createdAt, dueAt, childUnder13: true }, verifiedAt)).toEqual(new Date('2026-03-05T09:15:00.000Z'));
  // Even a row whose intake period was the usual one is answered within 72 hours once it is known to be a child's.
  expect(dueAtOnVerification({ createdAt, dueAt: dueAtFrom(createdAt, 30), childUnder13: true }, verifiedAt)).toEqual(new Date('2026-03-05T09:15:00.000Z'));
});
