// What a moderator decides about a request in review: approve findings (with four eyes when they concern other
// people), refuse with a reason, ask a question.
import { z } from 'zod';
import { applyEvent, type EventDeps } from '../store/requestEvents';
import type { Tx } from '../store/database';
import { findingsOf, getRequest, postsOf, type RequestRow, setApprovals, setPostActions } from '../store/requestRecords';
import { InvalidTransition, RequestNotFound, ValidationFailed } from './errors';
import { type Actor, actorLabel, type RequestState } from './lifecycle';
import { reasonNeedsMessage, refusalReasons } from './refusalReasons';
import { fieldErrors } from './intake';

export const Approval = z
  .object({
    findings: z.array(z.string().uuid('must be a finding id')).min(1, 'approve at least one finding, or refuse').max(5000).optional(),
    /** A child's request only: ids of posts to delete whole (with their revisions) instead of redacting spans in them. */
    delete: z.array(z.string().min(1).max(200)).max(500).optional(),
  })
  .strict();
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

export interface ApprovalDeps extends EventDeps {
  /** FOUR_EYES: approved findings about other people need a second, different moderator before redaction. */
  fourEyes: boolean;
}

/**
 * Approves all findings ({}) or the chosen ones, and answers the state the request is now in. The request goes
 * to redacting, unless four eyes apply: when the approved findings include other people's information (owner
 * not 'requester'), it waits in awaiting_second_approval until a different moderator confirms.
 */
export async function approveRequest(deps: ApprovalDeps, requestId: string, actor: Actor, body: unknown): Promise<RequestState> {
  const { findings: chosen, delete: deleteChoice } = parse(Approval, body);
  const request = await getRequest(deps.db, requestId);
  if (!request) throw new RequestNotFound();
  const deletes = await checkDeletes(deps, request, deleteChoice);
  if (request.state === 'awaiting_second_approval') return confirmApproval(deps, request, actor, chosen, deletes);
  const all = await findingsOf(deps.db, requestId);
  const known = new Set(all.map((f) => f.id));
  const unknown = (chosen ?? []).filter((id) => !known.has(id));
  if (unknown.length > 0) throw new ValidationFailed([{ field: 'findings', message: `not findings of this request: ${unknown.join(', ')}` }]);
  // A post deleted whole takes every finding in it: they count as approved, for four eyes as for the record.
  const deleted = new Set(deletes ?? []);
  const approved = [...new Set([...(chosen ?? all.map((f) => f.id)), ...all.filter((f) => deleted.has(f.postId)).map((f) => f.id)])];
  if (approved.length === 0 && deleted.size === 0) throw new InvalidTransition('there is nothing to approve: refuse the request with reason no_personal_info or not_found');
  const approvedIds = new Set(approved);
  const thirdParty = all.filter((f) => approvedIds.has(f.id) && f.owner !== 'requester').length;
  const audit = { approved: approved.length, of: all.length, thirdParty, ...(deleted.size > 0 ? { deletePosts: [...deleted] } : {}) };
  const within = async (tx: Tx) => {
    await setApprovals(tx, requestId, approved);
    await setPostActions(tx, requestId, [...deleted]);
  };
  if (deps.fourEyes && thirdParty > 0) {
    const changes = (now: Date) => ({ firstApprover: actorLabel(actor), firstApprovedAt: now });
    return (await applyEvent(deps, { requestId, event: 'approve_first', actor, audit, changes, within })).to;
  }
  // A single approval: an earlier round's first approver (before the post changed, say) no longer applies.
  return (await applyEvent(deps, { requestId, event: 'approve', actor, audit, changes: { firstApprover: null, firstApprovedAt: null }, within })).to;
}

/**
 * The second approval confirms the findings exactly as the first moderator left them: send {} or the same ids.
 * A different set is refused (400) rather than taken as a new first approval, so that an approval never means
 * more or less than what the moderator saw; to change the set, ask the requester (which reopens the review) or refuse.
 * FOUR_EYES read now, not at the first approval: an operator who turns it off can finish what is waiting alone.
 */
