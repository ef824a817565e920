// Who an audit actor label ('moderator:<id>') names, for pages that show the trail to people: the console
// account's display name, or the API token's name when the decision came through the API.
import { inArray } from 'drizzle-orm';
import type { Db } from './database';
import { apiTokens, moderators } from './schema';

export interface ActorName {
  kind: 'account' | 'token';
  name: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function actorNames(db: Db, labels: readonly string[]): Promise<Map<string, ActorName>> {
  // Only well-formed ids reach the uuid columns: anything else would make PostgreSQL refuse the whole query.
  const ids = [...new Set(labels.map((label) => /^moderator:(.+)$/.exec(label)?.[1] ?? '').filter((id) => uuid.test(id)))];
  const names = new Map<string, ActorName>();
  if (ids.length === 0) return names;
  const [accounts, tokens] = await Promise.all([
    db.select({ id: moderators.id, name: moderators.displayName }).from(moderators).where(inArray(moderators.id, ids)),
    db.select({ id: apiTokens.id, name: apiTokens.name }).from(apiTokens).where(inArray(apiTokens.id, ids)),
  ]);
  for (const token of tokens) names.set(`moderator:${token.id}`, { kind: 'token', name: token.name });
  for (const account of accounts) names.set(`moderator:${account.id}`, { kind: 'account', name: account.name });
  return names;
}
