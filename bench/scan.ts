// npm run bench:scan — builds a forum of 1,000,000 posts in PostgreSQL (generated sentences, realistic lengths,
// a twentieth with an edit history) with one requester's identifiers planted in a few dozen of them, then times
// the whole-forum search a request makes (forum prefilter + detector) without and with the trigram indexes of
// `erasure forum index`, printing posts per second, what was found and peak memory.
// Target: under 60 s for 1,000,000 posts on a 2-core machine, memory flat.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { searchWholeForum } from '../src/domain/forumSearch';
import { parseForumMapping } from '../src/forum/postgres/mapping';
import { createPostgresForum } from '../src/forum/postgres/postgresForum';
import { createReferenceSchema } from '../src/forum/postgres/referenceSchema';
import { createSearchIndexes } from '../src/forum/postgres/searchIndex';
import { openPostgres } from '../src/store/database';
import { rowsOf } from '../src/forum/postgres/rows';

const posts = Number(process.env.BENCH_POSTS ?? 1_000_000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const requester = { emails: ['zoe.quillard@example.net'], names: ['Zoé Quillard'], phones: ['+33 6 71 22 33 44'], usernames: ['zq_reads'], addresses: [] };
const planted = [
  'Ask Zoé Quillard, zoe.quillard@example.net, she has the first edition.',
  'QUILLARD Zoé lent me her copy, thanks!',
  'For the swap, ring 06 71 22 33 44 after six.',
  'My handle is zq_reads on the other site.',
];

const sentences = [
  'I finally finished the second volume and the ending surprised me.',
  'Does anyone know whether the paperback edition has the same translation?',
  'Le chapitre sept est beaucoup plus lent que le reste du livre.',
  'We meet every second Thursday at the library, newcomers are welcome.',
  'The author signed copies at the fair last spring, the queue was long.',
  'Je cherche une édition ancienne de ce roman, de préférence reliée.',
  'Spoiler warning for anyone who has not reached part three yet.',
  'The audiobook narrator does a great job with the accents.',
  'Quelqu’un a-t-il lu la suite ? On m’a dit qu’elle était meilleure.',
  'Shipping took two weeks but the book arrived in perfect condition.',
  'I disagree with the review above, the pacing works for this genre.',
  'Notre club a choisi ce livre pour le mois prochain.',
  'Version 2.4.1 of the reading app fixed the crash on long chapters.',
  'Order #48213377 arrived yesterday, invoice INV-2024-0031 attached.',
  'The ISBN on my copy is 978-2-07-036822-8, printed in 1998.',
  'Prices went up to 24.90 euros, which is a lot for a paperback.',
];

async function main() {
  const name = `erasure_scan_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString());
  try {
    await createReferenceSchema(database.db);
    let started = Date.now();
    const list = sql.raw(`ARRAY[${sentences.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]`);
    // Five to nine sentences a post, picked by the post number so that every run builds the same forum.
    await database.db.execute(sql`
      INSERT INTO forum.posts (author, body_raw, body_html, created_at, updated_at)
      SELECT 'member' || (i % 20000),
             array_to_string(ARRAY(SELECT (${list})[1 + ((i::bigint * 7919 + k * 104729) % ${sentences.length})::int] FROM generate_series(1, 5 + i % 5) AS k), ' '),
             '', now() - (i || ' minutes')::interval, now()
      FROM generate_series(1, ${posts}) AS i`);
    await database.db.execute(sql`
      INSERT INTO forum.post_revisions (post_id, before_text, after_text, created_at)
      SELECT id, body_raw || ' (typo)', body_raw, now() FROM forum.posts WHERE id % 20 = 0`);
    const step = Math.floor(posts / 40);
    for (let i = 0; i < 40; i += 1) {
      await database.db.execute(sql`UPDATE forum.posts SET body_raw = body_raw || ' ' || ${planted[i % planted.length]} WHERE id = ${1 + i * step}`);
    }
    await database.db.execute(sql`ANALYZE forum.posts`);
    await database.db.execute(sql`ANALYZE forum.post_revisions`);
    const [size] = rowsOf(await database.db.execute(sql`SELECT pg_size_pretty(pg_total_relation_size('forum.posts')) AS size, (SELECT avg(length(body_raw))::int FROM forum.posts) AS avg`));
    console.log(`forum: ${posts.toLocaleString('en')} posts (${size?.size}, ${size?.avg} characters on average), built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const forum = createPostgresForum(database.db, parseForumMapping(undefined));
    const search = async (label: string) => {
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
      const before = process.memoryUsage().rss;
      const t0 = Date.now();
      let found = 0;
      let scanned = 0;
      for await (const _hit of searchWholeForum(forum, requester as never, new Set(), async (s) => void (scanned = s))) found += 1;
      const seconds = (Date.now() - t0) / 1000;
      clearInterval(sampler);
      console.log(
        `${label.padEnd(18)} ${seconds.toFixed(1).padStart(6)} s   ${Math.round(scanned / seconds).toLocaleString('en').padStart(9)} posts/s   found ${found} of 40 planted   rss ${mb(before)} -> peak ${mb(peak)} MB`,
      );
    };
    await search('without index');
    started = Date.now();
    await createSearchIndexes(database.db, parseForumMapping(undefined));
    console.log(`trigram indexes built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await search('with pg_trgm index');
    console.log('target: under 60 s for 1,000,000 posts, memory flat');
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

void main();
