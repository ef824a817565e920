// A post's title is the post's too: the requester's name and email in it are located as field:title, shown to
// the moderator labelled "Title" with the findings marked, rewritten with the body, and verified after the write.
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { rowsOf } from '../../src/forum/postgres/rows';
import { signInAs, type SignedIn } from '../support/consoleSession';
import { startWorld, type World } from '../support/world';
import { escaped, formOf } from '../console/reviewedRequests';

let world: World;
let moderator: SignedIn;

beforeAll(async () => {
  world = await startWorld();
  moderator = await signInAs(world, 'moderator');
});
afterAll(async () => {
  await world?.close();
});

const requester = { email: 'marie.dupont@example.fr', name: 'Marie Dupont' };
const bearer = () => ({ Authorization: `Bearer ${world.moderatorToken}` });

interface Finding {
  id: string;
  location: string;
  start: number;
  end: number;
  type: string;
  text: string | null;
}

/** A topic's first post, with its title in the reference schema's title column. */
async function addTitledPost(title: string, body: string): Promise<string> {
  const id = await world.addPost(body);
  await world.database.db.execute(sql`UPDATE forum.posts SET title = ${title} WHERE id = ${id}`);
  return id;
}

async function postRow(id: string) {
  const [row] = rowsOf(await world.database.db.execute(sql`SELECT title, body_raw, body_html FROM forum.posts WHERE id = ${id}`)) as {
    title: string;
    body_raw: string;
    body_html: string;
  }[];
  if (!row) throw new Error(`post ${id} is gone`);
  return row;
}

async function submitAndVerify(postId: string): Promise<string> {
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email: requester.email, name: requester.name, identifiers: { phones: [], usernames: [] }, posts: [postId], scope: 'all', relationship: 'author', consent: true });
  expect(res.status).toBe(202);
  await world.verifyFromEmail(requester.email, res.body.id);
  return res.body.id as string;
}

async function findingsOf(id: string): Promise<Finding[]> {
  const review = await request(world.server).get(`/api/v1/moderation/requests/${id}`).set(bearer()).expect(200);
  return review.body.posts[0].findings;
}

test('the name and email in a title are located there, shown under "Title", and removed from title and body on approval', async () => {
  const title = 'Vélo à vendre — Marie Dupont, marie.dupont@example.fr';
  const postId = await addTitledPost(title, 'Bon état. Écrivez à marie.dupont@example.fr, Marie Dupont.');
  const id = await submitAndVerify(postId);

  const found = await findingsOf(id);
  const inTitle = found.filter((f) => f.location === 'field:title');
  expect(inTitle.map((f) => [f.type, f.text]).sort()).toEqual([
    ['email', 'marie.dupont@example.fr'],
    ['person', 'Marie Dupont'],
  ]);
  expect(found.filter((f) => f.location === 'body').map((f) => f.type).sort()).toEqual(['email', 'person']);

  const page = await moderator.agent.get(`/console/requests/${id}`).expect(200);
  expect(page.text).toContain('<h4 data-location-title="field:title">Title</h4>');
  const titleText = new RegExp(`data-location="field:title"[^>]*>([\\s\\S]*?)</div>`).exec(page.text)?.[1] ?? '';
  for (const f of inTitle) expect(titleText).toMatch(new RegExp(`<mark class="requester" data-findings="${f.id}"[^>]*>${escaped(f.text ?? '').replace(/\./g, '\\.')}</mark>`));
  // The preview is the title as the redaction will write it.
  expect(page.text).toContain('data-preview-location="field:title">Vélo à vendre — [name removed], [email removed]</div>');
  // A moderator may place a finding of their own in the title.
  expect(page.text).toContain('<option value="field:title">Title</option>');

  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(bearer()).send({}).expect(202);
  await world.waitForState(id, 'completed');

  const after = await postRow(postId);
  expect(after.title).toBe('Vélo à vendre — [name removed], [email removed]');
  expect(after.body_raw).toBe('Bon état. Écrivez à [email removed], [name removed].');
  for (const text of Object.values(after)) {
    expect(text).not.toContain('marie.dupont@example.fr');
    expect(text).not.toContain('Marie Dupont');
  }
});

