// Quotes of removed text, through the HTTP API on the real database, Redis and SMTP server: when a post loses the
// requester's email and phone, every quote of them in other posts loses them too, and nothing else in those posts.
import request from 'supertest';
import { sql } from 'drizzle-orm';
import { startWorld, type World } from '../support/world';
import { applyRedactions } from '../../src/domain/applyRedactions';
import { redactQuotesOf } from '../../src/domain/quoteRedaction';
import { rowsOf } from '../../src/forum/postgres/rows';
import { readAudit, verifyAuditChain } from '../../src/store/auditTrail';
import { postsOf } from '../../src/store/requestRecords';
import { signInAs } from '../support/consoleSession';

let world: World;

beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

const moderator = () => ({ Authorization: `Bearer ${world.moderatorToken}` });

/** A post as a forum that renders quotes would store it: its source, its HTML, and its earlier versions. */
async function addPost(body: string, html: string, revisions: { before: string; after: string }[] = []): Promise<string> {
  const [row] = rowsOf(
    await world.database.db.execute(sql`INSERT INTO forum.posts (author, body_raw, body_html, created_at, updated_at) VALUES ('someone', ${body}, ${html}, now(), now()) RETURNING id`),
  );
  const id = String((row as { id: unknown }).id);
  for (const r of revisions) {
    await world.database.db.execute(sql`INSERT INTO forum.post_revisions (post_id, before_text, after_text, created_at) VALUES (${id}, ${r.before}, ${r.after}, now())`);
  }
  return id;
}

async function postRow(id: string) {
  const [row] = rowsOf(await world.database.db.execute(sql`SELECT body_raw, body_html FROM forum.posts WHERE id = ${id}`)) as { body_raw: string; body_html: string }[];
  const revisions = rowsOf(await world.database.db.execute(sql`SELECT before_text, after_text FROM forum.post_revisions WHERE post_id = ${id} ORDER BY id`));
  if (!row) throw new Error(`post ${id} is gone`);
  return { body: row.body_raw, rendered: row.body_html, revisions: revisions as { before_text: string; after_text: string }[] };
}

const textsOf = (post: Awaited<ReturnType<typeof postRow>>) => [post.body, post.rendered, ...post.revisions.flatMap((r) => [r.before_text, r.after_text])];

async function submitAndVerify(email: string, phone: string, postIds: string[]): Promise<string> {
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email, identifiers: { phones: [phone], usernames: [] }, posts: postIds, scope: 'all', relationship: 'author', consent: true });
  expect(res.status).toBe(202);
  const id = res.body.id as string;
  await world.verifyFromEmail(email, id);
  return id;
}

