// The PostgreSQL connector over the reference schema: what Erasure reads from a forum and what a rewrite leaves in it.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type ForumPost, type ForumStore, postContentHash } from '../../src/forum/port';
import { parseForumMapping } from '../../src/forum/postgres/mapping';
import { createPostgresForum } from '../../src/forum/postgres/postgresForum';
import { createReferenceSchema } from '../../src/forum/postgres/referenceSchema';
import { rowsOf } from '../../src/forum/postgres/rows';
import { type TestDatabase, openTestDatabase } from '../support/testDatabase';

let database: TestDatabase;
let forum: ForumStore;

beforeAll(async () => {
  database = await openTestDatabase();
  await createReferenceSchema(database.db);
  forum = createPostgresForum(database.db, parseForumMapping(undefined));
});

afterAll(async () => {
  await database.close();
});

interface NewPost {
  author?: string;
  body: string;
  html?: string;
  /** Oldest first; created a minute apart. */
  revisions?: { before: string; after: string }[];
}

async function insertPost(post: NewPost): Promise<string> {
  const [row] = rowsOf(
    await database.db.execute(sql`
      INSERT INTO forum.posts (author, body_raw, body_html, created_at)
      VALUES (${post.author ?? 'someone'}, ${post.body}, ${post.html ?? `<p>${post.body}</p>`}, '2024-05-01T10:00:00Z')
      RETURNING id`),
  );
  const id = String(row?.id);
  // Inserted newest first, so that reading them in creation order is not an accident of insertion order.
  const revisions = (post.revisions ?? []).map((revision, index) => ({ ...revision, minute: index + 1 })).reverse();
  for (const revision of revisions) {
    await database.db.execute(sql`
      INSERT INTO forum.post_revisions (post_id, before_text, after_text, created_at)
      VALUES (${id}, ${revision.before}, ${revision.after}, '2024-05-01T10:00:00Z'::timestamptz + make_interval(mins => ${revision.minute}::int))`);
  }
  return id;
}

async function collect(posts: AsyncIterable<ForumPost>): Promise<ForumPost[]> {
  const found: ForumPost[] = [];
  for await (const post of posts) found.push(post);
  return found;
}

async function readRow(id: string) {
  const [row] = rowsOf(
    await database.db.execute(sql`SELECT body_raw, body_html, updated_at::text AS updated_at FROM forum.posts WHERE id = ${id}`),
  );
  const revisions = rowsOf(
    await database.db.execute(sql`SELECT before_text, after_text FROM forum.post_revisions WHERE post_id = ${id} ORDER BY created_at`),
  );
  return { body_raw: row?.body_raw, body_html: row?.body_html, updated_at: row?.updated_at, revisions };
}

describe('reading posts', () => {
  test('a post is read with its author, bodies and revisions, oldest revision first', async () => {
    const id = await insertPost({
      author: 'ellie_reads',
      body: 'Swap on Saturday.',
      html: '<p>Swap on Saturday.</p>',
      revisions: [
        { before: 'Swap on Saturday, call 07700 900123.', after: 'Swap on Saturday, call me.' },
        { before: 'Swap on Saturday, call me.', after: 'Swap on Saturday.' },
      ],
    });

    const post = await forum.getPost(id);

    expect(post).toMatchObject({
      id,
      author: 'ellie_reads',
      body: 'Swap on Saturday.',
      renderedBody: '<p>Swap on Saturday.</p>',
      createdAt: new Date('2024-05-01T10:00:00Z'),
    });
    expect(post?.revisions.map((r) => [r.before, r.after])).toEqual([
      ['Swap on Saturday, call 07700 900123.', 'Swap on Saturday, call me.'],
      ['Swap on Saturday, call me.', 'Swap on Saturday.'],
    ]);
    expect(post?.revisions.every((r) => typeof r.id === 'string' && r.createdAt instanceof Date)).toBe(true);
    expect(post?.revisions[1]?.createdAt.getTime()).toBe(Date.parse('2024-05-01T10:02:00Z'));
    expect(post?.contentHash).toBe(postContentHash(post as ForumPost));
  });

  test('a post that does not exist reads as null, even under an id the id column cannot hold', async () => {
    await expect(forum.getPost('987654321')).resolves.toBeNull();
    await expect(forum.getPost('not-a-number')).resolves.toBeNull();
    await expect(forum.getPost('99999999999999999999999')).resolves.toBeNull();
  });

  test('existingPostIds answers which of the named posts exist', async () => {
    const first = await insertPost({ body: 'one' });
    const second = await insertPost({ body: 'two' });

    const existing = await forum.existingPostIds([first, second, first, '987654321', 'abc', '']);

    expect(existing).toEqual(new Set([first, second]));
  });
});

