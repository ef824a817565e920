// The demo forum: what the embedded default and the README walk-through find in it.
import { sql } from 'drizzle-orm';
import { demoPersona, seedDemoForum } from '../../src/forum/demo/demoForum';
import { composeDemoPosts } from '../../src/forum/demo/demoPosts';
import type { ForumPost, ForumStore } from '../../src/forum/port';
import { parseForumMapping } from '../../src/forum/postgres/mapping';
import { createPostgresForum } from '../../src/forum/postgres/postgresForum';
import { rowsOf } from '../../src/forum/postgres/rows';
import { type TestDatabase, openTestDatabase } from '../support/testDatabase';

let database: TestDatabase;
let forum: ForumStore;
let firstSeeding: { posts: number };

beforeAll(async () => {
  database = await openTestDatabase();
  firstSeeding = await seedDemoForum(database.db);
  forum = createPostgresForum(database.db, parseForumMapping(undefined));
});

afterAll(async () => {
  await database.close();
});

let everyPost: ForumPost[] | undefined;

/** Posts whose body or a revision holds any term as written (case aside): the demo's content, read whole. */
async function search(terms: string[]): Promise<ForumPost[]> {
  everyPost ??= (await Promise.all(Array.from({ length: 200 }, (_, i) => forum.getPost(String(i + 1))))).filter((p): p is ForumPost => p !== null);
  const wanted = terms.map((t) => t.toLowerCase());
  return everyPost.filter((p) => [p.body, ...p.revisions.flatMap((r) => [r.before, r.after])].some((text) => wanted.some((t) => text.toLowerCase().includes(t))));
}

async function post(id: string): Promise<ForumPost> {
  const found = await forum.getPost(id);
  if (!found) throw new Error(`demo post ${id} is missing`);
  return found;
}

const text = (p: ForumPost) => [p.body, ...p.revisions.flatMap((r) => [r.before, r.after])].join('\n');

test('seeding writes 200 posts once; seeding again writes nothing', async () => {
  expect(firstSeeding).toEqual({ posts: 200 });

  await expect(seedDemoForum(database.db)).resolves.toEqual({ posts: 0 });

  const [row] = rowsOf(await database.db.execute(sql`SELECT count(*)::int AS n FROM forum.posts`));
  expect(row?.n).toBe(200);
});

test('the demo forum speaks English and French', async () => {
  const french = await search([' je ', " j'ai ", ' vous ', ' le ']);
  const english = await search([' the ', " i'm ", ' you ', ' and ']);

  expect(french.length).toBeGreaterThan(50);
  expect(english.length).toBeGreaterThan(50);
});

test('the demo forum is the same wherever it is seeded', async () => {
  const composed = composeDemoPosts(200);
  expect(composeDemoPosts(200)).toEqual(composed);

  const sample = await post('100');
  expect(sample.body).toBe(composed[99]?.body);
  expect(sample.revisions.map((r) => r.before)).toEqual(composed[99]?.revisions.map((r) => r.before));
});

test('other people give away emails, phone numbers and handles, some spelled out to dodge scrapers', async () => {
  expect((await search(['@example.'])).length).toBeGreaterThan(10);
  expect((await search([' at example dot ', ' arobase example point ', ' [at] '])).length).toBeGreaterThan(0);
  expect((await search(['on Instagram', 'sur Instagram'])).length).toBeGreaterThan(0);
  // French, British and American numbers, in the body or in a revision, written every which way.
  const phones = rowsOf(
    await database.db.execute(sql`
      SELECT DISTINCT p.id FROM forum.posts p LEFT JOIN forum.post_revisions r ON r.post_id = p.id
      WHERE concat(p.body_raw, ' ', r.before_text) ~ ${String.raw`(\+[0-9]{1,2} ?)?(\(0\)|\([0-9]{3}\) ?)?[0-9][0-9 .-]{7,}[0-9]`}`),
  );
  expect(phones.length).toBeGreaterThan(15);
});

