// The request lifecycle as data: which event moves a request from which state to which, who may fire it,
// and what it sets in motion (jobs and emails). store/requestEvents.ts applies one row in one transaction.
import { InvalidTransition } from './errors';
import type { MailTemplate } from '../mail/mailTemplates';

export const requestStates = [
  'received',
  'verified',
  'awaiting_review',
  'awaiting_second_approval',
  'needs_info',
  'redacting',
  'needs_attention',
  'completed',
  'refused',
  'expired',
  'withdrawn',
] as const;
export type RequestState = (typeof requestStates)[number];

export const terminalStates: readonly RequestState[] = ['completed', 'refused', 'expired', 'withdrawn'];
export const withdrawableStates: readonly RequestState[] = ['received', 'verified', 'awaiting_review', 'awaiting_second_approval', 'needs_info'];

export type ActorKind = 'requester' | 'moderator' | 'system';
export type Actor = { kind: 'requester' } | { kind: 'system' } | { kind: 'moderator'; id: string; role: 'moderator' | 'admin' };

export const actorLabel = (actor: Actor): string => (actor.kind === 'moderator' ? `moderator:${actor.id}` : actor.kind);

/** Jobs a transition starts; each runs on the request id alone. */
export type RequestJob = 'request.locate' | 'request.redact';

export interface Transition {
  event: string;
  from: readonly RequestState[];
  to: RequestState;
  by: readonly ActorKind[];
  jobs?: readonly RequestJob[];
  mail?: MailTemplate;
}

export const transitions = [
  { event: 'verify', from: ['received'], to: 'verified', by: ['requester'], jobs: ['request.locate'], mail: 'received' },
  { event: 'expire', from: ['received'], to: 'expired', by: ['system'] },
  { event: 'located', from: ['verified'], to: 'awaiting_review', by: ['system'] },
  { event: 'locate_failed', from: ['verified'], to: 'needs_attention', by: ['system'] },
  { event: 'approve', from: ['awaiting_review'], to: 'redacting', by: ['moderator'], jobs: ['request.redact'] },
  // Four eyes: approved findings that include other people's information wait for a second moderator.
  // The table cannot say "a different moderator": domain/decisions.ts checks that against the first approver.
  { event: 'approve_first', from: ['awaiting_review'], to: 'awaiting_second_approval', by: ['moderator'] },
  { event: 'approve_second', from: ['awaiting_second_approval'], to: 'redacting', by: ['moderator'], jobs: ['request.redact'] },
  { event: 'refuse', from: ['awaiting_review', 'awaiting_second_approval', 'needs_info', 'needs_attention'], to: 'refused', by: ['moderator'], mail: 'refused' },
  { event: 'ask', from: ['awaiting_review', 'awaiting_second_approval'], to: 'needs_info', by: ['moderator'], mail: 'needs_info' },
  { event: 'answer', from: ['needs_info'], to: 'awaiting_review', by: ['requester'] },
  { event: 'redacted', from: ['redacting'], to: 'completed', by: ['system'], mail: 'completed' },
  // The post changed after review: locate it again and send it back to review. Found by the redaction worker, or
  // told by the forum's post.edited webhook while the request still waits for a decision.
  { event: 'post_changed', from: ['redacting', 'awaiting_review', 'awaiting_second_approval'], to: 'verified', by: ['system'], jobs: ['request.locate'] },
  { event: 'redaction_failed', from: ['redacting'], to: 'needs_attention', by: ['system'] },
  { event: 'retry_redaction', from: ['needs_attention'], to: 'redacting', by: ['moderator'], jobs: ['request.redact'] },
  { event: 'retry_locate', from: ['needs_attention'], to: 'verified', by: ['moderator'], jobs: ['request.locate'] },
  // Before the address is confirmed, whoever submitted may withdraw, but the address's owner is not mailed again.
  { event: 'withdraw', from: ['received'], to: 'withdrawn', by: ['requester'] },
  { event: 'withdraw', from: ['verified', 'awaiting_review', 'awaiting_second_approval', 'needs_info'], to: 'withdrawn', by: ['requester'], mail: 'withdrawn' },
] as const satisfies readonly Transition[];

export type RequestEvent = (typeof transitions)[number]['event'];

/** The transition an actor may fire from a state, or InvalidTransition saying why not. */
export function transitionFor(from: RequestState, event: RequestEvent, actor: ActorKind): Transition {
  const candidates: Transition[] = transitions.filter((t) => t.event === event);
  if (candidates.length === 0) throw new InvalidTransition(`unknown event ${event}`);
  const transition = candidates.find((t) => t.from.includes(from));
  if (!transition) throw new InvalidTransition(`a request that is ${from} cannot be sent '${event}'`);
  if (!transition.by.includes(actor)) throw new InvalidTransition(`a ${actor} cannot fire '${event}'`);
  return transition;
}

export const isRequestState = (value: string): value is RequestState => (requestStates as readonly string[]).includes(value);