describe('searching posts', () => {
  test('a search finds posts by body or by revision alone, whatever the case, across several pages', async () => {
    const inBody = [
      await insertPost({ body: 'Ask Élodie Quokkaville about the swap.' }),
      await insertPost({ body: 'élodie quokkaville has two copies.' }),
      await insertPost({ body: 'ÉLODIE QUOKKAVILLE, again.' }),
    ];
    await insertPost({ body: 'Nothing to see here.' });
    const inRevision = await insertPost({
      body: 'Edited.',
      revisions: [{ before: 'Mail elodie.quokkaville@example.com', after: 'Edited.' }],
    });
    const otherTerm = await insertPost({ body: 'Or ring 06 39 98 11 22.' });

    for (const pageSize of [1, 2, 3, 5]) {
      const found = await collect(forum.findPostsContaining(['élodie quokkaville', 'QUOKKAVILLE@example', '06 39 98 11 22'], { pageSize }));
      expect(found.map((post) => post.id)).toEqual([...inBody, inRevision, otherTerm]);
    }
  });

  test('a found post comes with its revisions and content hash, as getPost gives it', async () => {
    const id = await insertPost({ body: 'zebrafinch', revisions: [{ before: 'zebrafinch!', after: 'zebrafinch' }] });

    const [found] = await collect(forum.findPostsContaining(['ZEBRAFINCH']));

    expect(found).toEqual(await forum.getPost(id));
  });

  test('a search compares letters and digits only, so spacing, punctuation and accents do not hide a match', async () => {
    const spaced = await insertPost({ body: 'Ring me: 06.39.98.11.23 any time.' });
    const accented = await insertPost({ body: 'Signed, MARIE-HÉLÈNE Zorglub.' });
    await insertPost({ body: 'Order 0639981124 shipped.' });

    const found = await collect(forum.findPostsContaining(['06 39 98 11 23', 'Marie Hélène zorglub']));

    expect(found.map((post) => post.id)).toEqual([spaced, accented]);
  });

  test('a search reports its progress as posts scanned of total, chunk by chunk', async () => {
    const progress: [number, number][] = [];
    for await (const _ of forum.findPostsContaining(['nobody-has-this-term'], { pageSize: 2, onProgress: (s, t) => void progress.push([s, t]) })) void _;
    const total = progress.at(-1)?.[1] ?? 0;
    expect(total).toBeGreaterThan(2);
    expect(progress.at(-1)?.[0]).toBe(total);
    expect(progress.map(([s]) => s)).toEqual([...progress.map(([s]) => s)].sort((a, b) => a - b));
  });

  test('no terms, or only empty ones, find nothing rather than everything', async () => {
    await insertPost({ body: 'anything' });
    await expect(collect(forum.findPostsContaining([]))).resolves.toEqual([]);
    await expect(collect(forum.findPostsContaining(['']))).resolves.toEqual([]);
    // Three letters would match a large part of any forum.
    await expect(collect(forum.findPostsContaining(['any']))).resolves.toEqual([]);
  });
});

