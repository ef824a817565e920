// The contact form as a requester meets it, without JavaScript: what happens next and the promised delay, errors
// summarised at the top with links to their fields and shown beside each field, both languages, and the
// confirmation page with the request number.
import request from 'supertest';
import { startWorld, type World } from '../support/world';
import { getRequest } from '../../src/store/requestRecords';

let world: World;
let postId: string;

beforeAll(async () => {
  world = await startWorld({ REVIEW_DEADLINE_DAYS: '21', VERIFY_LINK_HOURS: '24', INTAKE_RATE_LIMIT: '3' });
  postId = await world.addPost('Ask Camille Ferrand about the garden plots.');
});
afterAll(async () => {
  await world?.close();
});

/** The error summary's box: its heading and each link with its text. */
function errorSummary(html: string): { heading: string; links: { href: string; text: string }[] } | null {
  const box = /<div class="error-summary" role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(html);
  if (!box?.[1]) return null;
  const heading = /<h2[^>]*>([\s\S]*?)<\/h2>/.exec(box[1])?.[1]?.trim() ?? '';
  const links = [...box[1].matchAll(/<a href="([^"]*)">([\s\S]*?)<\/a>/g)].map((m) => ({ href: m[1] ?? '', text: (m[2] ?? '').trim() }));
  return { heading, links };
}

/** The opening tag of the element with this id. */
const tagWithId = (html: string, id: string) => new RegExp(`<(?:input|textarea|select)[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0] ?? '';

/** Intake allows 3 requests an hour per address: each form here comes from an address of its own unless told. */
let lastAddress = 0;
const sendForm = (fields: Record<string, string>, lang = 'en', from = `198.51.100.${++lastAddress}`) =>
  request(world.server).post(`/?lang=${lang}`).set('X-Forwarded-For', from).type('form').send({ lang, ...fields });

test('the form says what happens next, with the link validity and the review delay from the settings', async () => {
  const res = await request(world.server).get('/?lang=en');
  expect(res.status).toBe(200);
  expect(res.text).toContain('What happens next');
  expect(res.text).toContain('Open it within 24 hours');
  expect(res.text).toContain('within 21 days of your confirmation');
  expect(res.text).not.toContain('class="error-summary"');
});

test('a form with errors summarises them at the top, each linking to its field, and shows each beside its field', async () => {
  const res = await sendForm({ email: 'not-an-email', phones: 'call me maybe', posts: '', scope: 'all', relationship: 'author' });
  expect(res.status).toBe(400);
  expect(res.headers['content-type']).toMatch(/text\/html/);
  expect(res.text).toMatch(/<title>Error: /);
  const summary = errorSummary(res.text);
  expect(summary?.heading).toBe('There is a problem');
  // In the order of the form, each pointing at an element that exists.
  expect(summary?.links.map((l) => l.href)).toEqual(['#email', '#phones', '#posts', '#consent']);
  for (const link of summary?.links ?? []) {
    expect(tagWithId(res.text, link.href.slice(1))).not.toBe('');
    const beside = new RegExp(`<p class="error" id="${link.href.slice(1)}-error">([^<]*)</p>`).exec(res.text);
    expect(beside?.[1]).toBe(link.text);
  }
  expect(summary?.links[0]?.text).toBe('Enter your email address, such as name@example.org.');
  expect(tagWithId(res.text, 'email')).toContain('aria-invalid="true"');
  expect(tagWithId(res.text, 'email')).toContain('aria-describedby="email-hint email-error"');
  expect(tagWithId(res.text, 'consent')).toContain('aria-describedby="consent-error"');
  // What was typed comes back, so nothing has to be typed twice.
  expect(tagWithId(res.text, 'email')).toContain('value="not-an-email"');
  expect(res.text).toContain('>call me maybe</textarea>');
});

test('the summary is focusable and announced, so a keyboard or screen reader user lands on it', async () => {
  const res = await sendForm({ email: '', posts: '', scope: 'all', relationship: 'author' });
  expect(res.text).toMatch(/<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>/);
  expect(res.text).toContain('id="error-summary-title"');
});

test('a post that is not on the forum is named in its error', async () => {
  const res = await sendForm({ email: 'someone@example.org', posts: `${postId}\nhttps://elsewhere.example/t/42`, scope: 'all', relationship: 'author', consent: 'yes' });
  expect(res.status).toBe(400);
  expect(errorSummary(res.text)?.links).toEqual([
    { href: '#posts', text: '“https://elsewhere.example/t/42” is not a post on this forum: copy the post&#39;s link from your browser&#39;s address bar.' },
  ]);
});

test('the French form is in French, errors and summary included', async () => {
  const page = await request(world.server).get('/').set('Accept-Language', 'fr-FR,fr;q=0.9');
  expect(page.text).toContain('<html lang="fr">');
  expect(page.text).toContain('Ce qui se passe ensuite');
  expect(page.text).toContain('sous 21 jours après votre confirmation');
  const res = await sendForm({ email: 'pas-une-adresse', posts: '', scope: 'all', relationship: 'author' }, 'fr');
  expect(res.status).toBe(400);
  expect(res.text).toContain('<html lang="fr">');
  expect(res.text).toMatch(/<title>Erreur : /);
  const summary = errorSummary(res.text);
  expect(summary?.heading).toBe('Il y a un problème');
  expect(summary?.links.map((l) => l.text)).toEqual([
    'Saisissez votre adresse e-mail, par exemple nom@exemple.fr.',
    'Indiquez entre 1 et 50 liens vers des messages de ce forum, un par ligne.',
    'Cochez la case : nous avons besoin de votre accord pour traiter la demande.',
  ]);
});