test('approving a post removes its email and phone from every quote of it in other posts, and the email counts those posts', async () => {
  const email = 'anne.citee@example.org';
  const phone = '06 98 76 54 32';
  const said = `Je vends mes romans policiers, écrivez-moi à ${email} ou appelez le ${phone}.`;
  const a = await addPost(`Bonjour ! ${said}`, `<p>Bonjour ! ${said}</p>`);
  // B: a markdown quote, rendered as a blockquote.
  const b = await addPost(`anne_c a écrit :\n\n> ${said}\n\nJe vous ai écrit hier.`, `<p>anne_c a écrit :</p>\n<blockquote><p>${said}</p></blockquote>\n<p>Je vous ai écrit hier.</p>`);
  // C: BBCode, its quote reflowed over two lines.
  const c = await addPost(
    `[QUOTE=anne_c]écrivez-moi à ${email}\nou appelez le 06 98 76\n54 32[/QUOTE]\nMerci, c'est noté.`,
    `<blockquote class="bbcode"><cite>anne_c</cite>écrivez-moi à ${email}<br>\nou appelez le 06 98 76<br>\n54 32</blockquote><p>Merci, c&#39;est noté.</p>`,
  );
  // D: Discourse, with an earlier version that quoted more.
  const dBody = `[quote="anne_c, post:1, topic:2"]\nécrivez-moi à ${email}\n[/quote]\n\nVendu ?`;
  const d = await addPost(
    dBody,
    `<aside class="quote no-group" data-username="anne_c" data-post="1" data-topic="2"><div class="title">anne_c:</div><blockquote><p>écrivez-moi à ${email}</p></blockquote></aside>\n<p>Vendu ?</p>`,
    [{ before: `[quote="anne_c, post:1, topic:2"]\n${said}\n[/quote]\n\nVendu ?`, after: dBody }],
  );
  // E: the same email in someone's own words: not a quote, never reviewed, left alone.
  const eBody = `Pour les polars, voyez aussi ${email} au club.`;
  const e = await addPost(eBody, `<p>${eBody}</p>`);
  const before = { b: await postRow(b), c: await postRow(c), d: await postRow(d), e: await postRow(e) };

  const id = await submitAndVerify(email, phone, [a]);
  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(moderator());
  expect(review.body.posts[0].findings.map((f: { type: string }) => f.type)).toEqual(expect.arrayContaining(['email', 'phone']));
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(moderator()).send({}).expect(202);
  await world.waitForState(id, 'completed');

  for (const postId of [a, b, c, d]) {
    for (const text of textsOf(await postRow(postId))) {
      expect(text).not.toContain(email);
      expect(text).not.toMatch(/06\s+98\s+76\s+54\s+32/);
    }
  }
  const after = { b: await postRow(b), c: await postRow(c), d: await postRow(d) };
  // Each quoting post keeps its own words and the quote's other words; only the passages become placeholders.
  expect(after.b.body).toBe(before.b.body.replace(email, '[email removed]').replace(phone, '[phone removed]'));
  expect(after.b.rendered).toContain('<blockquote><p>Je vends mes romans policiers, écrivez-moi à [email removed] ou appelez le [phone removed].</p></blockquote>');
  expect(after.c.body).toBe(`[QUOTE=anne_c]écrivez-moi à [email removed]\nou appelez le [phone removed][/QUOTE]\nMerci, c'est noté.`);
  expect(after.c.rendered).toContain(`écrivez-moi à [email removed]<br>`);
  expect(after.d.body).toBe(dBody.replace(email, '[email removed]'));
  expect(after.d.rendered).toContain('<blockquote><p>écrivez-moi à [email removed]</p></blockquote>');
  expect(after.d.revisions[0]?.before_text).toContain('écrivez-moi à [email removed] ou appelez le [phone removed].');
  expect(after.d.revisions[0]?.after_text).toBe(after.d.body);
  expect(await postRow(e)).toEqual(before.e);

  const completed = await world.waitForMail(email, /removed/i, [`/status/${id}`]);
  expect(completed.text).toContain('Other members had quoted your information in 3 of their posts');
  expect(completed.html).toContain('Other members had quoted your information in 3 of their posts');
  // The quoting posts are counted, not listed as the requester's own.
  for (const postId of [b, c, d, e]) expect(completed.text).not.toContain(`/demo/posts/${postId}\n`);
  expect(completed.text).toContain(`/demo/posts/${a}`);

  const rows = await postsOf(world.database.db, id);
  expect(rows.filter((r) => r.source === 'quote').map((r) => [r.postId, r.status]).sort()).toEqual([b, c, d].map((p) => [p, 'redacted']).sort());
  const trail = await readAudit(world.database.db, id);
  expect(trail.find((entry) => entry.action === 'quotes_redacted')?.data).toEqual({ posts: 3 });
  expect(await verifyAuditChain(world.database.db, id)).toBeNull();

  // The console lists the quoting posts apart from the request's own, which keeps one post to review.
  const page = await (await signInAs(world, 'moderator')).agent.get(`/console/requests/${id}`).expect(200);
  expect(page.text).toContain('Quotes removed from other posts');
  for (const postId of [b, c, d]) expect(page.text).toContain(`data-quoting-post="${postId}"`);
  expect(page.text).not.toContain(`data-quoting-post="${e}"`);
  expect(page.text).not.toContain(`data-post="${b}"`);
  expect(page.text).toContain(`data-post="${a}"`);
  expect(page.text).toContain('quotes removed from other posts');

  // Running the redaction again, even forced back into redacting, changes nothing.
  const snapshot = await Promise.all([a, b, c, d, e].map(postRow));
  await world.database.db.execute(sql`UPDATE requests SET state = 'redacting' WHERE id = ${id}`);
  await applyRedactions(world.runtime.workerDeps, id);
  expect(await Promise.all([a, b, c, d, e].map(postRow))).toEqual(snapshot);
  expect((await postsOf(world.database.db, id)).filter((r) => r.source === 'quote')).toHaveLength(3);
  expect((await readAudit(world.database.db, id)).filter((entry) => entry.action === 'quotes_redacted')).toHaveLength(1);
});

test('a post deleted whole can have its quotes removed by its text: redactQuotesOf takes any passage', async () => {
  const passage = "Léa a neuf ans et va à l'école Jean Moulin";
  const own = await addPost(`Ma fille Léa. ${passage}.`, `<p>Ma fille Léa. ${passage}.</p>`);
  const quoting = await addPost(`> ${passage}\n\nTrop mignon.`, `<blockquote><p>${passage.replace(/'/g, '&#x27;')}</p></blockquote><p>Trop mignon.</p>`);
  const id = await submitAndVerify('parent.quotes@example.org', '06 11 22 33 44', [own]);
  const rewritten = await redactQuotesOf(world.runtime.workerDeps, id, [{ text: passage, type: 'passage' }]);
  expect(rewritten).toBe(1);
  expect(await postRow(quoting)).toMatchObject({ body: '> [passage removed]\n\nTrop mignon.', rendered: '<blockquote><p>[passage removed]</p></blockquote><p>Trop mignon.</p>' });
  // The request's own post is not a quote of itself: it is left to its own findings.
  expect((await postRow(own)).body).toContain(passage);
  expect(await redactQuotesOf(world.runtime.workerDeps, id, [{ text: passage, type: 'passage' }])).toBe(0);
});
