// kill -9 of the workers, at test size: see scenarios/killWorkers.ts.
import { killWorkersScenario } from './scenarios/killWorkers';

test('with workers killed by SIGKILL at random moments twenty times, every request completes, each post is redacted once and each email arrives once', async () => {
  const { figures, details } = await killWorkersScenario.run('test');
  expect(details).toMatchObject({ problems: 'none', failedJobs: 'none' });
  expect(figures).toEqual({ redactionsCompleted: 120, lost: 0, appliedTwice: 0, duplicateEmails: 0 });
  expect(details.kills).toBeGreaterThanOrEqual(20);
}, 150_000);
