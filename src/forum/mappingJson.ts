// FORUM_MAPPING is JSON read against the connector's schema: unset or empty gives the schema's defaults, and a
// bad value is refused with a message naming each field in error.
import type { z } from 'zod';

export function parseMappingJson<S extends z.ZodType>(schema: S, json: string | undefined, invalid: string): z.infer<S> {
  let input: unknown = {};
  if (json !== undefined && json.trim() !== '') {
    try {
      input = JSON.parse(json);
    } catch (error) {
      throw new Error(`FORUM_MAPPING is not valid JSON: ${(error as Error).message}`);
    }
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(top level)'}: ${i.message}`);
    throw new Error(`${invalid}: ${issues.join('; ')}`);
  }
  return parsed.data;
}
