// Turns a reviewed post and its approved findings into the post's new text. Each approved finding names a
// text (checked against its hash); every copy of that text, in the body, the rendered body, every named field
// (a title, a commenter's email…) and every revision, becomes a typed placeholder, since a redaction that leaves
// a copy behind is not one.
import { createHash } from 'node:crypto';
import type { ForumPost, PostRewrite } from '../forum/port';
import { replaceAllOccurrences } from '../pii/redaction';
import type { RedactableType } from '../pii/types';

export interface ApprovedFinding {
  location: string;
  start: number;
  end: number;
  type: RedactableType;
  textHash: string;
}

export interface Target {
  text: string;
  type: RedactableType;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The location of a post's named field (a title, a commenter's email): 'field:<name>'. */
export const fieldLocation = (name: string): string => `field:${name}`;

/** The field a location names, or null for the body and revisions. */
export function fieldNameOf(location: string): string | null {
  return location.startsWith('field:') ? location.slice('field:'.length) : null;
}

/** The texts a location holds: 'body', 'field:<name>', 'revision:<id>:before', 'revision:<id>:after'. */
export function textsOf(post: ForumPost): { location: string; text: string }[] {
  return [
    { location: 'body', text: post.body },
    ...Object.entries(post.fields ?? {}).map(([name, text]) => ({ location: fieldLocation(name), text })),
    ...post.revisions.flatMap((r) => [
      { location: `revision:${r.id}:before`, text: r.before },
      { location: `revision:${r.id}:after`, text: r.after },
    ]),
  ];
}

export class FindingMismatch extends Error {}

export function rewritePost(post: ForumPost, findings: ApprovedFinding[]): { rewrite: PostRewrite; targets: Target[] } {
  const texts = new Map(textsOf(post).map((t) => [t.location, t.text]));
  const targets = new Map<string, Target>();
  for (const f of findings) {
    const text = texts.get(f.location)?.slice(f.start, f.end);
    // The post's hash matched the reviewed one, so this holds unless findings and post disagree: refuse to guess.
    if (text === undefined || sha256(text) !== f.textHash) throw new FindingMismatch(`finding at ${f.location}:${f.start} no longer matches the post`);
    targets.set(text, { text, type: f.type });
  }
  const all = [...targets.values()];
  // The finding's own span is one of the copies, so one pass over each text replaces it with the others.
  const redact = (text: string) => replaceAllOccurrences(text, all);
  return {
    targets: all,
    rewrite: {
      body: redact(post.body),
      renderedBody: replaceAllOccurrences(post.renderedBody, all, { html: true }),
      revisions: post.revisions.map((r) => ({
        id: r.id,
        before: redact(r.before),
        after: redact(r.after),
      })),
      // Every field, changed or not. A field that is one identifier (an author_email column) is replaced whole,
      // as any span of the body is: the finding covers the value, so the value becomes the placeholder.
      ...(post.fields ? { fields: Object.fromEntries(Object.entries(post.fields).map(([name, text]) => [name, redact(text)])) } : {}),
    },
  };
}

const htmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The targets still readable anywhere in the post: empty when the redaction is complete. */
export function leftoverTargets(post: ForumPost, targets: Target[]): Target[] {
  const plain = [post.body, ...Object.values(post.fields ?? {}), ...post.revisions.flatMap((r) => [r.before, r.after])];
  return targets.filter(
    (t) => plain.some((text) => text.includes(t.text)) || post.renderedBody.includes(t.text) || post.renderedBody.includes(htmlEscape(t.text)),
  );
}
