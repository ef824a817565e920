// The connector contract against the MySQL connector on a WordPress database of the real MariaDB, and what is
// particular to WordPress: comments and their commenter columns, revision titles, post types, metadata.
// MariaDB does not change with TEST_DATABASE_URL: the PostgreSQL pass skips this file rather than run it twice.
import { randomBytes } from 'node:crypto';
import type { RowDataPacket } from 'mysql2/promise';
import { readConfig } from '../../src/config';
import { createMysqlForum } from '../../src/forum/mysql/mysqlForum';
import { openMysqlPool } from '../../src/forum/mysql/mysqlPool';
import { parseWordpressMapping } from '../../src/forum/mysql/wordpressMapping';
import type { ForumPost, ForumStore } from '../../src/forum/port';
import { openWordpressDatabase, type WordpressDatabase } from '../support/wordpressSchema';
import { describeForumConnector, type NewItem } from './connectorContract';

const onMariadb = process.env.TEST_DATABASE_URL ? describe.skip : describe;

/** Inserts a post as WordPress saves one: the post row, then one revision row per earlier save, a minute apart. */
async function insertWordpressPost(wp: WordpressDatabase, item: NewItem & { type?: string }): Promise<string> {
  const title = item.fields?.title ?? '';
  const excerpt = item.fields?.excerpt ?? '';
  const [result] = await wp.pool.query<RowDataPacket[]>(
    `INSERT INTO wp_posts (post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, to_ping, pinged,
       post_modified, post_modified_gmt, post_content_filtered, post_type)
     VALUES (1, '2024-05-01 12:00:00', '2024-05-01 10:00:00', ?, ?, ?, '', '', '2024-05-01 12:00:00', '2024-05-01 10:00:00', '', ?)`,
    [item.body, title, excerpt, item.type ?? 'post'],
  );
  const id = String((result as unknown as { insertId: number }).insertId);
  const texts = item.revisions ?? [];
  // Inserted newest first, so that reading them in time order is not an accident of insertion order.
  for (let index = texts.length - 1; index >= 0; index--) {
    await wp.pool.query(
      `INSERT INTO wp_posts (post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, post_name, to_ping, pinged,
         post_modified, post_modified_gmt, post_content_filtered, post_parent, post_type)
       VALUES (1, '2024-05-01 12:00:00' + INTERVAL ? MINUTE, '2024-05-01 10:00:00' + INTERVAL ? MINUTE, ?, ?, ?, 'inherit', ?, '', '',
         '2024-05-01 12:00:00', '2024-05-01 10:00:00', '', ?, 'revision')`,
      [index + 1, index + 1, texts[index], title, excerpt, `${id}-revision-v1`, id],
    );
  }
  return id;
}

async function readWordpressPost(wp: WordpressDatabase, id: string): Promise<string[] | null> {
  if (id.startsWith('comment-')) {
    const [[comment]] = await wp.pool.query<RowDataPacket[]>(
      'SELECT comment_content, comment_author, comment_author_email, comment_author_url, comment_author_IP FROM wp_comments WHERE comment_ID = ?',
      [id.slice('comment-'.length)],
    );
    return comment ? Object.values(comment).map(String) : null;
  }
  const [[post]] = await wp.pool.query<RowDataPacket[]>('SELECT post_content, post_title, post_excerpt FROM wp_posts WHERE ID = ?', [id]);
  if (!post) return null;
  const [revisions] = await wp.pool.query<RowDataPacket[]>(
    `SELECT post_content, post_title, post_excerpt FROM wp_posts WHERE post_parent = ? AND post_type = 'revision' ORDER BY post_date_gmt, ID`,
    [id],
  );
  return [post, ...revisions].flatMap((row) => [String(row.post_content), String(row.post_title), String(row.post_excerpt)]);
}