test('the French console labels the title in French', async () => {
  const postId = await addTitledPost('Contact : marie.dupont@example.fr', 'Voir le titre.');
  const id = await submitAndVerify(postId);

  const page = await moderator.agent.get(`/console/requests/${id}?lang=fr`).expect(200);

  expect(page.text).toContain('<h4 data-location-title="field:title">Titre</h4>');
});

test('a moderator adds a finding by its position in the title, and it is removed from the title only there', async () => {
  const title = 'Rendez-vous devant la maison bleue du coin';
  const postId = await addTitledPost(title, 'Je vends des livres, samedi.');
  const id = await submitAndVerify(postId);
  expect(await findingsOf(id)).toEqual([]);

  const start = title.indexOf('la maison bleue du coin');
  const end = title.length;
  const added = await moderator.agent
    .post(`/console/requests/${id}/findings`)
    .type('form')
    .send(formOf({ _csrf: moderator.csrf, postId, location: 'field:title', start: String(start), end: String(end), text: 'la maison bleue du coin', type: 'address', owner: 'requester' }));
  expect(added.status).toBe(303);
  expect((await findingsOf(id)).map((f) => [f.location, f.start, f.end, f.text])).toEqual([['field:title', start, end, 'la maison bleue du coin']]);

  const misplaced = await moderator.agent
    .post(`/console/requests/${id}/findings`)
    .type('form')
    .send(formOf({ _csrf: moderator.csrf, postId, location: 'field:excerpt', start: '0', end: '4', text: '', type: 'address', owner: 'requester' }));
  expect(misplaced.status).toBe(400);
  expect(misplaced.text).toContain('is not a text of this post');

  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(bearer()).send({}).expect(202);
  await world.waitForState(id, 'completed');
  expect(await postRow(postId)).toMatchObject({ title: 'Rendez-vous devant [address removed]', body_raw: 'Je vends des livres, samedi.' });
});

test('a title that says nothing about anyone is shown, and stays as it was', async () => {
  const postId = await addTitledPost('Livres à donner', 'Écrivez à marie.dupont@example.fr.');
  const id = await submitAndVerify(postId);
  const page = await moderator.agent.get(`/console/requests/${id}`).expect(200);
  expect(page.text).toContain('data-location="field:title" data-form="add-0">Livres à donner</div>');

  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(bearer()).send({}).expect(202);
  await world.waitForState(id, 'completed');

  expect(await postRow(postId)).toMatchObject({ title: 'Livres à donner', body_raw: 'Écrivez à [email removed].' });
});

test('the whole-forum search finds a post whose title alone names the requester', async () => {
  const who = { email: 'heloise.carrard@example.org', name: 'Héloïse Carrard' };
  const named = await world.addPost('Héloïse Carrard ici : heloise.carrard@example.org');
  const titled = await addTitledPost('Les romans d’Héloïse Carrard à donner', 'Tout est dans le titre.');
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email: who.email, name: who.name, identifiers: { phones: [], usernames: [] }, posts: [named], scope: 'all', relationship: 'author', consent: true, searchForum: true });
  expect(res.status).toBe(202);
  await world.verifyFromEmail(who.email, res.body.id);

  const review = await request(world.server).get(`/api/v1/moderation/requests/${res.body.id}`).set(bearer()).expect(200);
  const found = review.body.posts.find((p: { id: string }) => p.id === titled);
  expect(found).toMatchObject({ source: 'search', post: { fields: { title: 'Les romans d’Héloïse Carrard à donner' } } });
  expect(found.findings.map((f: Finding) => [f.location, f.type, f.text])).toEqual([['field:title', 'person', 'Héloïse Carrard']]);
});