test('some posts were edited, and an earlier revision still holds contact details the edit took out', async () => {
  const contactDetails = String.raw`@|\d{2}[ .]?\d{2}[ .]?\d{2}| at example| arobase `;
  const edited = rowsOf(
    await database.db.execute(sql`SELECT p.id FROM forum.posts p WHERE EXISTS (SELECT 1 FROM forum.post_revisions r WHERE r.post_id = p.id)`),
  );
  const revisionOnly = rowsOf(
    await database.db.execute(sql`
      SELECT DISTINCT p.id FROM forum.posts p JOIN forum.post_revisions r ON r.post_id = p.id
      WHERE r.before_text ~ ${contactDetails} AND p.body_raw !~ ${contactDetails}`),
  );

  expect(edited.length).toBeGreaterThan(15);
  expect(revisionOnly.length).toBeGreaterThan(5);
});

test('some posts quote an earlier post, and the rendered body shows the quote', async () => {
  const quoting = await search(['\n> ']);

  expect(quoting.length).toBeGreaterThan(5);
  expect(quoting.every((p) => p.renderedBody.includes('<blockquote>'))).toBe(true);
});

test('rendered bodies are escaped HTML paragraphs of the raw bodies', async () => {
  const [withApostrophe] = await search(["j'ai"]);

  expect(withApostrophe?.renderedBody.startsWith('<p>')).toBe(true);
  expect(withApostrophe?.renderedBody).toContain('j&#39;ai');
});

test("Marie Dupont's identifiers appear where demoPersona says, in the forms it describes", async () => {
  const { posts, email, phone, name, username } = demoPersona;

  const introduction = await post(posts.introduction);
  expect(introduction.author).toBe(username);
  expect(introduction.body).toContain(name);
  expect(introduction.body).toContain(email);

  const phoneEditedOut = await post(posts.phoneEditedOut);
  expect(phoneEditedOut.body).not.toMatch(/\d{2} \d{2} \d{2}/);
  expect(phoneEditedOut.revisions[0]?.before).toContain('06 12 34 56 78');

  const mentioned = await post(posts.mentionedByOther);
  expect(mentioned.author).not.toBe(username);
  expect(mentioned.body).toContain(phone);
  expect(mentioned.body).toContain(`@${username}`);

  const quoting = await post(posts.quotesIntroduction);
  expect(quoting.body).toContain(`> `);
  expect(quoting.body).toContain(email);

  const obfuscated = await post(posts.obfuscated);
  expect(obfuscated.body).toContain('marie point dupont at example point fr');
  expect(obfuscated.body).toContain('06.12.34.56.78');

  const emailEditedOut = await post(posts.emailEditedOut);
  expect(emailEditedOut.body).not.toContain(email);
  expect(emailEditedOut.body).toContain('M. Dupont');
  expect(emailEditedOut.revisions[0]?.before).toContain(email);
});

test("Marie Dupont's identifiers appear in no post but hers, and she wrote exactly the posts listed", async () => {
  const carrying = await search(['dupont', demoPersona.username, '12 34 56 78', '12.34.56.78']);
  const authored = rowsOf(await database.db.execute(sql`SELECT id FROM forum.posts WHERE author = ${demoPersona.username} ORDER BY id`));

  expect(carrying.map((p) => p.id)).toEqual([...demoPersona.postIds]);
  expect(authored.map((row) => String(row.id))).toEqual([...demoPersona.authoredPostIds]);
  for (const id of demoPersona.postIds) expect(text(await post(id))).toMatch(/dupont|marie_d|12.34.56.78/i);
});

test('after seeding, the forum goes on numbering new posts and revisions past the demo ones', async () => {
  const [created] = rowsOf(
    await database.db.execute(sql`INSERT INTO forum.posts (author, body_raw, body_html) VALUES ('new', 'hi', '<p>hi</p>') RETURNING id`),
  );
  await database.db.execute(sql`INSERT INTO forum.post_revisions (post_id, before_text, after_text) VALUES (${String(created?.id)}, 'h', 'hi')`);

  expect(Number(created?.id)).toBe(201);
});
