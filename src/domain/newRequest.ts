// What a requester sends us, checked field by field. The same schema serves the JSON API and the contact form.
import { z } from 'zod';
import { locales } from '../mail/mailTemplates';

const noLineBreaks = (value: string) => !/[\r\n]/.test(value);
const noControlCharacters = (value: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value);

const singleLine = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine(noLineBreaks, 'must not contain line breaks')
    .refine(noControlCharacters, 'must not contain control characters')
    .transform((v) => v.trim());

const freeText = (max: number) =>
  z.string().max(max, `must be at most ${max} characters`).refine(noControlCharacters, 'must not contain control characters');

export const relationships = ['author', 'subject', 'guardian', 'representative'] as const;
export const scopes = ['all', 'quoted'] as const;

export const NewRequest = z
  .object({
    email: singleLine(254).pipe(z.string().email('must be an email address such as name@example.org')),
    name: singleLine(200).optional(),
    identifiers: z
      .object({
        phones: z
          .array(singleLine(40).pipe(z.string().regex(/^\+?[\d\s().\-/]{6,40}$/, 'must be a phone number made of digits, spaces and + ( ) . -')))
          .max(10, 'at most 10 phone numbers')
          .default([]),
        usernames: z
          .array(singleLine(64).pipe(z.string().regex(/^@?[^\s@]{1,64}$/, 'must be a username without spaces')))
          .max(10, 'at most 10 usernames')
          .default([]),
        addresses: z.array(freeText(300).pipe(z.string().trim().min(5, 'an address needs at least 5 characters'))).max(5, 'at most 5 addresses').default([]),
      })
      .strict()
      .default({ phones: [], usernames: [], addresses: [] }),
    posts: z
      .array(singleLine(500).pipe(z.string().min(1, 'must be a post id or link')))
      .min(1, 'name at least one post (its link or id)')
      .max(50, 'at most 50 posts per request'),
    scope: z.enum(scopes, { message: `must be one of ${scopes.join(', ')}` }),
    quotes: z.array(freeText(2000).pipe(z.string().trim().min(3, 'each quoted passage needs at least 3 characters'))).max(20, 'at most 20 passages').default([]),
    relationship: z.enum(relationships, { message: `must be one of ${relationships.join(', ')}` }),
    details: freeText(5000).optional(),
    consent: z.literal(true, { message: 'must be true: we need your consent to process this request' }),
    /** Consent to search every post of the forum for the identifiers, not only the named posts. */
    searchForum: z.boolean({ message: 'must be true or false' }).default(false),
    /**
     * Consent to keep keyed hashes of what is removed (never the identifiers themselves), so that the requester's
     * email, phone and identity numbers are removed again at once if someone posts them later.
     */
    keepRemovedHashes: z.boolean({ message: 'must be true or false' }).default(false),
    lang: z.enum(locales, { message: 'must be en or fr' }).default('en'),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.scope === 'quoted' && value.quotes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['quotes'], message: 'quote at least one passage when scope is "quoted"' });
    }
  });

export type NewRequest = z.infer<typeof NewRequest>;

/** A parent or guardian writes for a child under 13 (the form's wording says so): such a request is urgent. */
export const isChildRequest = (input: Pick<NewRequest, 'relationship'>): boolean => input.relationship === 'guardian';
