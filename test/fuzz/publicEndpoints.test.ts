// Every public endpoint, fuzzed with generated inputs against a real Erasure (PGlite in one pass, PostgreSQL in the
// other, since the answers to bad input must not depend on the database): no 5xx, refusals that say what to fix,
// no partial writes, and no email with an injected header. test/faults/scenarios/fuzzEndpoints.ts holds the run.
import { fuzzEndpoints } from '../faults/scenarios/fuzzEndpoints';

test('generated bad input never gets a 500, never writes half a request and never injects a mail header', async () => {
  const { figures, details } = await fuzzEndpoints.run('test');
  if (process.env.SHOW_FUZZ) console.log(figures, details);
  expect(details.firstProblem).toBe('none');
  expect(figures.serverErrors).toBe(0);
  expect(details.unhelpfulRefusals).toBe(0);
  expect(details.partialWrites).toBe(0);
  expect(details.strayWrites).toBe(0);
  expect(details.badMails).toBe(0);
  // The run was meaningful: every kind of endpoint was reached, some inputs got through and were mailed.
  expect(figures.inputsFuzzed).toBe(4040);
  expect(details.accepted).toBeGreaterThan(20);
  expect(details.rejected).toBeGreaterThan(2000);
  expect(details.mailsChecked).toBeGreaterThan(20);
  for (const endpoint of ['POST /api/v1/requests', 'POST /', 'GET /api/v1/requests/:id', 'GET /status/:id', 'GET /verify/:id', 'POST /api/v1/webhooks/forum', 'POST /api/v1/webhooks/forum (report on a real post)', 'POST /console/sign-in']) {
    expect(details[endpoint]).toBeDefined();
  }
}, 240_000);
