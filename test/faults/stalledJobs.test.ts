// Stalled jobs, at test size: see scenarios/stalledJobs.ts.
import { stalledJobsScenario } from './scenarios/stalledJobs';

test('a worker that hangs past its lock while it redacts or sends has its job done by another, and when it wakes the effect has still happened once', async () => {
  const { figures, details } = await stalledJobsScenario.run('test');
  expect(details).toMatchObject({ problems: 'none', failedJobs: 'none', freezes: 4 });
  expect(details.jobsTakenOver).toBe(details.jobsHeld);
  expect(figures).toEqual({ redactionsCompleted: 60, lost: 0, appliedTwice: 0, duplicateEmails: 0 });
}, 120_000);
