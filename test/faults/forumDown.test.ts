// Forum database down during redactions: the jobs wait and retry without stranding requests in needs_attention,
// moderators see the last error, each admin gets one alert, everything completes after recovery, and a write cut
// in the middle leaves the post exactly as it was.
import { forumDown } from './scenarios/forumDown';

test('when the forum database goes down mid-redaction, requests wait in redacting, admins are alerted once, and all complete after recovery, none half-written', async () => {
  const { figures, details } = await forumDown.run('test');
  expect(figures).toEqual({ redactionsCompleted: 3, lost: 0, appliedTwice: 0, duplicateEmails: 0 });
  // The rewrite is one transaction: cut between the post's UPDATE and its revision's, the post is as it was.
  expect(details.postAfterCut).toBe('original');
  expect(details.partialPosts).toBe(0);
  // A forum outage does not use up REDACT_MAX_ATTEMPTS (2 here): the requests wait, redacting.
  expect(details.needsAttentionAtEndOfOutage).toBe(0);
  expect(details.redactingAtEndOfOutage).toBe(3);
  // Moderators still open the request, and see why it waits, when, and after how many tries.
  expect(details.requestViewWhileDown).toBe(200);
  expect(details.forumReachableWhileDown).toBe('false');
  expect(details.lastErrorShown).toMatch(/^forum database unreachable \((ECONNREFUSED|connection lost)\)$/);
  expect(details.lastErrorAttempts).toBeGreaterThanOrEqual(2);
  expect(details.lastErrorAt).toBe('set');
  expect(details.consolePageShowsError).toBe('true');
  expect(details.lastErrorAfterRecovery).toBe('cleared');
  // The outage was recorded once, and its end seen when the forum answered again.
  expect(details.outagesRecorded).toBe(1);
  expect(details.outagesOpenAfterRecovery).toBe(0);
  // The intake says the forum is away, with a 503, not a 500.
  expect(details.intakeWhileDown).toBe(503);
  expect(details.intakeCodeWhileDown).toBe('forum_unavailable');
  // One alert per admin for the whole outage, none to a moderator, naming the error and no requester.
  expect(details.alertsPerAdmin).toBe('1/1');
  expect(details.alertsToModerator).toBe(0);
  expect(details.alertNamesTheError).toBe('true');
  expect(details.alertNamesARequester).toBe('false');
}, 90_000);
