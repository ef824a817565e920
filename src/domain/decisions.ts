// What a moderator decides about a request in review: approve findings, refuse with a reason, ask a question.
import { z } from 'zod';
import { applyEvent, type EventDeps } from '../store/requestEvents';
import { findingsOf, setApprovals } from '../store/requestRecords';
import { InvalidTransition, ValidationFailed } from './errors';
import type { Actor } from './lifecycle';
import { reasonNeedsMessage, refusalReasons } from './refusalReasons';
import { fieldErrors } from './intake';

export const Approval = z.object({ findings: z.array(z.string().uuid('must be a finding id')).min(1, 'approve at least one finding, or refuse').max(5000).optional() }).strict();
export const Refusal = z
  .object({
    reason: z.enum(refusalReasons, { message: `must be one of ${refusalReasons.join(', ')}` }),
    message: z.string().trim().min(1).max(5000).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (reasonNeedsMessage(value.reason) && !value.message) ctx.addIssue({ code: 'custom', path: ['message'], message: 'write the reason: it is required when reason is "other"' });
  });
export const Question = z.object({ question: z.string().trim().min(5, 'ask a question of at least 5 characters').max(5000) }).strict();

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error));
  return parsed.data;
}

export async function approveRequest(deps: EventDeps, requestId: string, actor: Actor, body: unknown): Promise<void> {
  const { findings: chosen } = parse(Approval, body);
  const all = await findingsOf(deps.db, requestId);
  const known = new Set(all.map((f) => f.id));
  const unknown = (chosen ?? []).filter((id) => !known.has(id));
  if (unknown.length > 0) throw new ValidationFailed([{ field: 'findings', message: `not findings of this request: ${unknown.join(', ')}` }]);
  const approved = chosen ?? all.map((f) => f.id);
  if (approved.length === 0) throw new InvalidTransition('there is nothing to approve: refuse the request with reason no_personal_info or not_found');
  await applyEvent(deps, {
    requestId,
    event: 'approve',
    actor,
    audit: { approved: approved.length, of: all.length },
    within: (tx) => setApprovals(tx, requestId, approved),
  });
}

export async function refuseRequest(deps: EventDeps, requestId: string, actor: Actor, body: unknown): Promise<void> {
  const { reason, message } = parse(Refusal, body);
  await applyEvent(deps, { requestId, event: 'refuse', actor, audit: { reason }, changes: { refusalReason: reason, refusalMessage: message ?? null } });
}

export async function askRequester(deps: EventDeps, requestId: string, actor: Actor, body: unknown): Promise<void> {
  const { question } = parse(Question, body);
  await applyEvent(deps, { requestId, event: 'ask', actor, changes: { question } });
}

export async function retryRequest(deps: EventDeps, requestId: string, actor: Actor, step: 'locate' | 'redaction'): Promise<void> {
  await applyEvent(deps, { requestId, event: step === 'locate' ? 'retry_locate' : 'retry_redaction', actor });
}