test("a guardian's request is marked as a child's, and the fingerprint consent is stored as ticked", async () => {
  const link = world.config.FORUM_POST_URL.replace('{id}', postId);
  const ticked = await sendForm({ email: 'guardian@example.org', posts: link, scope: 'all', relationship: 'guardian', keepRemovedHashes: 'yes', consent: 'yes' });
  const plain = await sendForm({ email: 'author@example.org', posts: link, scope: 'all', relationship: 'author', consent: 'yes' });
  const idOf = (text: string) => /data-request-id>([0-9a-f-]{36})</.exec(text)?.[1] as string;
  expect([ticked.status, plain.status]).toEqual([202, 202]);
  expect(await getRequest(world.database.db, idOf(ticked.text))).toMatchObject({ childUnder13: true, keepRemovedHashes: true });
  expect(await getRequest(world.database.db, idOf(plain.text))).toMatchObject({ childUnder13: false, keepRemovedHashes: false });
});

test('what the requester typed is escaped when the form comes back', async () => {
  const res = await sendForm({ email: '"><script>alert(1)</script>', details: '</textarea><img src=x onerror=alert(2)>', posts: '', scope: 'all', relationship: 'author' });
  expect(res.status).toBe(400);
  expect(res.text).not.toContain('<script>alert(1)</script>');
  expect(res.text).not.toContain('<img src=x');
  expect(res.text).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  expect(res.text).toContain('&lt;/textarea&gt;&lt;img src=x onerror=alert(2)&gt;</textarea>');
});

test('every field has a label, the choices are labelled, and the page has a language, a main region and a viewport', async () => {
  const res = await request(world.server).get('/?lang=en');
  const ids = [...res.text.matchAll(/<(?:input|textarea|select)\b(?![^>]*type="hidden")[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
  expect(ids).toEqual(expect.arrayContaining(['email', 'name', 'phones', 'usernames', 'addresses', 'posts', 'scope-all', 'scope-quoted', 'quotes', 'relationship', 'details', 'searchForum', 'keepRemovedHashes', 'consent']));
  for (const id of ids) expect(res.text).toMatch(new RegExp(`<label for="${id}">[^<]*\\S`));
  const controls = [...res.text.matchAll(/<(?:input|textarea|select)\b(?![^>]*type="hidden")[^>]*>/g)];
  expect(controls).toHaveLength(ids.length);
  expect(res.text).toMatch(/<fieldset[^>]*>\s*<legend>What should we remove\?<\/legend>/);
  expect(res.text).toContain('<html lang="en">');
  expect(res.text).toContain('<main id="main">');
  expect(res.text).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  expect(res.text).not.toMatch(/<script\b/);
});

test('the confirmation page gives the request number and says what happens next', async () => {
  const res = await sendForm({ email: 'number.please@example.org', posts: world.config.FORUM_POST_URL.replace('{id}', postId), scope: 'all', relationship: 'subject', consent: 'yes' });
  expect(res.status).toBe(202);
  const id = /<strong class="reference" data-request-id>([0-9a-f-]{36})<\/strong>/.exec(res.text)?.[1];
  expect(id).toBeDefined();
  expect((await getRequest(world.database.db, id as string))?.state).toBe('received');
  expect(res.text).toContain('Your request number:');
  expect(res.text).toContain('the link expires in 24 hours');
  expect(res.text).toContain('within 21 days of your confirmation');
  const mail = await world.waitForMail('number.please@example.org', /./, [`/verify/${id}`]);
  expect(mail.text).toContain(`/status/${id}`);
});

test('the French confirmation page is in French', async () => {
  const res = await sendForm({ email: 'numero@example.org', posts: postId, scope: 'all', relationship: 'author', consent: 'yes' }, 'fr');
  expect(res.status).toBe(202);
  expect(res.text).toContain('<html lang="fr">');
  expect(res.text).toContain('Numéro de votre demande :');
  expect(res.text).toContain('le lien expire dans 24 heures');
});

test('too many forms from one connection get the form back with a 429 that says when to try again', async () => {
  for (let i = 0; i < 3; i++) expect((await sendForm({ email: '', posts: '' }, 'fr', '203.0.113.50')).status).toBe(400);
  const limited = await sendForm({ email: 'limited@example.org', posts: postId, scope: 'all', relationship: 'author', consent: 'yes' }, 'fr', '203.0.113.50');
  expect(limited.status).toBe(429);
  expect(limited.headers['content-type']).toMatch(/text\/html/);
  expect(errorSummary(limited.text)?.heading).toBe('Il y a un problème');
  expect(limited.text).toContain('Trop de demandes sont venues de votre connexion depuis une heure : réessayez dans une heure.');
});

test('too many requests for one email address get the form back with a 429 that says to try tomorrow', async () => {
  const form = { email: 'eager@example.org', posts: postId, scope: 'all', relationship: 'author', consent: 'yes' };
  for (let i = 0; i < 3; i++) expect((await sendForm(form)).status).toBe(202);
  const limited = await sendForm(form);
  expect(limited.status).toBe(429);
  expect(limited.text).toContain('This email address has sent too many requests today: please try again tomorrow.');
  expect(limited.text).toContain('value="eager@example.org"');
});
