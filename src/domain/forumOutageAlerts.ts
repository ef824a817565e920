// Tells the admins when the forum database stays unreachable: the workers count each failed try in the open outage
// (store/forumOutages.ts), and the first job to fail FORUM_FAILURE_ALERT_AFTER times in a row writes one alert email
// per admin to the outbox, in the same transaction as the claim, so that an outage is alerted once, whatever the
// number of requests, retries or workers. A try that reaches the forum ends the outage.
import type { Logger } from 'pino';
import type { Db } from '../store/database';
import { addToOutbox } from '../store/outbox';
import { adminAccounts, claimOutageAlert, countOutageFailure, endOutage } from '../store/forumOutages';
import type { Clock, Ids } from './clockAndIds';

/** After an alert, no other outage is alerted for this long: a flapping forum makes one email, not one per flap. */
export const alertQuietMs = 60 * 60_000;
/** A process that saw no failure checks for an outage left open by another this often, at most. */
const endCheckEveryMs = 30_000;

export interface ForumOutageDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  log: Logger;
  /** Called after a commit that wrote outbox rows. */
  outboxWritten(): void;
  /** FORUM_FAILURE_ALERT_AFTER */
  alertAfter: number;
}

export interface ForumOutages {
  /**
   * One more failed try against the forum, the failedInARow-th of its job; answers whether it alerted the admins.
   * The alert waits for one job to fail alertAfter times in a row, that is for the outage to outlast that many
   * retries, so that a blip that fails many jobs at once alerts nobody.
   */
  failed(error: string, failedInARow: number): Promise<boolean>;
  /** A call reached the forum: ends the open outage (without waiting, and at most every so often unless one failed here). */
  reached(): void;
}

export function createForumOutages(deps: ForumOutageDeps): ForumOutages {
  let failedHere = false;
  let lastEndCheck = 0;
  let ending: Promise<unknown> | undefined;
  return {
    async failed(error, failedInARow) {
      failedHere = true;
      const now = deps.clock.now();
      const alerted = await deps.db.transaction(async (tx) => {
        const outage = await countOutageFailure(tx, { id: deps.ids.next(), error, now });
        if (failedInARow < deps.alertAfter || outage.alertedAt) return false;
        if (!(await claimOutageAlert(tx, outage.id, now, alertQuietMs))) return false;
        for (const admin of await adminAccounts(tx)) {
          await addToOutbox(tx, deps.ids.next(), 'mail.forum-outage', { outageId: outage.id, accountId: admin.id }, now);
        }
        return true;
      });
      if (alerted) {
        deps.log.warn({ failedInARow }, 'the forum database stays unreachable: alerting the admins');
        deps.outboxWritten();
      }
      return alerted;
    },
    reached() {
      const now = deps.clock.now().getTime();
      if (ending || (!failedHere && now - lastEndCheck < endCheckEveryMs)) return;
      lastEndCheck = now;
      failedHere = false;
      ending = endOutage(deps.db, deps.clock.now())
        .then((ended) => ended && deps.log.info('the forum database answers again: outage over'))
        .catch((error: unknown) => deps.log.warn({ error: (error as Error).name }, 'could not record the end of a forum outage'))
        .finally(() => (ending = undefined));
    },
  };
}
