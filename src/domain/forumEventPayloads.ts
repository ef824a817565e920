// What a forum may send to POST /api/v1/webhooks/forum, checked field by field: an envelope, then the data of its
// type. The same schemas produce the OpenAPI document and the README's examples.
import { z } from 'zod';
import { locales } from '../mail/mailTemplates';
import { ValidationFailed } from './errors';
import { fieldErrors } from './intake';

const noControlCharacters = (value: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value);

/** A forum's own id (a post, a user, an event): letters, digits and . _ : - only, so that it is safe in a job payload and a log. */
const forumId = (what: string) =>
  z
    .string({ message: `must be the ${what} as a string` })
    .min(1, `must be the ${what}`)
    .max(100, 'must be at most 100 characters')
    .regex(/^[\w.:-]+$/, 'may hold only letters, digits and . _ : -');

const PostData = z.object({ postId: forumId('post id') }).strict();

export const forumEventData = {
  'post.created': PostData,
  'post.edited': PostData,
  'post.deleted': PostData,
  'user.deleted': z.object({ userId: forumId('user id') }).strict(),
  'pii.reported': z
    .object({
      postId: forumId('post id'),
      /** Who flagged the post, if the forum passes it on: they get the usual emails when an address is given. */
      reporter: z
        .object({
          email: z.string().max(254, 'must be at most 254 characters').email('must be an email address such as name@example.org').optional(),
          name: z.string().max(200, 'must be at most 200 characters').refine((v) => !/[\r\n]/.test(v) && noControlCharacters(v), 'must be one line of text').optional(),
          lang: z.enum(locales, { message: 'must be en or fr' }).optional(),
        })
        .strict()
        .optional(),
      /** What the reporter told the forum: shown to the moderators, stored encrypted. */
      note: z.string().max(2000, 'must be at most 2000 characters').refine(noControlCharacters, 'must not contain control characters').optional(),
      /** Kinds of information the reporter saw (email, phone, address…): recorded in the audit trail. */
      types: z
        .array(z.string().regex(/^[a-z_]{1,40}$/, 'must be a kind such as email, phone or address'))
        .max(20, 'at most 20 kinds')
        .optional(),
    })
    .strict(),
} as const;

export type ForumEventType = keyof typeof forumEventData;
export const forumEventTypes = Object.keys(forumEventData) as [ForumEventType, ...ForumEventType[]];

/** The envelope every event shares; `data` is checked against its type's schema once the type is known. */
export const ForumEventEnvelope = z
  .object({
    id: forumId('event id'),
    type: z.enum(forumEventTypes, { message: `must be one of ${forumEventTypes.join(', ')}` }),
    occurredAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time such as 2026-11-27T05:00:00Z' }).optional(),
    data: z.unknown(),
  })
  .strict();

export type ForumEvent = { [T in ForumEventType]: { id: string; type: T; occurredAt?: string; data: z.infer<(typeof forumEventData)[T]> } }[ForumEventType];
export type PiiReport = z.infer<(typeof forumEventData)['pii.reported']>;

/** The event, or ValidationFailed listing what to fix: the envelope first, then its data, with paths like data.postId. */
export function parseForumEvent(body: unknown): ForumEvent {
  const envelope = ForumEventEnvelope.safeParse(body);
  if (!envelope.success) throw new ValidationFailed(fieldErrors(envelope.error), 'the event is not valid: see errors for each field');
  const data = forumEventData[envelope.data.type].safeParse(envelope.data.data ?? undefined);
  if (!data.success) {
    const fields = fieldErrors(data.error).map((e) => ({ ...e, field: e.field === '(body)' ? 'data' : `data.${e.field}` }));
    throw new ValidationFailed(fields, `the data of a ${envelope.data.type} event is not valid: see errors for each field`);
  }
  return { ...envelope.data, data: data.data } as ForumEvent;
}
