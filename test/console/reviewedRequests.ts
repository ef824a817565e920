// Requests made and confirmed as a requester would, waiting for review, for the console's tests; and what a
// moderator's forms send.
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { rowsOf } from '../../src/forum/postgres/rows';
import type { World } from '../support/world';

export interface Requester {
  email: string;
  name?: string;
  phones?: string[];
}

export const marie: Requester = { email: 'marie.dupont@example.fr', name: 'Marie Dupont', phones: ['+33 6 12 34 56 78'] };

export interface ReviewFinding {
  id: string;
  location: string;
  start: number;
  end: number;
  type: string;
  owner: string;
  approved: boolean | null;
  text: string | null;
}

/** Posts the bodies in the forum, sends a request naming them, confirms it, and waits until it awaits review. */
export async function reviewedRequest(world: World, bodies: string[], who: Requester = marie, extra: Record<string, unknown> = {}) {
  const postIds: string[] = [];
  for (const body of bodies) postIds.push(await world.addPost(body));
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email: who.email, name: who.name, identifiers: { phones: who.phones ?? [], usernames: [] }, posts: postIds, scope: 'all', relationship: 'author', consent: true, ...extra });
  if (res.status !== 202) throw new Error(`the request was refused: ${JSON.stringify(res.body)}`);
  const id = res.body.id as string;
  await world.verifyFromEmail(who.email, id);
  return { id, postIds };
}

/** The review as the moderation API gives it. */
export async function reviewOf(world: World, id: string): Promise<{ state: string; posts: { id: string; findings: ReviewFinding[] }[] }> {
  const res = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set({ Authorization: `Bearer ${world.moderatorToken}` });
  if (res.status !== 200) throw new Error(`the review answered ${res.status}`);
  return res.body;
}

export async function forumBody(world: World, postId: string): Promise<string> {
  const [row] = rowsOf(await world.database.db.execute(sql`SELECT body_raw FROM forum.posts WHERE id = ${postId}`)) as { body_raw: string }[];
  return row?.body_raw ?? '';
}

/** Text as the page writes it: escaped for HTML the way eta escapes. */
export const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A form body as a browser sends it: a field repeated once per ticked checkbox. */
export const formOf = (fields: Record<string, string | string[]>): string =>
  new URLSearchParams(Object.entries(fields).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, v]))).toString();
