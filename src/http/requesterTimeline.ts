// What the requester may see of their request's history: the audit trail read through a list of the steps meant
// for them. An entry says what happened and when, never who (no moderator identity) and never an internal id;
// an action not on the list — a retry, a failure, anything added later — stays out until someone puts it here.
import { type RefusalReason, refusalReasons } from '../domain/refusalReasons';

export const timelineEvents = [
  'received',
  'verified',
  'located',
  'first_approval',
  'approved',
  'refused',
  'asked',
  'answered',
  'completed',
  'withdrawn',
  'expired',
] as const;
export type TimelineEvent = (typeof timelineEvents)[number];

export interface TimelineEntry {
  event: TimelineEvent;
  at: string;
  /** refused: the reason's code, whose text the page translates. */
  reason?: RefusalReason;
  /** refused: the moderators' message to the requester, as sent by email. */
  message?: string;
  /** asked: the latest question, once it is no longer waiting for an answer (the page shows it apart until then). */
  question?: string;
}

const eventOfAction: Record<string, TimelineEvent> = {
  submit: 'received',
  // A request a forum user's report opened: received from the forum rather than from the form.
  reported: 'received',
  verify: 'verified',
  located: 'located',
  approve_first: 'first_approval',
  approve: 'approved',
  approve_second: 'approved',
  refuse: 'refused',
  ask: 'asked',
  answer: 'answered',
  redacted: 'completed',
  withdraw: 'withdrawn',
  expire: 'expired',
};

interface AuditRow {
  action: string;
  at: Date;
  data: unknown;
}

interface RequestTexts {
  state: string;
  question: string | null;
  refusalMessage: string | null;
}

const isReason = (value: unknown): value is RefusalReason => typeof value === 'string' && (refusalReasons as readonly string[]).includes(value);

export function requesterTimeline(trail: readonly AuditRow[], request: RequestTexts): TimelineEntry[] {
  const entries: TimelineEntry[] = trail.flatMap((row) => {
    const event = eventOfAction[row.action];
    if (!event) return [];
    const entry: TimelineEntry = { event, at: row.at.toISOString() };
    // Only the reason code is taken from the audit data: the rest of it (counts, approvers) is for moderators.
    const reason = (row.data as { reason?: unknown } | null)?.reason;
    if (event === 'refused' && isReason(reason)) entry.reason = reason;
    return [entry];
  });
  // The request keeps one refusal message and one question, the latest: they belong to the last such entry.
  const lastRefusal = entries.findLast((e) => e.event === 'refused');
  if (lastRefusal && request.refusalMessage) lastRefusal.message = request.refusalMessage;
  const lastQuestion = entries.findLast((e) => e.event === 'asked');
  if (lastQuestion && request.question && request.state !== 'needs_info') lastQuestion.question = request.question;
  return entries;
}
