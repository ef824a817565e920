// The whole removal flow on a WordPress site with bbPress, on the real MariaDB: a forum reply with an earlier
// revision and a blog comment name the requester; once the request is approved, no row holds a trace of them.
// MariaDB does not change with TEST_DATABASE_URL: the PostgreSQL pass skips this file rather than run it twice.
import type { RowDataPacket } from 'mysql2/promise';
import request from 'supertest';
import { startWorld, type World } from '../support/world';
import { openWordpressDatabase, type WordpressDatabase } from '../support/wordpressSchema';

const onMariadb = process.env.TEST_DATABASE_URL ? describe.skip : describe;

const requester = { email: 'marie.dupont@example.fr', name: 'Marie Dupont' };

onMariadb('a WordPress and bbPress forum', () => {
  let wp: WordpressDatabase;
  let world: World;
  let replyId: string;
  let commentId: string;

  beforeAll(async () => {
    wp = await openWordpressDatabase();
    // Four eyes stay on: the commenter's IP address and website are the requester's (authorFields.ts), so one
    // moderator's approval is enough, as for any request that touches no one else's information.
    world = await startWorld({ FORUM_URL: wp.url, FORUM_POST_URL: 'https://blog.example.org/?p={id}' }, { ownForum: true });
    replyId = await insertPost('reply', {
      content: 'Selling my bike, write to marie.dupont@example.fr. Marie Dupont',
      title: 'Reply To: Bike swap',
      excerpt: 'Marie Dupont sells a bike',
      revisions: ['Selling my bike, mail marie.dupont@example.fr or ask Marie Dupont at the club.'],
    });
    const blogPost = await insertPost('post', { content: 'Our spring meetup was great.', title: 'Spring meetup', excerpt: '', revisions: [] });
    const [comment] = await wp.pool.query(
      `INSERT INTO wp_comments (comment_post_ID, comment_author, comment_author_email, comment_author_url, comment_author_IP,
         comment_date, comment_date_gmt, comment_content)
       VALUES (?, ?, ?, 'https://marie-dupont.example.fr', '203.0.113.42', '2024-05-02 11:00:00', '2024-05-02 09:00:00', ?)`,
      [blogPost, requester.name, requester.email, 'Thanks! Marie Dupont (marie.dupont@example.fr)'],
    );
    commentId = `comment-${(comment as unknown as { insertId: number }).insertId}`;
  }, 120_000);
  afterAll(async () => {
    await world?.close();
    await wp?.close();
  });

  async function insertPost(type: string, post: { content: string; title: string; excerpt: string; revisions: string[] }): Promise<string> {
    const columns = `(post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, to_ping, pinged, post_modified,
      post_modified_gmt, post_content_filtered, post_parent, post_type)`;
    const [inserted] = await wp.pool.query(
      `INSERT INTO wp_posts ${columns} VALUES (1, '2024-05-01 12:00:00', '2024-05-01 10:00:00', ?, ?, ?, 'publish', '', '', '2024-05-01 12:00:00', '2024-05-01 10:00:00', '', 0, ?)`,
      [post.content, post.title, post.excerpt, type],
    );
    const id = String((inserted as unknown as { insertId: number }).insertId);
    for (const [index, text] of post.revisions.entries()) {
      await wp.pool.query(
        `INSERT INTO wp_posts ${columns} VALUES (1, '2024-05-01 12:00:00', '2024-05-01 10:00:00' + INTERVAL ? MINUTE, ?, ?, ?, 'inherit', '', '', '2024-05-01 12:00:00', '2024-05-01 10:00:00', '', ?, 'revision')`,
        [index + 1, text, post.title, post.excerpt, id],
      );
    }
    return id;
  }

  /** Every text column of the item's rows: the post with its revisions, or the comment. */
  async function storedTexts(id: string): Promise<Record<string, string>[]> {
    const [rows] = id.startsWith('comment-')
      ? await wp.pool.query<RowDataPacket[]>(
          'SELECT comment_content, comment_author, comment_author_email, comment_author_url, comment_author_IP FROM wp_comments WHERE comment_ID = ?',
          [id.slice('comment-'.length)],
        )
      : await wp.pool.query<RowDataPacket[]>(
          `SELECT post_type, post_content, post_title, post_excerpt FROM wp_posts WHERE ID = ? OR (post_parent = ? AND post_type = 'revision') ORDER BY ID`,
          [id, id],
        );
    return rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, String(value)])));
  }

  const moderator = () => ({ Authorization: `Bearer ${world.moderatorToken}` });
  const traceOf = /marie\.dupont@example\.fr|Marie Dupont/i;

  test('an approved request removes the requester from the reply, its revision and the comment, as stored in MariaDB', async () => {
    const submitted = await request(world.server)
      .post('/api/v1/requests')
      .send({ email: requester.email, name: requester.name, identifiers: { phones: [], usernames: [] }, posts: [replyId, commentId], scope: 'all', relationship: 'author', consent: true });
    expect(submitted.status).toBe(202);
    const id = submitted.body.id as string;
    await world.verifyFromEmail(requester.email, id);

    const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
    expect(review.status).toBe(200);
    const reviewed = review.body.posts as { id: string; post: { body: string }; findings: { type: string }[] }[];
    expect(reviewed.map((p) => p.id).sort()).toEqual([replyId, commentId].sort());
    for (const post of reviewed) expect(post.findings.map((f) => f.type)).toEqual(expect.arrayContaining(['email']));

    await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(moderator()).send({}).expect(202);
    await world.waitForState(id, 'completed');

    const [reply, revision] = await storedTexts(replyId);
    const [comment] = await storedTexts(commentId);
    expect(reply?.post_content).toContain('Selling my bike');
    expect(revision?.post_type).toBe('revision');
    for (const text of [reply?.post_content, revision?.post_content, comment?.comment_content]) {
      expect(text).toBeDefined();
      expect(text).not.toMatch(traceOf);
    }
    expect(reply?.post_content).toContain('[email removed]');
    expect(comment?.comment_content).toContain('[email removed]');
    await world.waitForMail(requester.email, /removed|completed|done/i, [`/status/${id}`]);
  });

  test('readiness reports the WordPress database as the forum', async () => {
    const ready = await request(world.server).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({ forum: 'ok', database: 'ok' });
  });

  // The titles, excerpts and commenter columns are fields of the items (port.ts), located and rewritten like the body.
  test('the titles, excerpts and commenter columns lose the requester too', async () => {
    const rows = [...(await storedTexts(replyId)), ...(await storedTexts(commentId))];
    expect(rows.length).toBe(3);
    for (const row of rows) for (const [column, value] of Object.entries(row)) expect(`${column}: ${value}`).not.toMatch(traceOf);
    const [comment] = await storedTexts(commentId);
    expect(comment?.comment_author_IP).not.toContain('203.0.113.42');
    expect(comment?.comment_author_url).not.toContain('marie-dupont.example.fr');
  });
});
