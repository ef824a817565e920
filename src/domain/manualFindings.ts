// A finding a moderator adds to a request in review, when detection missed something: chosen by its position in
// one of the post's texts, or by its exact text, which marks every occurrence in the post (body, fields such as
// its title, and revisions).
// It is stored like a detected finding — offsets, type, owner, score 1 and a hash of the text, never the text —
// already approved, and the audit trail says who added it.
//
// Overlaps are refused, not merged: a span that overlaps an existing finding of the same text would make the
// moderator's choice ambiguous (which type? which owner?), so they switch that finding on instead or choose a
// span beside it. Marking by text leaves out the occurrences that overlap one, and is refused when none is left.
import { z } from 'zod';
import type { ForumStore } from '../forum/port';
import { redactableTypes, type RedactableType } from '../pii/types';
import { appendAudit } from '../store/auditTrail';
import { insertFindings, withLockedRequest } from '../store/moderatorFindings';
import type { EventDeps } from '../store/requestEvents';
import { findingsOf, type FindingRow, postsOf } from '../store/requestRecords';
import { DomainError, type FieldError, InvalidTransition, RequestNotFound, ValidationFailed } from './errors';
import { fieldErrors } from './intake';
import { type Actor, actorLabel } from './lifecycle';
import { sha256, textsOf } from './postRewrite';

export interface ManualFindingDeps extends EventDeps {
  forum: ForumStore;
}

/** What a moderator may call a finding: a redactable type, or 'other' when none fits. */
export const manualFindingTypes = [...redactableTypes, 'other'] as const;
export type ManualFindingType = (typeof manualFindingTypes)[number];
export const findingOwners = ['requester', 'other'] as const;

/** The longest span or text a moderator may mark, and how many occurrences one text may mark at once. */
const limits = { length: 5000, occurrences: 500 } as const;

const Common = {
  postId: z.string().min(1, 'choose the post').max(64),
  type: z.enum(manualFindingTypes, { message: `must be one of ${manualFindingTypes.join(', ')}` }),
  owner: z.enum(findingOwners, { message: 'must be requester or other' }),
};
const ByPosition = z
  .object({
    ...Common,
    location: z.string().min(1, 'choose where in the post').max(200),
    start: z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more'),
    end: z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(1, 'must be after the start'),
    /** When given beside the position, it must be the text there: a check that the page and the post agree. */
    text: z.string().max(limits.length).optional(),
  })
  .strict();
const ByText = z
  .object({ ...Common, text: z.string().max(limits.length, `mark at most ${limits.length} characters`).refine((t) => t.trim() !== '', 'write the exact text to mark') })
  .strict();

export type ManualFinding = z.infer<typeof ByPosition> | z.infer<typeof ByText>;

interface Span {
  location: string;
  start: number;
  end: number;
}

/**
 * Adds the finding (or, by text, one per occurrence) to a request awaiting review, approved; answers the new
 * findings' ids and how many occurrences were left out because they overlap an existing finding.
 */
