// Scheduled upkeep: expire requests never verified, erase identifiers past retention, re-enqueue work that a lost job left behind, and tell the
// moderators each morning which requests fall due soon.
import type { Logger } from 'pino';
import type { Clock } from '../src/domain/clockAndIds';
import { requestsDueWithin } from '../src/domain/deadlines';
import { InvalidTransition } from '../src/domain/errors';
import { calendarDay, type DigestRenderer } from '../src/mail/digestMail';
import type { MailSender } from '../src/mail/mailSender';
import type { Db } from '../src/store/database';
import { claimDigestDay, digestRecipients } from '../src/store/moderatorDigests';
import type { OutboxRelay } from '../src/queue/outboxRelay';
import type { Queues } from '../src/queue/queues';
import { sendJobId } from '../src/mail/mailJobs';
import { getMail, unsentBefore } from '../src/store/mailRecords';
import { jobPriority } from '../src/queue/jobPriority';
import { applyEvent, type EventDeps } from '../src/store/requestEvents';
import { getRequest, unverifiedBefore } from '../src/store/requestRecords';
import { eraseClosedIdentifiers } from '../src/store/retention';

/** Retention: counts only reach the log. */
export async function eraseExpiredIdentifiers(deps: EventDeps & { log: Logger }, retentionDays: number): Promise<number> {
  const erased = await eraseClosedIdentifiers(deps, retentionDays);
  if (erased > 0) deps.log.info({ erased, retentionDays }, 'erased the identifiers of closed requests past retention');
  return erased;
}

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
    if (state !== 'missing' && state !== 'unknown') continue;
    // As when it was rendered: a child's email keeps its place ahead of the others.
    const mail = await getMail(deps.db, mailId);
    const request = mail ? await getRequest(deps.db, mail.requestId) : null;
    await deps.queues.add('mail.send', { mailId }, sendJobId(mailId), { priority: jobPriority({ childUnder13: Boolean(request?.childUnder13) }) });
  }
}

/** Moderators hear of a request this many days before it falls due, and every morning after until it closes. */
export const digestWindowDays = 5;
/** The most requests one digest lists; it counts the rest, which the console shows. */
const digestListLimit = 100;

export interface DigestSettings {
  /** The hour (0–23) in timeZone at which the digest job runs. */
  hour: number;
  /** The IANA zone of that hour, of the day the digest is for, and of the dates it shows. */
  timeZone: string;
  renderer: DigestRenderer;
}

export interface DigestDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  sender: MailSender;
  linkSettings: { publicUrl: string };
  digest: DigestSettings;
}

/**
 * The morning digest: one email per moderator account listing the open requests due within five days, children's
 * (urgent) first, then overdue ones. Nothing is sent when nothing is due, nor a second time the same day.
 */
export async function sendMorningDigest(deps: DigestDeps): Promise<{ day: string; sent: number }> {
  const now = deps.clock.now();
  const day = calendarDay(now, deps.digest.timeZone);
  const due = await requestsDueWithin(deps, digestWindowDays, 10_000);
  if (due.length === 0) return { day, sent: 0 };
  const recipients = await digestRecipients(deps.db);
  if (recipients.length === 0) return { day, sent: 0 };
  // The day is claimed, and committed, before anything is sent: of two workers or a rerun, only the claimant sends.
  // If this process dies between the claim and the sends, that morning's digest is lost. That is acceptable: the
  // same requests stay in the console's queue and come back in tomorrow's digest until they close. A duplicate is
  // not: it would come with every retry and every second worker, and teach moderators to skim past the digest.
  // The Message-ID is the same for a day and a moderator, so a mail client shows any copy as the same message.
  if (!(await claimDigestDay(deps.db, { day, sentAt: now, requestCount: due.length }))) return { day, sent: 0 };
  const mail = deps.digest.renderer.render({
    entries: due.slice(0, digestListLimit),
    more: Math.max(0, due.length - digestListLimit),
    windowDays: digestWindowDays,
    timeZone: deps.digest.timeZone,
    publicUrl: deps.linkSettings.publicUrl,
  });
  let sent = 0;
  for (const moderator of recipients) {
    try {
      await deps.sender.send({ to: moderator.email, ...mail, messageId: `<digest-${day}-${moderator.id}@erasure>` });
      sent += 1;
    } catch (error) {
      // One unreachable mailbox must not keep the digest from the others. The id, not the address, is logged.
      deps.log.warn({ moderatorId: moderator.id, error: (error as Error).name }, 'the morning digest could not be sent to a moderator');
    }
  }
  deps.log.info({ day, requests: due.length, sent, of: recipients.length }, 'morning digest sent');
  if (sent < recipients.length) throw new Error(`the digest of ${day} reached ${sent} of ${recipients.length} moderators`);
  return { day, sent };
}
