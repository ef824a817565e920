// kill -9 of the HTTP process during intake, at test size: see scenarios/killHttp.ts.
import { killHttpScenario } from './scenarios/killHttp';

test('with the HTTP process killed by SIGKILL during a flood of requests, every 202 is a stored request and nothing answered with an error is stored', async () => {
  const { figures, details } = await killHttpScenario.run('test');
  expect(details).toMatchObject({ problems: 'none', storedAfterError: 0, kills: 8 });
  expect(figures).toEqual({ lost: 0, serverErrors: 0 });
  // Every submission is accounted for: answered 202, or cut off by a kill (stored or not), or refused with a 4xx.
  expect(Number(details.answered202) + Number(details.cutOff) + Number(details.clientErrors)).toBe(details.submissions);
  expect(details.stored).toBe(Number(details.answered202) + Number(details.cutOffStored));
}, 120_000);