async function confirmApproval(deps: ApprovalDeps, request: RequestRow, actor: Actor, chosen: string[] | undefined, deletes: string[] | undefined): Promise<RequestState> {
  const guard = async (locked: RequestRow, tx: Tx) => {
    if (locked.firstApprover !== request.firstApprover) throw new InvalidTransition('the first approval changed meanwhile: read the request again');
    if (deps.fourEyes && locked.firstApprover === actorLabel(actor)) {
      throw new InvalidTransition('you gave the first approval of this request: a different moderator must give the second one (four eyes)');
    }
    const approved = new Set((await findingsOf(tx, request.id)).filter((f) => f.approved).map((f) => f.id));
    const asked = new Set(chosen ?? approved);
    if (asked.size !== approved.size || [...asked].some((id) => !approved.has(id))) {
      throw new ValidationFailed([
        {
          field: 'findings',
          message: `must be left out, or list exactly the ${approved.size} findings the first moderator approved: a second approval confirms them as they are; to change them, ask the requester or refuse`,
        },
      ]);
    }
    const deleting = new Set((await postsOf(tx, request.id)).filter((p) => p.action === 'delete').map((p) => p.postId));
    const askedDeletes = new Set(deletes ?? deleting);
    if (askedDeletes.size !== deleting.size || [...askedDeletes].some((id) => !deleting.has(id))) {
      throw new ValidationFailed([
        {
          field: 'delete',
          message: `must be left out, or list exactly the ${deleting.size} posts the first moderator chose to delete: a second approval confirms them as they are`,
        },
      ]);
    }
  };
  const audit = { firstApprover: request.firstApprover };
  return (await applyEvent(deps, { requestId: request.id, event: 'approve_second', actor, audit, guard })).to;
}

/**
 * The posts a moderator chose to delete whole. Only a child's request (under 13) may delete a post: anyone
 * else's information is redacted span by span, and the rest of the post stays. Each must be a located post of it.
 */
async function checkDeletes(deps: ApprovalDeps, request: RequestRow, chosen: string[] | undefined): Promise<string[] | undefined> {
  if (!chosen || chosen.length === 0) return chosen;
  if (!request.childUnder13) {
    throw new ValidationFailed([
      { field: 'delete', message: 'only a request about a child under 13 may delete whole posts: leave "delete" out and approve the findings to redact' },
    ]);
  }
  const located = new Set((await postsOf(deps.db, request.id)).filter((p) => p.status === 'located').map((p) => p.postId));
  const unknown = chosen.filter((id) => !located.has(id));
  if (unknown.length > 0) throw new ValidationFailed([{ field: 'delete', message: `not posts of this request awaiting a decision: ${unknown.join(', ')}` }]);
  return [...new Set(chosen)];
}

export async function refuseRequest(deps: EventDeps, requestId: string, actor: Actor, body: unknown): Promise<void> {
  const { reason, message } = parse(Refusal, body);
  await applyEvent(deps, { requestId, event: 'refuse', actor, audit: { reason }, changes: { refusalReason: reason, refusalMessage: message ?? null } });
}

export async function askRequester(deps: EventDeps, requestId: string, actor: Actor, body: unknown): Promise<void> {
  const { question } = parse(Question, body);
  // A question reopens the review: a first approval waiting for its second no longer stands once answered.
  await applyEvent(deps, { requestId, event: 'ask', actor, changes: { question, firstApprover: null, firstApprovedAt: null } });
}

export async function retryRequest(deps: EventDeps, requestId: string, actor: Actor, step: 'locate' | 'redaction'): Promise<void> {
  await applyEvent(deps, { requestId, event: step === 'locate' ? 'retry_locate' : 'retry_redaction', actor });
}
