// What the requester can do through the links we email: verify the address, answer a question, withdraw.
import { z } from 'zod';
import { applyEvent, type EventDeps } from '../store/requestEvents';
import { getRequest, privateTextOf } from '../store/requestRecords';
import type { SecretBox } from '../store/secretBox';
import { dueAtOnVerification } from './deadlines';
import { RequestNotFound, ValidationFailed } from './errors';
import { fieldErrors } from './intake';
import type { RequestState } from './lifecycle';
import type { Locale } from '../mail/mailTemplates';

const requester = { kind: 'requester' } as const;

export const Answer = z.object({ answer: z.string().trim().min(1, 'write your answer').max(5000, 'must be at most 5000 characters') }).strict();

/**
 * Following the link twice is fine: a request already past 'received' stays as it is. Answers where it stands.
 * Confirming starts the review clock: the due date becomes the confirmation time plus the review period.
 */
export async function verifyEmail(deps: EventDeps, requestId: string): Promise<{ state: RequestState; lang: Locale }> {
  const request = await getRequest(deps.db, requestId);
  if (!request) throw new RequestNotFound();
  const lang = request.lang as Locale;
  if (request.state !== 'received') return { state: request.state as RequestState, lang };
  const { to } = await applyEvent(deps, {
    requestId,
    event: 'verify',
    actor: requester,
    changes: (now) => ({ verifiedAt: now, dueAt: dueAtOnVerification(request, now) }),
  });
  return { state: to, lang };
}

export async function answerQuestion(deps: EventDeps & { box: SecretBox }, requestId: string, body: unknown): Promise<void> {
  const parsed = Answer.safeParse(body ?? {});
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error));
  const request = await getRequest(deps.db, requestId);
  if (!request) throw new RequestNotFound();
  const text = privateTextOf(deps.box, request);
  const privateBox = deps.box.seal(JSON.stringify({ ...text, answers: [...text.answers, parsed.data.answer] }));
  await applyEvent(deps, { requestId, event: 'answer', actor: requester, changes: { privateBox } });
}

export async function withdrawRequest(deps: EventDeps, requestId: string): Promise<void> {
  await applyEvent(deps, { requestId, event: 'withdraw', actor: requester });
}