export async function addManualFinding(deps: ManualFindingDeps, requestId: string, actor: Actor, body: unknown): Promise<{ added: string[]; skipped: number }> {
  const input = parseFinding(body);
  const named = (await postsOf(deps.db, requestId)).find((row) => row.postId === input.postId);
  if (!named) throw new ValidationFailed([{ field: 'postId', message: 'is not a post of this request' }]);
  const post = named.status === 'located' ? await deps.forum.getPost(named.postId) : null;
  if (!post) throw new ValidationFailed([{ field: 'postId', message: 'this post no longer exists on the forum' }]);
  const texts = new Map(textsOf(post).map((t) => [t.location, t.text]));
  const wanted = 'start' in input ? [spanAt(texts, input)] : occurrencesOf(texts, input.text);
  // Stored as a passage: the redaction has a placeholder for every redactable type, and 'other' is not one.
  const type: RedactableType = input.type === 'other' ? 'passage' : input.type;

  return withLockedRequest(deps.db, requestId, async (request, tx) => {
    if (!request) throw new RequestNotFound();
    if (request.state !== 'awaiting_review') throw new InvalidTransition(`a request that is ${request.state} takes no new findings: only one awaiting review does`);
    const row = (await postsOf(tx, requestId)).find((r) => r.postId === input.postId);
    if (!row || row.reviewedHash !== post.contentHash) {
      throw new DomainError('post_changed_since_review', 409, 'the post changed since it was reviewed: reload the page, which shows it as it is now');
    }
    const existing = (await findingsOf(tx, requestId)).filter((f) => f.postId === input.postId);
    const free = wanted.filter((span) => !existing.some((f) => f.location === span.location && span.start < f.end && f.start < span.end));
    if (free.length === 0) {
      const field = 'start' in input ? 'start' : 'text';
      throw new ValidationFailed([{ field, message: 'overlaps a finding already marked: switch that finding on instead, or choose a span beside it' }]);
    }
    const rows: FindingRow[] = free.map((span) => {
      const text = texts.get(span.location)?.slice(span.start, span.end) ?? '';
      return { id: deps.ids.next(), requestId, postId: input.postId, ...span, type, owner: input.owner, score: 1, textHash: sha256(text), approved: true };
    });
    await insertFindings(tx, rows);
    const data = { postId: input.postId, type, owner: input.owner, by: 'start' in input ? 'position' : 'text', findings: rows.map((r) => r.id), skipped: wanted.length - free.length };
    await appendAudit(tx, { stream: requestId, actor: actorLabel(actor), action: 'finding_added', data }, deps.clock.now(), deps.ids.next());
    return { added: rows.map((r) => r.id), skipped: wanted.length - free.length };
  });
}

function parseFinding(body: unknown): ManualFinding {
  const fields = (body ?? {}) as Record<string, unknown>;
  const byPosition = fields.start !== undefined || fields.end !== undefined;
  const parsed = (byPosition ? ByPosition : ByText).safeParse(fields);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error));
  return parsed.data;
}

function spanAt(texts: Map<string, string>, input: z.infer<typeof ByPosition>): Span {
  const text = texts.get(input.location);
  if (text === undefined) throw new ValidationFailed([{ field: 'location', message: 'is not a text of this post' }]);
  const { start, end } = input;
  const errors: FieldError[] = [];
  if (start >= text.length) errors.push({ field: 'start', message: `must be before the end of the text (${text.length} characters)` });
  if (end > text.length) errors.push({ field: 'end', message: `must be at most the length of the text (${text.length} characters)` });
  if (end <= start) errors.push({ field: 'end', message: 'must be after the start' });
  if (errors.length > 0) throw new ValidationFailed(errors);
  if (end - start > limits.length) throw new ValidationFailed([{ field: 'end', message: `mark at most ${limits.length} characters` }]);
  // Offsets between the two halves of an emoji would leave half a character behind after the redaction.
  if (splitsCharacter(text, start)) throw new ValidationFailed([{ field: 'start', message: 'cuts a character in two' }]);
  if (splitsCharacter(text, end)) throw new ValidationFailed([{ field: 'end', message: 'cuts a character in two' }]);
  const marked = text.slice(start, end);
  if (marked.trim() === '') throw new ValidationFailed([{ field: 'start', message: 'the span holds only spaces: choose some text' }]);
  if (input.text !== undefined && input.text !== '' && input.text !== marked) {
    throw new ValidationFailed([{ field: 'text', message: 'is not the text at this position: select the text again' }]);
  }
  return { location: input.location, start, end };
}

function occurrencesOf(texts: Map<string, string>, needle: string): Span[] {
  const spans: Span[] = [];
  for (const [location, text] of texts) {
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
      spans.push({ location, start: at, end: at + needle.length });
      if (spans.length > limits.occurrences) throw new ValidationFailed([{ field: 'text', message: `occurs more than ${limits.occurrences} times: mark a longer text` }]);
    }
  }
  if (spans.length === 0) throw new ValidationFailed([{ field: 'text', message: 'does not occur in this post: copy it exactly, with the same capitals and spaces' }]);
  return spans;
}

function splitsCharacter(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
