// kill -9 of the workers, at test size: see scenarios/killWorkers.ts.
import { killWorkersScenario } from './scenarios/killWorkers';

test('with workers killed by SIGKILL at random moments twenty times, every request completes, each post is redacted once and each email arrives once, or again only when its sender died before it could record the send', async () => {
  const { figures, details } = await killWorkersScenario.run('test');
  expect(details).toMatchObject({ problems: 'none', failedJobs: 'none' });
  expect(figures).toMatchObject({ redactionsCompleted: 200, lost: 0, appliedTwice: 0 });
  // The one duplicate allowed: the same message again, after a worker died between the SMTP server's acceptance and
  // the commit that records it (see mail/mailJobs.ts); tallyBatch lists any other as a problem.
  expect(figures.duplicateEmails).toBe(details.resentAfterKill);
  // Twenty kills in all; how many land while jobs still run depends on the machine's speed, so the floor there is lower.
  expect(details.kills).toBeGreaterThanOrEqual(20);
  expect(details.killsWhileWorking).toBeGreaterThanOrEqual(10);
}, 150_000);
