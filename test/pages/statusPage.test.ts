// The status page a requester reaches by the signed link in our emails: where the request stands, in words, its
// deadline and what has happened (decisions and reasons, never who decided), the question and its answer box,
// withdrawal with a confirmation, and clear pages for links that are expired, forged or meant for another request.
import request from 'supertest';
import { startWorld, type World } from '../support/world';
import { readAudit } from '../../src/store/auditTrail';
import { getRequest } from '../../src/store/requestRecords';
import { translate } from '../../src/mail/i18n';
import { formatDate } from '../../src/http/pages';
import { createApiToken } from '../../src/store/apiTokens';
import { randomIds } from '../../src/domain/clockAndIds';

let world: World;
let postId: string;

// Post addresses come from this setting: a page must escape what it holds, like any other text.
const postUrlTemplate = 'http://127.0.0.1/demo/posts/{id}?from="mail"&x=<b>';

beforeAll(async () => {
  world = await startWorld({ FORUM_POST_URL: postUrlTemplate });
  postId = await world.addPost('Call Noémie Vasseur on 06 12 34 56 78 about the choir.');
});
afterAll(async () => {
  await world?.close();
});

const moderator = () => ({ Authorization: `Bearer ${world.moderatorToken}` });

async function submit(email: string, lang: 'en' | 'fr' = 'en') {
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email, name: 'Noémie Vasseur', posts: [postId], scope: 'all', relationship: 'subject', consent: true, lang });
  expect(res.status).toBe(202);
  const { id, statusUrl } = res.body as { id: string; statusUrl: string };
  const url = new URL(statusUrl);
  return { id, statusPath: `${url.pathname}${url.search}`, token: url.searchParams.get('t') as string };
}

async function inReview(email: string, lang: 'en' | 'fr' = 'en') {
  const created = await submit(email, lang);
  await world.verifyFromEmail(email, created.id);
  return created;
}

/** The status page's path for one of its forms: /status/:id/<action>?t=… */
const actionPath = (statusPath: string, action: string) => statusPath.replace('?', `/${action}?`);

/** Text as the page writes it: eta escapes & < > " and '. */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The text of the history list, entry by entry. */
function timeline(html: string): string[] {
  const list = /<ol class="timeline">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<li data-event="([^"]+)">([\s\S]*?)<\/li>/g)].map((m) => `${m[1]}: ${(m[2] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()}`);
}

test('the page says where the request stands in words, when the moderators answer by, and what has happened', async () => {
  const { id, statusPath } = await inReview('standing@example.org');
  const res = await request(world.server).get(statusPath);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/text\/html/);
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.text).toContain('<span class="state" data-state="awaiting_review">waiting for a moderator</span>');
  const row = await getRequest(world.database.db, id);
  expect(res.text).toContain(`The moderators answer by ${formatDate('en', row?.dueAt as Date)}.`);
  expect(res.text).toContain(`<span class="reference">${id}</span>`);
  const today = formatDate('en', world.clock.now());
  expect(timeline(res.text)).toEqual([
    `received: ${today} We received your request.`,
    `verified: ${today} You confirmed your email address.`,
    `located: ${today} We searched the posts; the request is waiting for a moderator.`,
  ]);
});

test('the page is in the request language, and in another one on asking', async () => {
  const { statusPath } = await inReview('en.francais@example.org', 'fr');
  const french = await request(world.server).get(statusPath);
  expect(french.text).toContain('<html lang="fr">');
  expect(french.text).toContain('en attente d’un modérateur');
  expect(french.text).toContain('Nous avons reçu votre demande.');
  const english = await request(world.server).get(`${statusPath}&lang=en`);
  expect(english.text).toContain('<html lang="en">');
  expect(english.text).toContain('waiting for a moderator');
  // The forms keep the chosen language, so the page after them is in it too.
  expect(english.text).toMatch(/<form method="post" action="\/status\/[^"]+\/withdraw\?t=[^"]+&amp;lang=en"/);
});

