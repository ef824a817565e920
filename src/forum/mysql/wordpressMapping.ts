// Where a WordPress site keeps what Erasure redacts: the table prefix and which post types are public items
// (bbPress adds topic and reply to WordPress's post and page). FORUM_MAPPING (JSON) overrides either.
import { z } from 'zod';
import { parseMappingJson } from '../mappingJson';

// Names are quoted when used, so this check is not what keeps SQL safe; it catches typos and pasted SQL early.
const Prefix = z
  .string()
  .regex(/^[A-Za-z0-9_]*$/, 'must be a table prefix: letters, digits and underscores only')
  .max(40, 'must be at most 40 characters (MySQL table names stop at 64)');

const PostType = z
  .string()
  .regex(/^[a-z0-9_-]+$/, 'must be a WordPress post type: lower-case letters, digits, _ and -')
  .max(20, 'must be at most 20 characters (the length of wp_posts.post_type)')
  .refine((type) => type !== 'revision', { message: 'revision is not a public post type: revisions are read with their post' });

export const WordpressMapping = z.strictObject({
  prefix: Prefix.default('wp_'),
  postTypes: z.array(PostType).min(1, 'must name at least one post type').default(['post', 'page', 'topic', 'reply']),
});
export type WordpressMapping = z.infer<typeof WordpressMapping>;

/** Reads FORUM_MAPPING for a WordPress forum: unset or empty gives the defaults; a bad value is refused naming the field. */
export function parseWordpressMapping(json: string | undefined): WordpressMapping {
  return parseMappingJson(WordpressMapping, json, 'FORUM_MAPPING is invalid for a WordPress forum');
}
