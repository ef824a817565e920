// A comment's author columns (WordPress keeps the commenter's name, email, website and IP address beside the
// comment) all describe one person. When one of them is the requester's, the others are theirs too, whole: a
// website or an IP address in a column of its own says nothing a detector could tie to anyone.
import type { PiiType, Span } from '../pii/types';
import { fieldLocation } from './postRewrite';

/** The author fields a connector may give a post, and what each one holds. */
export const authorFieldTypes: Readonly<Record<string, PiiType>> = {
  author: 'person',
  author_email: 'email',
  author_url: 'profile_url',
  author_ip: 'ip_address',
};

/**
 * The spans to add so that every non-empty author field is covered whole and owned by the requester, when the
 * spans already found make any author field the requester's; none otherwise. Keyed by location ('field:author').
 */
export function authorFieldSpans(fields: Record<string, string> | undefined, found: ReadonlyMap<string, readonly Pick<Span, 'owner'>[]>): Map<string, Span[]> {
  const added = new Map<string, Span[]>();
  const authorFields = Object.entries(fields ?? {}).filter(([name, value]) => name in authorFieldTypes && value.trim() !== '');
  const theirs = authorFields.some(([name]) => found.get(fieldLocation(name))?.some((span) => span.owner === 'requester'));
  if (!theirs) return added;
  for (const [name, value] of authorFields) {
    const start = value.length - value.trimStart().length;
    const end = value.trimEnd().length;
    added.set(fieldLocation(name), [{ start, end, type: authorFieldTypes[name] as PiiType, owner: 'requester', score: 1 }]);
  }
  return added;
}
