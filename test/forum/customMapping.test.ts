// A forum that keeps its posts under its own names: FORUM_MAPPING points the same connector at them.
import { sql } from 'drizzle-orm';
import type { ForumPost, ForumStore } from '../../src/forum/port';
import { parseForumMapping } from '../../src/forum/postgres/mapping';
import { createPostgresForum } from '../../src/forum/postgres/postgresForum';
import { rowsOf } from '../../src/forum/postgres/rows';
import { type TestDatabase, openTestDatabase } from '../support/testDatabase';

let database: TestDatabase;
let forum: ForumStore;
let postId: string;
let titledId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const { db } = database;
  // Integer ids, uuid revision ids, a timestamp without time zone and a mixed-case column, as real forums have.
  await db.execute(sql`CREATE SCHEMA community`);
  await db.execute(sql`
    CREATE TABLE community.messages (
      msg_id serial PRIMARY KEY, user_name varchar(60) NOT NULL, raw text NOT NULL, cooked text, "PostedAt" timestamp NOT NULL,
      subject varchar(200))`);
  await db.execute(sql`
    CREATE TABLE community.message_edits (
      edit_id uuid PRIMARY KEY DEFAULT gen_random_uuid(), message_ref integer NOT NULL REFERENCES community.messages (msg_id),
      old_raw text NOT NULL, new_raw text NOT NULL, edited_at timestamp NOT NULL)`);
  const [row] = rowsOf(
    await db.execute(sql`
      INSERT INTO community.messages (user_name, raw, cooked, "PostedAt")
      VALUES ('hugo.m', 'Écrivez à Sylvie.', '<p>Écrivez à Sylvie.</p>', '2024-03-01 12:00:00') RETURNING msg_id`),
  );
  postId = String(row?.msg_id);
  await db.execute(sql`
    INSERT INTO community.message_edits (message_ref, old_raw, new_raw, edited_at)
    VALUES (${postId}, 'Écrivez à sylvie.roux@example.net.', 'Écrivez à Sylvie.', '2024-03-01 12:30:00')`);
  await db.execute(sql`
    INSERT INTO community.messages (user_name, raw, cooked, "PostedAt") VALUES ('claire_b', 'Rien à voir.', NULL, '2024-03-02 09:00:00')`);
  // Only the subject, a column the mapping names as the field title, says who to write to.
  const [titled] = rowsOf(
    await db.execute(sql`
      INSERT INTO community.messages (user_name, raw, cooked, "PostedAt", subject)
      VALUES ('zoe_q', 'Tout est dans le titre.', NULL, '2024-03-03 10:00:00', 'Écrire à zoe.quillard@example.org') RETURNING msg_id`),
  );
  titledId = String(titled?.msg_id);

  forum = createPostgresForum(
    db,
    parseForumMapping(
      JSON.stringify({
        schema: 'community',
        posts: { table: 'messages', id: 'msg_id', author: 'user_name', body: 'raw', renderedBody: 'cooked', createdAt: 'PostedAt', fields: { title: 'subject' } },
        revisions: { table: 'message_edits', id: 'edit_id', postId: 'message_ref', before: 'old_raw', after: 'new_raw', createdAt: 'edited_at' },
      }),
    ),
  );
});

afterAll(async () => {
  await database.close();
});

test('a post is read from the mapped tables, its timestamps taken as UTC', async () => {
  const post = await forum.getPost(postId);

  expect(post).toMatchObject({
    id: postId,
    author: 'hugo.m',
    body: 'Écrivez à Sylvie.',
    renderedBody: '<p>Écrivez à Sylvie.</p>',
    createdAt: new Date('2024-03-01T12:00:00Z'),
  });
  expect(post?.revisions).toEqual([
    {
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      before: 'Écrivez à sylvie.roux@example.net.',
      after: 'Écrivez à Sylvie.',
      createdAt: new Date('2024-03-01T12:30:00Z'),
    },
  ]);
});

test('ids the mapped id column cannot hold are simply not found', async () => {
  await expect(forum.getPost('abc')).resolves.toBeNull();
  await expect(forum.existingPostIds([postId, 'abc', '3000000000'])).resolves.toEqual(new Set([postId]));
});

test('a search reaches text that only a mapped revision holds', async () => {
  const found: ForumPost[] = [];
  for await (const post of forum.findPostsContaining(['SYLVIE.ROUX@'], { pageSize: 1 })) found.push(post);

  expect(found.map((post) => post.id)).toEqual([postId]);
});

test('a rewrite writes the mapped columns and revisions', async () => {
  const post = await forum.getPost(postId);

  const result = await forum.applyRewrite(postId, post?.contentHash ?? '', (p) => ({
    body: p.body,
    renderedBody: p.renderedBody,
    revisions: p.revisions.map((r) => ({ id: r.id, before: r.before.replace('sylvie.roux@example.net', '[removed]'), after: r.after })),
  }));

  expect(result.status).toBe('applied');
  const edits = rowsOf(await database.db.execute(sql`SELECT old_raw FROM community.message_edits WHERE message_ref = ${postId}`));
  expect(edits).toEqual([{ old_raw: 'Écrivez à [removed].' }]);
});

test('a post whose rendered copy is missing reads with an empty rendered body', async () => {
  const [other] = rowsOf(await database.db.execute(sql`SELECT msg_id FROM community.messages WHERE user_name = 'claire_b'`));

  await expect(forum.getPost(String(other?.msg_id))).resolves.toMatchObject({ body: 'Rien à voir.', renderedBody: '' });
});

test('a mapped field is read from its column, and a NULL reads as empty', async () => {
  await expect(forum.getPost(titledId)).resolves.toMatchObject({ fields: { title: 'Écrire à zoe.quillard@example.org' } });
  await expect(forum.getPost(postId)).resolves.toMatchObject({ fields: { title: '' } });
});

test('a search reaches text that only a mapped field holds', async () => {
  const found: ForumPost[] = [];
  for await (const post of forum.findPostsContaining(['Zoe.Quillard@'], { pageSize: 1 })) found.push(post);

  expect(found.map((post) => post.id)).toEqual([titledId]);
});

test('a rewrite writes a changed field to its column and leaves an untouched NULL alone', async () => {
  const titled = await forum.getPost(titledId);
  const untitled = await forum.getPost(postId);

  const result = await forum.applyRewrite(titledId, titled?.contentHash ?? '', (p) => ({
    body: p.body,
    renderedBody: p.renderedBody,
    revisions: [],
    fields: { title: 'Écrire à [email removed]' },
  }));
  await forum.applyRewrite(postId, untitled?.contentHash ?? '', (p) => ({ body: p.body, renderedBody: p.renderedBody, revisions: p.revisions, fields: p.fields }));

  expect(result).toEqual({ status: 'applied', contentHash: (await forum.getPost(titledId))?.contentHash });
  const subjects = rowsOf(await database.db.execute(sql`SELECT msg_id, subject FROM community.messages WHERE msg_id IN (${titledId}, ${postId}) ORDER BY msg_id`));
  expect(subjects.map((row) => row.subject)).toEqual([null, 'Écrire à [email removed]']);
});

test('a rewrite that names a field the mapping does not have writes nothing', async () => {
  const post = await forum.getPost(titledId);

  await expect(
    forum.applyRewrite(titledId, post?.contentHash ?? '', (p) => ({ body: 'changed', renderedBody: p.renderedBody, revisions: [], fields: { excerpt: 'x' } })),
  ).rejects.toThrow(/field excerpt/);
  await expect(forum.getPost(titledId)).resolves.toMatchObject({ body: 'Tout est dans le titre.' });
});
