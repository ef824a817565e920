// Redis down: the intake answers while it is away (the outbox holds the work), the jobs lost with its memory are
// enqueued again when it returns, and every request completes, with no crash or unhandled error.
import { redisDown } from './scenarios/redisDown';

test('when Redis dies with redactions in it and comes back empty, intake keeps answering and every request completes, once', async () => {
  const { figures, details } = await redisDown.run('test');
  expect(figures).toEqual({ redactionsCompleted: 8, lost: 0, appliedTwice: 0, duplicateEmails: 0 });
  // The four early redactions were in Redis, relayed and unfinished, when it was killed.
  expect(details.jobsLostWithRedis).toBe(4);
  expect(details.acceptedWhileDown).toBe(4);
  expect(details.slowestIntakeMsWhileDown).toBeLessThan(2000);
  // Readiness tells the truth meanwhile.
  expect(details.readinessWhileDown).toBe(503);
  // Under Jest an uncaught error fails the test by itself; the count is for the benchmark's plain process.
  expect(details.unhandledErrors).toBe(0);
  expect(details.partialPosts).toBe(0);
}, 90_000);
