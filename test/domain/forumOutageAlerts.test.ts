// When the admins hear of a forum outage, against Erasure's real database: once a job has failed
// FORUM_FAILURE_ALERT_AFTER times in a row, one alert per admin (not per failure, request or worker), none for a
// blip, and none again for a new outage within the hour after an alert.
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { createForumOutages, type ForumOutages } from '../../src/domain/forumOutageAlerts';
import { randomIds } from '../../src/domain/clockAndIds';
import { rowsOf } from '../../src/forum/postgres/rows';
import { addAccount } from '../../src/store/moderatorAccounts';
import { movableClock, type MovableClock } from '../support/world';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

let database: TestDatabase;
let clock: MovableClock;
let outages: ForumOutages;
let kicks = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  clock = movableClock();
  const deps = { db: database.db, clock, ids: randomIds };
  for (const [email, role] of [['admin1@example.org', 'admin'], ['admin2@example.org', 'admin'], ['mod@example.org', 'moderator']] as const) {
    await addAccount(deps, { email, displayName: email, role, password: 'a long enough password' }, 'test');
  }
  outages = createForumOutages({ ...deps, log: pino({ level: 'silent' }), outboxWritten: () => void (kicks += 1), alertAfter: 3 });
});
afterAll(async () => {
  await database?.close();
});

async function alertRows(): Promise<string[]> {
  const rows = rowsOf(await database.db.execute(sql`SELECT payload->>'accountId' AS account FROM outbox WHERE job = 'mail.forum-outage'`));
  return rows.map((row) => String(row.account));
}

async function openOutages(): Promise<number> {
  const [row] = rowsOf(await database.db.execute(sql`SELECT count(*)::int AS n FROM forum_outages WHERE ended_at IS NULL`));
  return Number(row?.n ?? 0);
}

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
};

test('many jobs failing once (a blip) alert nobody; the first job to fail 3 times in a row alerts each admin once, and later failures do not', async () => {
  for (let i = 0; i < 10; i += 1) expect(await outages.failed('forum database unreachable (ECONNRESET)', 1)).toBe(false);
  expect(await outages.failed('forum database unreachable (ECONNREFUSED)', 2)).toBe(false);
  expect(await alertRows()).toEqual([]);
  expect(await outages.failed('forum database unreachable (ECONNREFUSED)', 3)).toBe(true);
  expect(kicks).toBe(1);
  expect(await alertRows()).toHaveLength(2);
  // Other jobs, and the same one, keep failing: no more alerts in this outage.
  for (const inARow of [3, 4, 5, 9]) expect(await outages.failed('forum database unreachable (ECONNREFUSED)', inARow)).toBe(false);
  expect(await alertRows()).toHaveLength(2);
  const [outage] = rowsOf(await database.db.execute(sql`SELECT failures, last_error FROM forum_outages`));
  expect(outage).toEqual({ failures: 16, last_error: 'forum database unreachable (ECONNREFUSED)' });
});

test('an answer from the forum ends the outage; a new one within the hour is recorded but not alerted, one after it is', async () => {
  outages.reached();
  await until(async () => (await openOutages()) === 0);
  expect(await openOutages()).toBe(0);
  clock.advance(10 * 60_000);
  expect(await outages.failed('forum database unreachable (ECONNREFUSED)', 3)).toBe(false);
  expect(await openOutages()).toBe(1);
  expect(await alertRows()).toHaveLength(2);
  outages.reached();
  await until(async () => (await openOutages()) === 0);
  clock.advance(2 * 60 * 60_000);
  expect(await outages.failed('forum database unreachable (ECONNREFUSED)', 3)).toBe(true);
  expect(await alertRows()).toHaveLength(4);
});
