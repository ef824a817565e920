// The mail sends' backoff doubles from the first wait and stops at the longest, so that mail held back by a long
// SMTP outage goes out soon after the server returns, not an hour later.
import { cappedDelay } from '../../src/queue/queues';

const schedule = { delayMs: 2000, maxDelayMs: 120_000 };

test('the wait doubles after each failed try, from the first wait', () => {
  expect([1, 2, 3, 4].map((attempts) => cappedDelay(schedule, attempts, () => 0))).toEqual([2000, 4000, 8000, 16_000]);
});

test('the wait never passes the longest wait, however many tries failed', () => {
  expect(cappedDelay(schedule, 7, () => 0)).toBe(120_000);
  expect(cappedDelay(schedule, 99, () => 0)).toBe(120_000);
  expect(cappedDelay(schedule, 5000, () => 0)).toBe(120_000);
});

test('jitter only shortens a wait, by a tenth at most', () => {
  expect(cappedDelay(schedule, 99, () => 1)).toBe(108_000);
  expect(cappedDelay(schedule, 1, () => 0.5)).toBe(1900);
});
