// Scheduled upkeep: expire requests never verified, and re-enqueue work that a lost job left behind.
import type { Logger } from 'pino';
import { InvalidTransition } from '../src/domain/errors';
import type { OutboxRelay } from '../src/queue/outboxRelay';
import type { Queues } from '../src/queue/queues';
import { sendJobId } from '../src/mail/mailJobs';
import { unsentBefore } from '../src/store/mailRecords';
import { applyEvent, type EventDeps } from '../src/store/requestEvents';
import { unverifiedBefore } from '../src/store/requestRecords';

export async function expireUnverified(deps: EventDeps & { log: Logger }, unverifiedDays: number): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - unverifiedDays * 24 * 3600_000);
  let expired = 0;
  for (const requestId of await unverifiedBefore(deps.db, cutoff, 500)) {
    try {
      await applyEvent(deps, { requestId, event: 'expire', actor: { kind: 'system' }, audit: { unverifiedDays } });
      expired += 1;
    } catch (error) {
      // Verified in the meantime: nothing to expire.
      if (!(error instanceof InvalidTransition)) throw error;
    }
  }
  if (expired > 0) deps.log.info({ expired }, 'expired unverified requests');
  return expired;
}

export async function reconcile(deps: EventDeps & { relay: OutboxRelay; queues: Queues }, staleAfterMs: number): Promise<void> {
  await deps.relay.relayOnce();
  await deps.relay.reconcileOnce(staleAfterMs);
  const before = new Date(deps.clock.now().getTime() - staleAfterMs);
  for (const mailId of await unsentBefore(deps.db, before, 500)) {
    const job = await deps.queues.get('mail-send').getJob(sendJobId(mailId));
    const state = job ? await job.getState() : 'missing';
    if (state === 'missing' || state === 'unknown') await deps.queues.add('mail.send', { mailId }, sendJobId(mailId));
  }
}
