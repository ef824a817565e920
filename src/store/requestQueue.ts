// The moderators' queue: open requests by deadline, filtered by state or overdue, and how many are in each state.
// Overdue means what domain/deadlines.ts says: an unconfirmed request has no deadline running yet.
// A child's request (under 13) is urgent: it comes before every other, whatever their deadlines.
import { and, count, inArray, lt, notInArray } from 'drizzle-orm';
import { deadlineStates } from '../domain/deadlines';
import { terminalStates, type RequestState } from '../domain/lifecycle';
import type { Db } from './database';
import { urgentFirst } from './requestRecords';
import { requests } from './schema';

export interface QueueFilter {
  states?: RequestState[];
  overdueAt?: Date;
  limit: number;
  offset: number;
}

export async function openRequests(db: Db, filter: QueueFilter) {
  const conditions = [filter.states?.length ? inArray(requests.state, filter.states) : notInArray(requests.state, [...terminalStates])];
  if (filter.overdueAt) conditions.push(lt(requests.dueAt, filter.overdueAt), inArray(requests.state, [...deadlineStates]));
  return db
    .select({ id: requests.id, state: requests.state, dueAt: requests.dueAt, createdAt: requests.createdAt, relationship: requests.relationship, childUnder13: requests.childUnder13, scope: requests.scope, lang: requests.lang })
    .from(requests)
    .where(and(...conditions))
    .orderBy(...urgentFirst)
    .limit(filter.limit)
    .offset(filter.offset);
}

export async function countsByState(db: Db): Promise<Map<string, number>> {
  const rows = await db.select({ state: requests.state, n: count() }).from(requests).groupBy(requests.state);
  return new Map(rows.map((r) => [r.state, Number(r.n)]));
}

export async function countOverdue(db: Db, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(requests)
    .where(and(lt(requests.dueAt, now), inArray(requests.state, [...deadlineStates])));
  return Number(row?.n ?? 0);
}
