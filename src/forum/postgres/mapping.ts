// Where a forum keeps its posts and revisions: schema, tables and columns. The reference schema is the
// default, and FORUM_MAPPING (JSON) overrides any part of it, so a forum's own tables need no migration.
import { z } from 'zod';
import { parseMappingJson } from '../mappingJson';

// Names are quoted when used, so this check is not what keeps SQL safe; it catches typos and pasted SQL early.
const Identifier = z
  .string()
  .regex(/^[A-Za-z0-9_]+$/, 'must be a table or column name: letters, digits and underscores only')
  .max(63, 'must be at most 63 characters (PostgreSQL truncates longer names)');

const maxFields = 20;

const PostsMapping = z.strictObject({
  table: Identifier.default('posts'),
  id: Identifier.default('id'),
  author: Identifier.default('author'),
  body: Identifier.default('body_raw'),
  renderedBody: Identifier.default('body_html'),
  createdAt: Identifier.default('created_at'),
  /**
   * Other text columns of the post that are redacted with it, by field name: {"title": "title"}. The name shows
   * in finding locations ('field:<name>') and on the console; a few names (title, excerpt, author_email…) are
   * labelled there in words.
   */
  fields: z
    .record(Identifier, Identifier)
    .refine((fields) => Object.keys(fields).length <= maxFields, `name at most ${maxFields} fields`)
    .optional(),
});

const RevisionsMapping = z.strictObject({
  table: Identifier.default('post_revisions'),
  id: Identifier.default('id'),
  postId: Identifier.default('post_id'),
  before: Identifier.default('before_text'),
  after: Identifier.default('after_text'),
  createdAt: Identifier.default('created_at'),
});

/** The reference schema's posts table has a title column; other forums name their fields themselves. */
const referenceFields = { title: 'title' };

/**
 * prefault parses the empty default through the inner defaults: a partial mapping is merged field by field.
 * Fields default to the reference title only while the posts are the reference table: a forum's own posts table
 * (Discourse's public.posts has no title) would otherwise fail on a column it never had.
 */
export const ForumMapping = z
  .strictObject({
    schema: Identifier.default('forum'),
    posts: PostsMapping.prefault({}),
    revisions: RevisionsMapping.prefault({}),
  })
  .transform((mapping) => {
    const isReference = mapping.schema === 'forum' && mapping.posts.table === 'posts';
    const fields = mapping.posts.fields ?? (isReference ? referenceFields : {});
    return { ...mapping, posts: { ...mapping.posts, fields: { ...fields } } };
  });
export type ForumMapping = z.infer<typeof ForumMapping>;

/** Reads FORUM_MAPPING: unset or empty gives the reference schema; a bad value is refused naming the field. */
export function parseForumMapping(json: string | undefined): ForumMapping {
  return parseMappingJson(ForumMapping, json, 'FORUM_MAPPING is invalid');
}
