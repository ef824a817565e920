// Intake: check a removal request field by field, resolve the posts it names, and record it with the
// verification email in one transaction. Nothing is stored for a request that fails a check.
import type { z } from 'zod';
import type { ForumStore } from '../forum/port';
import type { SignedLinks } from '../http/signedLinks';
import { createRequest, recentRequestsByEmail } from '../store/requestRecords';
import type { EventDeps } from '../store/requestEvents';
import type { SecretBox } from '../store/secretBox';
import type { RunStatement } from '../store/database';
import { dueAtFrom, reviewDaysFor } from './deadlines';
import { type FieldError, TooManyRequests, ValidationFailed } from './errors';
import { isChildRequest, NewRequest } from './newRequest';
import { postIdFrom } from './postReference';
import { type LinkSettings, statusUrl } from './requestLinks';

export interface IntakeDeps extends EventDeps {
  forum: ForumStore;
  box: SecretBox;
  links: SignedLinks;
  linkSettings: LinkSettings;
  postUrlTemplate: string;
  reviewDeadlineDays: number;
  run: RunStatement;
  /** Requests one email address may make in a day; 0 lifts the limit. */
  perEmailDailyLimit: number;
  /** Counts them per email (by its keyed hash) over a day, in Redis: one atomic count for every serve process. */
  perEmailCounter: HitCounter;
}

/** Hits per key over a fixed window shared by every process; resetTime is when the key's window ends. */
export interface HitCounter {
  increment(key: string): Promise<{ totalHits: number; resetTime?: Date | undefined }>;
}

const day = 24 * 3600_000;

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || '(body)',
    message: issue.code === 'unrecognized_keys' ? 'is not a field of this request: remove it' : issue.message,
  }));
}

export async function submitRequest(deps: IntakeDeps, body: unknown): Promise<{ id: string; statusUrl: string }> {
  const parsed = NewRequest.safeParse(body ?? {});
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error));
  const input = parsed.data;
  const resolved = input.posts.map((reference) => postIdFrom(reference, deps.postUrlTemplate));
  const bad: FieldError[] = resolved.flatMap((id, i) =>
    id ? [] : [{ field: `posts.${i}`, message: `is neither a post id nor a link like ${deps.postUrlTemplate.replace('{id}', '123')}` }],
  );
  if (bad.length > 0) throw new ValidationFailed(bad);
  const postIds = resolved as string[];
  const existing = await deps.forum.existingPostIds(postIds);
  const missing: FieldError[] = postIds.flatMap((id, i) => (existing.has(id) ? [] : [{ field: `posts.${i}`, message: `no post ${id} exists on the forum: check the link` }]));
  if (missing.length > 0) throw new ValidationFailed(missing);
  const now = deps.clock.now();
  if (deps.perEmailDailyLimit > 0) {
    const { count, retryAfterSeconds } = await requestsFromEmail(deps, deps.box.lookupHash(input.email), now);
    if (count > deps.perEmailDailyLimit) {
      throw new TooManyRequests('this email address has made too many requests today: please try again tomorrow', retryAfterSeconds);
    }
  }
  // Provisional: verification restarts the review period. One clock reading keeps that period whole days.
  const dueAt = dueAtFrom(now, reviewDaysFor({ childUnder13: isChildRequest(input) }, deps.reviewDeadlineDays));
  const { id } = await createRequest(deps, input, postIds, { createdAt: now, dueAt });
  return { id, statusUrl: statusUrl(deps.links, deps.linkSettings, id, now) };
}

/**
 * This request's place among the email's requests of the day, counted in Redis: read-then-insert in the database
 * would let simultaneous requests on several processes all see room. With Redis away, the database's count of the
 * last 24 hours still holds, though not against a simultaneous flood.
 */
async function requestsFromEmail(deps: IntakeDeps, emailHash: string, now: Date): Promise<{ count: number; retryAfterSeconds: number }> {
  try {
    const { totalHits, resetTime } = await deps.perEmailCounter.increment(emailHash);
    // Redis keeps the window in real time, whatever deps.clock says.
    const untilReset = resetTime ? resetTime.getTime() - Date.now() : day;
    return { count: totalHits, retryAfterSeconds: Math.max(1, Math.ceil(untilReset / 1000)) };
  } catch {
    const recent = await recentRequestsByEmail(deps.db, emailHash, new Date(now.getTime() - day));
    // A slot frees within a day, maybe sooner.
    return { count: recent + 1, retryAfterSeconds: day / 1000 };
  }
}