onMariadb('MariaDB', () => {
  describeForumConnector(
    'MySQL (WordPress)',
    {
      fieldNames: ['title', 'excerpt'],
      idsOfWrongShape: ['abc', '0', '-5', '12a', 'comment-', 'comment-x', 'comment-0', '99999999999999999999999', 'revision:1'],
      // post_title is a TEXT column: 65,535 bytes at most.
      unstorableField: { name: 'title', value: 'x'.repeat(70_000) },
    },
    async () => {
      const wp = await openWordpressDatabase();
      return {
        forum: createMysqlForum(wp.pool, parseWordpressMapping(undefined)),
        insertPost: (item) => insertWordpressPost(wp, item),
        readStored: (id) => readWordpressPost(wp, id),
        async editBody(id, body) {
          await wp.pool.query('UPDATE wp_posts SET post_content = ? WHERE ID = ?', [body, id]);
        },
        close: () => wp.close(),
      };
    },
  );

  describe('what is particular to WordPress', () => {
    let wp: WordpressDatabase;
    let forum: ForumStore;
    beforeAll(async () => {
      wp = await openWordpressDatabase();
      forum = createMysqlForum(wp.pool, parseWordpressMapping(undefined));
    });
    afterAll(async () => {
      await wp?.close();
    });

    async function insertComment(postId: string, comment: { content: string; author: string; email: string; url: string; ip: string }): Promise<string> {
      const [result] = await wp.pool.query(
        `INSERT INTO wp_comments (comment_post_ID, comment_author, comment_author_email, comment_author_url, comment_author_IP,
           comment_date, comment_date_gmt, comment_content, comment_agent)
         VALUES (?, ?, ?, ?, ?, '2024-05-02 11:00:00', '2024-05-02 09:00:00', ?, 'Mozilla/5.0')`,
        [postId, comment.author, comment.email, comment.url, comment.ip, comment.content],
      );
      const commentId = String((result as unknown as { insertId: number }).insertId);
      await wp.pool.query(`INSERT INTO wp_commentmeta (comment_id, meta_key, meta_value) VALUES (?, 'rating', '5')`, [commentId]);
      return `comment-${commentId}`;
    }

    const ines = { content: 'Great recipe! Ines', author: 'Inès Quarrington', email: 'ines.q@example.org', url: 'https://ines.example.org', ip: '203.0.113.42' };

    test('a blog comment is an item of its own, with the commenter’s name, email, URL and IP address as fields', async () => {
      const postId = await insertWordpressPost(wp, { body: 'Recipe', fields: { title: 'Pie' } });
      const id = await insertComment(postId, ines);

      const comment = await forum.getPost(id);

      expect(comment).toMatchObject({
        id,
        author: 'Inès Quarrington',
        body: 'Great recipe! Ines',
        renderedBody: '',
        revisions: [],
        createdAt: new Date('2024-05-02T09:00:00Z'),
        fields: { author: 'Inès Quarrington', author_email: 'ines.q@example.org', author_url: 'https://ines.example.org', author_ip: '203.0.113.42' },
      });
      await expect(forum.existingPostIds([id, postId, `comment-${postId}999`])).resolves.toEqual(new Set([id, postId]));
    });

    test('a search finds a comment by its commenter’s email or IP address alone', async () => {
      const postId = await insertWordpressPost(wp, { body: 'Recipe' });
      const id = await insertComment(postId, { ...ines, content: 'Nice.', email: 'quokka.ines@example.org', ip: '198.51.100.77' });

      await expect(collect(forum.findPostsContaining(['Quokka.Ines@example.org']))).resolves.toEqual([await forum.getPost(id)]);
      expect((await collect(forum.findPostsContaining(['198.51.100.77']))).map((c) => c.id)).toEqual([id]);
    });

    test('rewriting a comment writes its text and the commenter columns; an IP too long for its column writes nothing', async () => {
      const postId = await insertWordpressPost(wp, { body: 'Recipe' });
      const id = await insertComment(postId, ines);
      const comment = await forum.getPost(id);
      const stored = await readWordpressPost(wp, id);

      await expect(
        forum.applyRewrite(id, comment?.contentHash ?? '', (c) => ({ body: 'changed', renderedBody: '', revisions: [], fields: { ...c.fields, author_ip: '1'.repeat(101) } })),
      ).rejects.toThrow(/too long/i);
      expect(await readWordpressPost(wp, id)).toEqual(stored);

      const result = await forum.applyRewrite(id, comment?.contentHash ?? '', () => ({
        body: 'Great recipe! [name removed]',
        renderedBody: '',
        revisions: [],
        fields: { author: '[name removed]', author_email: '', author_url: '', author_ip: '' },
      }));

      expect(result).toEqual({ status: 'applied', contentHash: (await forum.getPost(id))?.contentHash });
      expect(await readWordpressPost(wp, id)).toEqual(['Great recipe! [name removed]', '[name removed]', '', '', '']);
    });

    test('a rewrite that leaves fields out keeps them; one that names a field the item has not is refused', async () => {
      const postId = await insertWordpressPost(wp, { body: 'Hello Ines', fields: { title: 'Ines says hi', excerpt: 'hi' } });
      const post = await forum.getPost(postId);

      await expect(forum.applyRewrite(postId, post?.contentHash ?? '', (p) => ({ body: p.body, renderedBody: '', revisions: [], fields: { author_ip: '' } }))).rejects.toThrow(
        /no field author_ip/,
      );
      await forum.applyRewrite(postId, post?.contentHash ?? '', () => ({ body: 'Hello [name removed]', renderedBody: '', revisions: [] }));

      expect(await readWordpressPost(wp, postId)).toEqual(['Hello [name removed]', 'Ines says hi', 'hi']);
    });

    test('each revision keeps its own title and excerpt as fields of the post, and they are rewritten with it', async () => {
      const id = await insertWordpressPost(wp, { body: 'Now', revisions: ['First'], fields: { title: 'About Ines Quokka', excerpt: 'Ines Quokka' } });
      const post = (await forum.getPost(id)) as ForumPost;
      const revisionId = post.revisions[0]?.id ?? '';
      expect(post.fields).toEqual({
        title: 'About Ines Quokka',
        excerpt: 'Ines Quokka',
        [`revision:${revisionId}:title`]: 'About Ines Quokka',
        [`revision:${revisionId}:excerpt`]: 'Ines Quokka',
      });
      expect((await collect(forum.findPostsContaining(['ines quokka']))).map((p) => p.id)).toContain(id);

      const fields = Object.fromEntries(Object.entries(post.fields ?? {}).map(([name, value]) => [name, value.replace('Ines Quokka', '[name removed]')]));
      await forum.applyRewrite(id, post.contentHash, (p) => ({ body: p.body, renderedBody: '', revisions: p.revisions, fields }));

      expect((await readWordpressPost(wp, id))?.join('\n')).not.toContain('Quokka');
    });

    test('a rewrite whose revision `before` is not the previous revision’s text is refused, as WordPress could not store it', async () => {
      const id = await insertWordpressPost(wp, { body: 'C', revisions: ['A 06 11', 'B 06 11'] });
      const post = (await forum.getPost(id)) as ForumPost;
      expect(post.revisions.map((r) => [r.before, r.after])).toEqual([['', 'A 06 11'], ['A 06 11', 'B 06 11']]);
      const stored = await readWordpressPost(wp, id);

      await expect(
        forum.applyRewrite(id, post.contentHash, (p) => ({ body: p.body, renderedBody: '', revisions: p.revisions.map((r) => ({ ...r, after: r.after.replace('06 11', 'x') })) })),
      ).rejects.toThrow(/previous revision/);
      expect(await readWordpressPost(wp, id)).toEqual(stored);
    });

    test('only the configured public post types are items: a bbPress reply is, an attachment or a revision is not', async () => {
      const reply = await insertWordpressPost(wp, { body: 'A bbPress reply by quokkabbp', type: 'reply', revisions: ['older'] });
      const attachment = await insertWordpressPost(wp, { body: 'quokkabbp.jpg', type: 'attachment' });
      const revisionId = (await forum.getPost(reply))?.revisions[0]?.id ?? '';

      await expect(forum.getPost(attachment)).resolves.toBeNull();
      await expect(forum.getPost(revisionId)).resolves.toBeNull();
      expect((await collect(forum.findPostsContaining(['quokkabbp']))).map((p) => p.id)).toEqual([reply]);
      const repliesOnly = createMysqlForum(wp.pool, parseWordpressMapping('{"postTypes":["reply"]}'));
      await expect(repliesOnly.existingPostIds([reply, attachment])).resolves.toEqual(new Set([reply]));
    });

    test('deleting a post deletes its revisions and metadata; deleting a comment deletes its metadata, not the post', async () => {
      const postId = await insertWordpressPost(wp, { body: 'Bye', revisions: ['Bye now'] });
      const post = (await forum.getPost(postId)) as ForumPost;
      await wp.pool.query(`INSERT INTO wp_postmeta (post_id, meta_key, meta_value) VALUES (?, '_bbp_author_ip', '203.0.113.9'), (?, '_edit_lock', '1')`, [
        postId,
        post.revisions[0]?.id,
      ]);
      const commentId = await insertComment(postId, ines);

      await expect(forum.deletePost(commentId, (await forum.getPost(commentId))?.contentHash ?? '')).resolves.toEqual({ status: 'deleted' });
      const [commentMeta] = await wp.pool.query<RowDataPacket[]>('SELECT * FROM wp_commentmeta WHERE comment_id = ?', [commentId.slice(8)]);
      expect(commentMeta).toEqual([]);
      expect(await forum.getPost(postId)).toEqual(post);

      await expect(forum.deletePost(postId, post.contentHash)).resolves.toEqual({ status: 'deleted' });
      const [left] = await wp.pool.query<RowDataPacket[]>(
        `SELECT ID FROM wp_posts WHERE ID = ? OR post_parent = ? UNION ALL SELECT meta_id FROM wp_postmeta WHERE post_id IN (?, ?)`,
        [postId, postId, postId, post.revisions[0]?.id],
      );
      expect(left).toEqual([]);
    });

    test('the grants the README gives are enough to read, search, rewrite and delete', async () => {
      const user = `erasure_${randomBytes(4).toString('hex')}`;
      const database = new URL(wp.url).pathname.slice(1);
      const grants = [
        `CREATE USER '${user}'@'%' IDENTIFIED BY 'secret-${user}'`,
        `GRANT SELECT, UPDATE, DELETE ON ${database}.wp_posts TO '${user}'@'%'`,
        `GRANT SELECT, UPDATE, DELETE ON ${database}.wp_comments TO '${user}'@'%'`,
        `GRANT SELECT, DELETE ON ${database}.wp_postmeta TO '${user}'@'%'`,
        `GRANT SELECT, DELETE ON ${database}.wp_commentmeta TO '${user}'@'%'`,
      ];
      for (const statement of grants) await wp.pool.query(statement);
      const url = new URL(wp.url);
      url.username = user;
      url.password = `secret-${user}`;
      const limited = openMysqlPool(url.toString());
      try {
        const asErasure = createMysqlForum(limited.pool, parseWordpressMapping(undefined));
        const postId = await insertWordpressPost(wp, { body: 'grant quokkagrant', revisions: ['older quokkagrant'], fields: { title: 'quokkagrant', excerpt: '' } });
        const commentId = await insertComment(postId, { ...ines, content: 'quokkagrant too' });
        const found = await collect(asErasure.findPostsContaining(['quokkagrant']));
        expect(found.map((item) => item.id)).toEqual([postId, commentId]);
        const [post, comment] = found as [ForumPost, ForumPost];
        const rewritten = await asErasure.applyRewrite(postId, post.contentHash, (p) => ({
          body: 'grant [removed]',
          renderedBody: '',
          revisions: p.revisions.map((r) => ({ ...r, after: 'older [removed]' })),
          fields: Object.fromEntries(Object.entries(p.fields ?? {}).map(([name, value]) => [name, value.replace('quokkagrant', '[removed]')])),
        }));
        expect(rewritten.status).toBe('applied');
        await expect(asErasure.deletePost(commentId, comment.contentHash)).resolves.toEqual({ status: 'deleted' });
        await expect(asErasure.deletePost(postId, (await asErasure.getPost(postId))?.contentHash ?? '')).resolves.toEqual({ status: 'deleted' });
      } finally {
        await limited.close();
        await wp.pool.query(`DROP USER '${user}'@'%'`);
      }
    });

    test('a table prefix other than wp_ is followed', async () => {
      const other = await openWordpressDatabase('blog2_');
      try {
        await other.pool.query(
          `INSERT INTO blog2_posts (post_content, post_title, post_excerpt, to_ping, pinged, post_content_filtered) VALUES ('hello quokkaprefix', '', '', '', '', '')`,
        );
        const prefixed = createMysqlForum(other.pool, parseWordpressMapping('{"prefix":"blog2_"}'));
        expect((await collect(prefixed.findPostsContaining(['quokkaprefix']))).map((p) => p.body)).toEqual(['hello quokkaprefix']);
      } finally {
        await other.close();
      }
    });

    test('a FORUM_MAPPING with a bad prefix or post type is refused naming the field', () => {
      expect(() => parseWordpressMapping('{"prefix":"wp_; DROP"}')).toThrow(/FORUM_MAPPING.*prefix/);
      expect(() => parseWordpressMapping('{"postTypes":["revision"]}')).toThrow(/FORUM_MAPPING.*postTypes/);
      expect(() => parseWordpressMapping('{"posts":{}}')).toThrow(/FORUM_MAPPING/);
      expect(parseWordpressMapping('')).toEqual({ prefix: 'wp_', postTypes: ['post', 'page', 'topic', 'reply'] });
    });

    test('FORUM_URL=mysql:// or mariadb:// reads FORUM_MAPPING as the WordPress mapping; postgres:// keeps the table mapping', () => {
      const mapping = '{"prefix":"blog_","postTypes":["topic","reply"]}';
      for (const url of ['mysql://wp@db.example/wordpress', 'mariadb://wp@db.example/wordpress']) {
        expect(readConfig({ FORUM_URL: url, FORUM_MAPPING: mapping }).wordpressMapping).toEqual({ prefix: 'blog_', postTypes: ['topic', 'reply'] });
      }
      expect(readConfig({ FORUM_URL: 'mysql://wp@db.example/wordpress' }).wordpressMapping?.prefix).toBe('wp_');
      expect(() => readConfig({ FORUM_URL: 'mysql://wp@db.example/wordpress', FORUM_MAPPING: '{"schema":"forum"}' })).toThrow(/FORUM_MAPPING.*WordPress/);
      expect(readConfig({ FORUM_URL: 'postgres://db.example/forum' }).wordpressMapping).toBeUndefined();
      expect(() => readConfig({ FORUM_URL: 'sqlite://forum.db' })).toThrow(/FORUM_URL: must start with .*mysql:\/\/ or mariadb:\/\//);
    });
  });
});

async function collect(posts: AsyncIterable<ForumPost>): Promise<ForumPost[]> {
  const found: ForumPost[] = [];
  for await (const post of posts) found.push(post);
  return found;
}
