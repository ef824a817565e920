// The forum's database goes down during redactions, for real: Erasure reaches it through a TCP proxy, and "down"
// cuts every open connection and refuses new ones. The first cut falls in the middle of a rewrite, between the
// post's UPDATE and its revision's; the other approved requests then meet a closed port. Erasure must keep them
// redacting (retrying, not stranding them in needs_attention), show moderators the last error, alert each admin
// once, complete everything after recovery, and never leave a post half rewritten.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../src/forum/postgres/rows';
import { makeAccount, signInAs } from '../../support/consoleSession';
import { startTcpProxy } from '../../support/tcpProxy';
import { startWorld, type World } from '../../support/world';
import type { FaultScale, FaultScenario } from '../faultScenario';
import { approveRemoval, postReads, type RemovalCase, statesOf, submitRemoval, tallyRemovals, verifyRemoval, waitForAll } from '../removalRequests';

const sizes = {
  // Two attempts only: without the outage handling, the retries would be used up within a second or two.
  test: { requests: 3, downMs: 6000, env: { REDACT_MAX_ATTEMPTS: '2', FORUM_RETRY_MS: '200', FORUM_RETRY_MAX_MS: '1000', FORUM_FAILURE_ALERT_AFTER: '3' } },
  // The production settings (5 attempts, 2 s doubling up to 2 minutes, alert after 3) against a 90-second outage.
  bench: { requests: 20, downMs: 90_000, env: {} as Record<string, string> },
};

/** The statement of the rewrite that comes after the post's own UPDATE, inside the same transaction. */
const revisionUpdate = 'UPDATE "forum"."post_revisions"';

export const forumDown: FaultScenario = {
  name: 'forumDown',
  async run(scale: FaultScale) {
    const size = sizes[scale];
    const timeoutMs = scale === 'bench' ? 5 * 60_000 : 30_000;
    const target = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    let world: World | undefined;
    try {
      world = await startWorld(size.env, { forumUrl: (url) => proxy.urlThrough(url) });
      const w = world;
      const run = randomBytes(3).toString('hex');
      const admins = [await makeAccount(w, 'admin'), await makeAccount(w, 'admin')];
      const moderatorAccount = await makeAccount(w, 'moderator');

      const removals: RemovalCase[] = await Promise.all(Array.from({ length: size.requests }, (_, i) => submitRemoval(w, `forum-${i}-${run}`, { withRevision: true })));
      await Promise.all(removals.map((removal) => verifyRemoval(w, removal, timeoutMs)));
      if ((await waitForAll(w, removals.map((r) => r.id), 'awaiting_review', timeoutMs)).length > 0) throw new Error('the requests never reached review');
      const [first, ...others] = removals as [RemovalCase, ...RemovalCase[]];

      // The cut: the first redaction's transaction has updated the post and is about to update its revision.
      const cut = proxy.cutWhen(revisionUpdate);
      await approveRemoval(w, first);
      await cut;
      const downAt = Date.now();
      const postAfterCut = await postReads(w, first);
      // The others are approved while the forum is away, and the intake answers without it.
      await Promise.all(others.map((removal) => approveRemoval(w, removal)));
      const intake = await request(w.server).post('/api/v1/requests').send({ email: `late-${run}@example.org`, posts: ['1'], scope: 'all', relationship: 'author', consent: true });

      const alertsTo = (email: string) => w.smtp.messages.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '') === email && /forum database/i.test(m.subject ?? '')).length;
      await Promise.all(admins.map((admin) => w.waitForMail(admin.email, /forum database/i, [], timeoutMs).catch(() => undefined)));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, size.downMs - (Date.now() - downAt))));

      // What moderators see at the end of the outage.
      const states = await statesOf(w, removals.map((r) => r.id));
      const view = await request(w.server).get(`/api/v1/moderation/requests/${first.id}`).set({ Authorization: `Bearer ${w.moderatorToken}` });
      const lastError = view.body?.lastError as { message: string; at: string | null; attempts: number } | null | undefined;
      const alertText = w.smtp.messages.find((m) => /forum database/i.test(m.subject ?? ''))?.text ?? '';
      const consolePage = await (await signInAs(w, 'moderator')).agent.get(`/console/requests/${first.id}`);
      const consoleShowsError = consolePage.status === 200 && consolePage.text.includes('data-last-error') && consolePage.text.includes(lastError?.message ?? '?');

      await proxy.up();
      const back = Date.now();
      const behind = await waitForAll(w, removals.map((r) => r.id), 'completed', timeoutMs);
      const recoveredMs = Date.now() - back;
      await Promise.all(removals.map((r) => w.waitForMail(r.email, /./, [`/status/${r.id}`], timeoutMs).catch(() => undefined)));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const tally = await tallyRemovals(w, removals);
      const [outages] = rowsOf(await w.database.db.execute(sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE ended_at IS NULL)::int AS open FROM forum_outages`));
      const afterRecovery = await request(w.server).get(`/api/v1/moderation/requests/${first.id}`).set({ Authorization: `Bearer ${w.moderatorToken}` });
      return {
        figures: { redactionsCompleted: tally.redactionsCompleted, lost: tally.lost, appliedTwice: tally.appliedTwice, duplicateEmails: tally.duplicateEmails },
        details: {
          downSeconds: Math.round((back - downAt) / 1000),
          connectionsCut: proxy.cuts,
          postAfterCut,
          redactingAtEndOfOutage: [...states.values()].filter((s) => s === 'redacting').length,
          needsAttentionAtEndOfOutage: [...states.values()].filter((s) => s === 'needs_attention').length,
          requestViewWhileDown: view.status,
          lastErrorShown: lastError?.message ?? 'none',
          lastErrorAttempts: lastError?.attempts ?? 0,
          lastErrorAt: lastError?.at ? 'set' : 'none',
          forumReachableWhileDown: String(view.body?.forumReachable),
          consolePageShowsError: String(consoleShowsError),
          intakeWhileDown: intake.status,
          intakeCodeWhileDown: String(intake.body?.code ?? ''),
          alertsPerAdmin: admins.map((admin) => alertsTo(admin.email)).join('/'),
          alertsToModerator: alertsTo(moderatorAccount.email),
          alertNamesTheError: String(/forum database unreachable \(/.test(alertText)),
          alertNamesARequester: String(removals.some((r) => alertText.includes(r.email))),
          outagesRecorded: Number(outages?.n ?? 0),
          outagesOpenAfterRecovery: Number(outages?.open ?? 0),
          lastErrorAfterRecovery: afterRecovery.body?.lastError === null ? 'cleared' : 'kept',
          notCompleted: behind.length,
          recoveredSecondsAfterReturn: Math.round(recoveredMs / 100) / 10,
          partialPosts: tally.partialPosts,
        },
      };
    } finally {
      await world?.close();
      await proxy.close();
    }
  },
};