test('after a refusal the history gives the reason, the moderators\' message and what to do, but no moderator', async () => {
  const { id, statusPath } = await inReview('refused.here@example.org');
  const message = 'This thread is evidence in a dispute <img src=x onerror=alert(1)> until March & after.';
  await request(world.server).post(`/api/v1/moderation/requests/${id}/refuse`).set(moderator()).send({ reason: 'legal_hold', message }).expect(200);
  const res = await request(world.server).get(statusPath);
  expect(res.text).toContain('data-state="refused">refused</span>');
  const refusal = timeline(res.text).find((entry) => entry.startsWith('refused:'));
  expect(refusal).toContain('The moderators refused the request.');
  expect(refusal).toContain(escaped(translate('en', 'reasons.legal_hold')));
  expect(refusal).toContain('This thread is evidence in a dispute &lt;img src=x onerror=alert(1)&gt; until March &amp; after.');
  expect(refusal).toContain(escaped(translate('en', 'nextSteps.legal_hold')));
  expect(res.text).not.toContain('<img src=x');
  // A closed request has no deadline left and cannot be withdrawn.
  expect(res.text).not.toContain('The moderators answer by');
  expect(res.text).not.toContain('action="/status/');
  // Who decided stays with the moderators: no actor, no token id, no audit entry id or hash.
  const trail = await readAudit(world.database.db, id);
  const moderatorActor = trail.find((e) => e.action === 'refuse')?.actor as string;
  expect(moderatorActor).toMatch(/^moderator:/);
  for (const secret of [moderatorActor, moderatorActor.replace('moderator:', ''), 'test moderator', ...trail.map((e) => e.id), ...trail.map((e) => e.hash)]) {
    expect(res.text).not.toContain(secret);
  }
  const api = await request(world.server).get(`/api/v1/requests/${id}?t=${new URL(`http://x${statusPath}`).searchParams.get('t')}`);
  expect(api.body.timeline.map((e: { event: string }) => e.event)).toEqual(['received', 'verified', 'located', 'refused']);
  expect(JSON.stringify(api.body)).not.toContain(moderatorActor.replace('moderator:', ''));
});

test('with four eyes, the history shows both approvals and the removal, and neither moderator', async () => {
  // The requester's email is hers; her brother's name and number are someone else's: two moderators must approve.
  const mixed = await world.addPost('Selling my bike: write to noemie.v@example.fr. If I am away, call my brother Paul Martin on 07 98 76 54 32.');
  const res = await request(world.server)
    .post('/api/v1/requests')
    .send({ email: 'noemie.v@example.fr', name: 'Noémie Vasseur', posts: [mixed], scope: 'all', relationship: 'author', consent: true });
  const { id, statusUrl } = res.body as { id: string; statusUrl: string };
  const statusPath = `${new URL(statusUrl).pathname}${new URL(statusUrl).search}`;
  await world.verifyFromEmail('noemie.v@example.fr', id);
  const { token } = await createApiToken({ db: world.database.db, clock: world.clock, ids: randomIds }, { name: 'second moderator', role: 'moderator' });
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set(moderator()).send({}).expect(200);
  const waiting = await request(world.server).get(statusPath);
  expect(waiting.text).toContain('data-state="awaiting_second_approval"');
  expect(timeline(waiting.text).at(-1)).toMatch(/^first_approval: .* A moderator approved the removal; a second moderator is checking it\.$/);
  await request(world.server).post(`/api/v1/moderation/requests/${id}/approve`).set({ Authorization: `Bearer ${token}` }).send({}).expect(202);
  await world.waitForState(id, 'completed');
  const done = await request(world.server).get(statusPath);
  expect(timeline(done.text).map((e) => e.split(':')[0])).toEqual(['received', 'verified', 'located', 'first_approval', 'approved', 'completed']);
  const actors = (await readAudit(world.database.db, id)).map((e) => e.actor).filter((a) => a.startsWith('moderator:'));
  expect(new Set(actors).size).toBe(2);
  for (const actor of actors) {
    expect(done.text).not.toContain(actor.replace('moderator:', ''));
  }
});

test('a question is shown escaped with a box to answer it; an empty answer is refused beside the box', async () => {
  const { id, statusPath } = await inReview('questioned@example.org');
  const question = 'Which address is yours: <script>alert("a")</script> or the other one?';
  await request(world.server).post(`/api/v1/moderation/requests/${id}/ask`).set(moderator()).send({ question }).expect(200);
  const page = await request(world.server).get(statusPath);
  expect(page.text).toContain('data-state="needs_info"');
  expect(page.text).toContain('<blockquote class="question">Which address is yours: &lt;script&gt;alert(&quot;a&quot;)&lt;/script&gt; or the other one?</blockquote>');
  expect(page.text).not.toContain('<script>');
  expect(page.text).toMatch(/<label for="answer">Your answer<\/label>/);

  const empty = await request(world.server).post(actionPath(statusPath, 'answer')).type('form').send({ answer: '   ' });
  expect(empty.status).toBe(400);
  expect(empty.text).toContain('<a href="#answer">Write your answer, in at most 5,000 characters.</a>');
  expect(empty.text).toContain('<p class="error" id="answer-error">Write your answer, in at most 5,000 characters.</p>');
  expect((await getRequest(world.database.db, id))?.state).toBe('needs_info');

  const answered = await request(world.server).post(actionPath(statusPath, 'answer')).type('form').send({ answer: 'The first one.' });
  expect(answered.status).toBe(303);
  expect(answered.headers.location).toBe(statusPath);
  const after = await request(world.server).get(statusPath);
  expect(after.text).toContain('data-state="awaiting_review"');
  expect(timeline(after.text).map((e) => e.split(':')[0])).toEqual(['received', 'verified', 'located', 'asked', 'answered']);
  // Once answered, the question stays readable in the history, still escaped.
  expect(timeline(after.text).find((e) => e.startsWith('asked:'))).toContain('&lt;script&gt;alert(&quot;a&quot;)&lt;/script&gt;');
  expect(after.text).not.toContain('<script>');
});

test('withdrawing asks for a confirmation first, then withdraws', async () => {
  const { id, statusPath } = await inReview('withdrawing@example.org');
  const page = await request(world.server).get(statusPath);
  expect(page.text).toMatch(/<input type="checkbox" id="withdraw-confirm" name="confirm" value="yes" required\s*>/);
  expect(page.text).toContain('<label for="withdraw-confirm">I understand that withdrawing the request cannot be undone.</label>');

  const unconfirmed = await request(world.server).post(actionPath(statusPath, 'withdraw')).type('form').send({});
  expect(unconfirmed.status).toBe(400);
  expect(unconfirmed.text).toContain('<a href="#withdraw-confirm">Tick the box to confirm that you want to withdraw the request.</a>');
  expect(unconfirmed.text).toMatch(/id="withdraw-confirm"[^>]*aria-invalid="true" aria-describedby="withdraw-confirm-error"/);
  expect((await getRequest(world.database.db, id))?.state).toBe('awaiting_review');

  const confirmed = await request(world.server).post(actionPath(statusPath, 'withdraw')).type('form').send({ confirm: 'yes' });
  expect(confirmed.status).toBe(303);
  expect(confirmed.headers.location).toBe(statusPath);
  expect((await getRequest(world.database.db, id))?.state).toBe('withdrawn');
  const after = await request(world.server).get(statusPath);
  expect(after.text).toContain('data-state="withdrawn">withdrawn</span>');
  expect(timeline(after.text).at(-1)).toMatch(/^withdrawn: .* You withdrew the request\.$/);
  expect(after.text).not.toContain('id="withdraw-confirm"');
  await world.waitForMail('withdrawing@example.org', /withdr|retir|annul/i);

  // Sent again (a second tab, a double click): the page says the request has moved on.
  const again = await request(world.server).post(actionPath(statusPath, 'withdraw')).type('form').send({ confirm: 'yes' });
  expect(again.status).toBe(409);
  expect(again.text).toContain('the request has moved on since the page was opened');
  expect(again.text).toContain('data-state="withdrawn"');
});

test('the posts are listed as links, their addresses escaped', async () => {
  const { statusPath } = await submit('links@example.org');
  const res = await request(world.server).get(statusPath);
  const url = `http://127.0.0.1/demo/posts/${postId}?from=&quot;mail&quot;&amp;x=&lt;b&gt;`;
  expect(res.text).toContain(`<a href="${url}">${url}</a>`);
  expect(res.text).not.toContain('<b>');
  // Not confirmed yet: the review period has not started, so the page names no deadline.
  expect(res.text).toContain('data-state="received"');
  expect(res.text).not.toContain('The moderators answer by');
});

test('a forged link gets a 403 page that says what to do, in the browser\'s language', async () => {
  const { id } = await submit('forged@example.org');
  const res = await request(world.server).get(`/status/${id}?t=9999999999.forged`).set('Accept-Language', 'fr');
  expect(res.status).toBe(403);
  expect(res.headers['content-type']).toMatch(/text\/html/);
  expect(res.text).toContain('<html lang="fr">');
  expect(res.text).toContain('Ce lien ne fonctionne pas');
  expect(res.text).toContain('<a href="/?lang=fr">Aller au formulaire de contact</a>');
  expect(res.text).not.toContain(id);
  const english = await request(world.server).get(`/status/${id}?t=`).set('Accept-Language', 'en');
  expect(english.status).toBe(403);
  expect(english.text).toContain('This link does not work');
  expect(english.text).toContain('use the link in the most recent email we sent you');
});

test('an expired link gets a 410 page that says to use the latest email or ask again', async () => {
  const { statusPath } = await submit('late.reader@example.org');
  world.clock.advance(181 * 24 * 3600_000);
  try {
    const res = await request(world.server).get(statusPath);
    expect(res.status).toBe(410);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('This link has expired');
    expect(res.text).toContain('Use the link in the most recent email we sent you about this request, or send the request again from the contact form.');
    const withdraw = await request(world.server).post(actionPath(statusPath, 'withdraw')).type('form').send({ confirm: 'yes' });
    expect(withdraw.status).toBe(410);
    expect(withdraw.text).toContain('This link has expired');
  } finally {
    world.clock.advance(-181 * 24 * 3600_000);
  }
});

test('a link signed for one request opens nothing of another, and changes nothing', async () => {
  const a = await inReview('first.one@example.org');
  const b = await inReview('second.one@example.org');
  const crossed = `/status/${b.id}?t=${encodeURIComponent(a.token)}`;
  for (const res of [
    await request(world.server).get(crossed),
    await request(world.server).post(actionPath(crossed, 'withdraw')).type('form').send({ confirm: 'yes' }),
    await request(world.server).post(actionPath(crossed, 'answer')).type('form').send({ answer: 'hello' }),
  ]) {
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    for (const leak of [a.id, b.id, 'first.one', 'second.one', 'Noémie', 'data-state']) expect(res.text).not.toContain(leak);
  }
  expect((await getRequest(world.database.db, b.id))?.state).toBe('awaiting_review');
});

test('an address that is not a request gets a 404 page; the JSON API keeps answering problem+json', async () => {
  const page = await request(world.server).get('/status/not-a-request?t=1.x');
  expect(page.status).toBe(404);
  expect(page.headers['content-type']).toMatch(/text\/html/);
  expect(page.text).toContain('We cannot find this request');
  const { id } = await submit('api.reader@example.org');
  const api = await request(world.server).get(`/api/v1/requests/${id}?t=9999999999.forged`);
  expect(api.status).toBe(403);
  expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(api.body.code).toBe('link_invalid');
});

test('a verification link that does not hold gets a page too', async () => {
  const { id } = await submit('verify.forged@example.org');
  const res = await request(world.server).get(`/verify/${id}?t=9999999999.forged`);
  expect(res.status).toBe(403);
  expect(res.text).toContain('This link does not work');
  const malformed = await request(world.server).get('/verify/nope');
  expect(malformed.status).toBe(404);
  expect(malformed.headers['content-type']).toMatch(/text\/html/);
});