describe('rewriting a post', () => {
  const original: NewPost = {
    body: 'Call Grace on 07700 900456.',
    html: '<p>Call Grace on 07700 900456.</p>',
    revisions: [
      { before: 'Call Grace on 07700 900456 or grace@example.org.', after: 'Call Grace on 07700 900456.' },
      { before: 'x', after: 'Call Grace on 07700 900456.' },
    ],
  };

  function redactPhone(post: ForumPost) {
    const redact = (text: string) => text.replace('07700 900456', '[removed]');
    return {
      body: redact(post.body),
      renderedBody: redact(post.renderedBody),
      revisions: post.revisions.map((r) => ({ id: r.id, before: redact(r.before), after: redact(r.after) })),
    };
  }

  test('a rewrite writes the body, the rendered body and every revision, and answers the new hash', async () => {
    const id = await insertPost(original);
    const before = await forum.getPost(id);

    const result = await forum.applyRewrite(id, before?.contentHash ?? '', redactPhone);

    const after = await forum.getPost(id);
    expect(result).toEqual({ status: 'applied', contentHash: after?.contentHash });
    expect(after?.contentHash).not.toBe(before?.contentHash);
    expect(await readRow(id)).toMatchObject({
      body_raw: 'Call Grace on [removed].',
      body_html: '<p>Call Grace on [removed].</p>',
      revisions: [
        { before_text: 'Call Grace on [removed] or grace@example.org.', after_text: 'Call Grace on [removed].' },
        { before_text: 'x', after_text: 'Call Grace on [removed].' },
      ],
    });
  });

  test('a rewrite bumps the updated_at of the reference schema, so that forum caches see the change', async () => {
    const id = await insertPost(original);
    await database.db.execute(sql`UPDATE forum.posts SET updated_at = '2024-05-01T10:00:00Z' WHERE id = ${id}`);
    const post = await forum.getPost(id);

    await forum.applyRewrite(id, post?.contentHash ?? '', redactPhone);

    const { updated_at } = await readRow(id);
    expect(Date.parse(String(updated_at))).toBeGreaterThan(Date.parse('2024-05-02T00:00:00Z'));
  });

  test('a rewrite against a stale hash writes nothing and answers changed, with the current hash', async () => {
    const id = await insertPost(original);
    const reviewed = await forum.getPost(id);
    await database.db.execute(sql`UPDATE forum.posts SET body_raw = 'Edited by its author since.' WHERE id = ${id}`);
    const rewrite = jest.fn(redactPhone);

    const result = await forum.applyRewrite(id, reviewed?.contentHash ?? '', rewrite);

    const current = await forum.getPost(id);
    expect(result).toEqual({ status: 'changed', contentHash: current?.contentHash });
    expect(rewrite).not.toHaveBeenCalled();
    expect((await readRow(id)).body_raw).toBe('Edited by its author since.');
  });

  test('when the rewrite throws, nothing is written', async () => {
    const id = await insertPost(original);
    const post = await forum.getPost(id);

    await expect(
      forum.applyRewrite(id, post?.contentHash ?? '', () => {
        throw new Error('detector crashed');
      }),
    ).rejects.toThrow('detector crashed');

    expect(await forum.getPost(id)).toEqual(post);
  });

  test('a rewrite naming a revision of another post is refused, and the body it wrote first is rolled back', async () => {
    const id = await insertPost(original);
    const other = await forum.getPost(await insertPost({ body: 'other', revisions: [{ before: 'o', after: 'other' }] }));
    const post = await forum.getPost(id);

    await expect(
      forum.applyRewrite(id, post?.contentHash ?? '', (p) => ({
        ...redactPhone(p),
        revisions: [...redactPhone(p).revisions, { id: other?.revisions[0]?.id ?? '', before: 'hijacked', after: 'hijacked' }],
      })),
    ).rejects.toThrow(/does not belong/);

    expect(await forum.getPost(id)).toEqual(post);
    expect(await forum.getPost(other?.id ?? '')).toEqual(other);
  });

  test('deleting a post removes it and its revisions, only while it is the post that was reviewed', async () => {
    const id = await insertPost(original);
    const reviewed = await forum.getPost(id);
    await database.db.execute(sql`UPDATE forum.posts SET body_raw = 'Edited since.' WHERE id = ${id}`);

    await expect(forum.deletePost(id, reviewed?.contentHash ?? '')).resolves.toMatchObject({ status: 'changed' });
    const edited = await forum.getPost(id);
    expect(edited?.body).toBe('Edited since.');
    expect(edited?.revisions).toHaveLength(original.revisions?.length ?? 0);

    await expect(forum.deletePost(id, edited?.contentHash ?? '')).resolves.toEqual({ status: 'deleted' });
    expect(await forum.getPost(id)).toBeNull();
    const revisions = rowsOf(await database.db.execute(sql`SELECT id FROM forum.post_revisions WHERE post_id = ${id}`));
    expect(revisions).toEqual([]);
    await expect(forum.deletePost(id, edited?.contentHash ?? '')).resolves.toEqual({ status: 'not_found' });
    await expect(forum.deletePost('abc', 'any')).resolves.toEqual({ status: 'not_found' });
  });

  test('rewriting a post that does not exist answers not_found', async () => {
    const rewrite = jest.fn(redactPhone);
    await expect(forum.applyRewrite('987654321', 'any', rewrite)).resolves.toEqual({ status: 'not_found' });
    await expect(forum.applyRewrite('abc', 'any', rewrite)).resolves.toEqual({ status: 'not_found' });
    expect(rewrite).not.toHaveBeenCalled();
  });

  test('of two rewrites reviewed against the same content, one applies and the other finds the post changed', async () => {
    const id = await insertPost(original);
    const post = await forum.getPost(id);
    const hash = post?.contentHash ?? '';

    const results = await Promise.all([
      forum.applyRewrite(id, hash, redactPhone),
      forum.applyRewrite(id, hash, (p) => ({ ...redactPhone(p), body: 'second' })),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual(['applied', 'changed']);
    const applied = results.find((r) => r.status === 'applied');
    expect((await forum.getPost(id))?.contentHash).toBe(applied && 'contentHash' in applied ? applied.contentHash : undefined);
  });

  // Needs a second connection, which PGlite has not: runs when TEST_DATABASE_URL names a server.
  const onServer = process.env.TEST_DATABASE_URL ? test : test.skip;
  onServer('when the author edits the post while the rewrite waits for it, the rewrite answers changed and loses no edit', async () => {
    const id = await insertPost(original);
    const reviewed = await forum.getPost(id);
    const author = new pg.Client({ connectionString: database.url });
    await author.connect();
    try {
      await author.query('BEGIN');
      await author.query('UPDATE forum.posts SET body_raw = $1 WHERE id = $2', ['Edited meanwhile.', id]);
      const rewriting = forum.applyRewrite(id, reviewed?.contentHash ?? '', redactPhone);
      await waitForLockWait(author);
      await author.query('COMMIT');

      await expect(rewriting).resolves.toMatchObject({ status: 'changed' });
      expect((await readRow(id)).body_raw).toBe('Edited meanwhile.');
    } finally {
      await author.end();
    }
  });
});

/** Until some other session of this database waits on a lock: the rewrite has reached the held row. */
async function waitForLockWait(client: pg.Client): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const { rows } = await client.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the rewrite never waited for the row');
}
