// SMTP down: emails wait in Erasure while the server refuses them, are retried with a capped backoff, and all
// arrive soon after it accepts again; none twice.
import { mailsPerRequest, smtpDown } from './scenarios/smtpDown';

test('while the SMTP server refuses mail, emails are retried; once it accepts, every one arrives within a second or two, and none twice', async () => {
  const { figures, details } = await smtpDown.run('test');
  expect(figures).toEqual({ redactionsCompleted: 6, lost: 0, appliedTwice: 0, duplicateEmails: 0 });
  // The early requests' completed emails and the late ones' verify emails were held back by the outage, and tried again.
  expect(details.mailsHeld).toBeGreaterThanOrEqual(6);
  expect(details.refusals).toBeGreaterThan(details.mailsHeld as number);
  expect(details.mailsReceived).toBe(6 * mailsPerRequest);
  // The retry wait is capped at 400 ms: uncapped it would have doubled past 6 s during the 8-second outage.
  expect(details.heldDeliveredMsAfterReturn).toBeGreaterThanOrEqual(0);
  expect(details.heldDeliveredMsAfterReturn).toBeLessThan(2500);
  expect(details.partialPosts).toBe(0);
}, 90_000);
