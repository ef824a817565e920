// The console's request page, through HTTP against the real servers: what a moderator reads (findings marked by
// whose they are, the requester's details, search progress, the audit trail, everything escaped) and what the
// forms do (approve the ticked findings, preview, refuse with a reason, ask), each behind a session and CSRF.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { refusalReasons } from '../../src/domain/refusalReasons';
import { translate } from '../../src/mail/i18n';
import { readAudit } from '../../src/store/auditTrail';
import { getRequest } from '../../src/store/requestRecords';
import { audit } from '../../src/store/schema';
import { signInAs, type SignedIn } from '../support/consoleSession';
import { startWorld, type World } from '../support/world';
import { escaped, forumBody, formOf, marie, reviewedRequest, reviewOf } from './reviewedRequests';

let world: World;
let moderator: SignedIn;

beforeAll(async () => {
  world = await startWorld();
  moderator = await signInAs(world, 'moderator');
});
afterAll(async () => {
  await world?.close();
});

// Her email is hers; her brother's name and phone number are someone else's information.
const mixedPost = 'Selling my bike: write to marie.dupont@example.fr. If I am away, call my brother Paul Martin on 07 98 76 54 32.';
const stateOf = async (id: string) => (await getRequest(world.database.db, id))?.state;

describe('reading a request', () => {
  test("every finding is marked, the requester's own apart from someone else's, with its kind in words and a legend", async () => {
    const { id } = await reviewedRequest(world, [mixedPost]);
    const findings = (await reviewOf(world, id)).posts[0]?.findings ?? [];
    expect(findings.map((f) => f.owner).sort()).toEqual(['other', 'other', 'requester']);
    const page = await moderator.agent.get(`/console/requests/${id}`).expect(200);
    for (const f of findings) {
      const cls = f.owner === 'requester' ? 'requester' : 'other';
      expect(page.text).toMatch(new RegExp(`<mark class="${cls}" data-findings="${f.id}"[^>]* data-label="${translate('en', `kinds.${f.type}`)}, [^"]+">${escaped(f.text ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</mark>`));
      expect(page.text).toContain(`id="f-${f.id}" name="findings" value="${f.id}" form="approve" checked`);
    }
    expect(page.text).toContain('<mark class="requester">example</mark> the requester’s own information');
    expect(page.text).toContain('<mark class="other">example</mark> someone else’s information');
    expect(page.text).toContain('<mark class="off">example</mark> switched off');
    // The preview with every finding ticked: the redaction's own placeholders.
    expect(page.text).toContain('Selling my bike: write to [email removed]. If I am away, call my brother [name removed] on [phone removed].');
  });

  test("the requester's details, the relationship and the audit trail are on the page", async () => {
    const { id } = await reviewedRequest(world, ['Reach me at marie.dupont@example.fr'], marie, { details: 'I moved house last year.' });
    const page = await moderator.agent.get(`/console/requests/${id}`).expect(200);
    expect(page.text).toContain('<dd>marie.dupont@example.fr</dd>');
    expect(page.text).toContain('<dd>Marie Dupont</dd>');
    expect(page.text).toContain('<dd>+33 6 12 34 56 78</dd>');
    expect(page.text).toContain('I moved house last year.');
    expect(page.text).toContain(escaped(translate('en', 'pages.form.relationships.author')));
    expect(page.text).toContain('data-audit-chain="intact"');
    expect(page.text).toContain('Chain intact: each of the 3 entries');
    for (const action of ['sent by the requester', 'email confirmed', 'posts searched']) expect(page.text).toContain(`<td>${action}</td>`);
  });

  test('a whole-forum search shows how many posts it scanned', async () => {
    await world.addPost('Also from Héloïse Carrard: heloise.carrard@example.org');
    const who = { email: 'heloise.carrard@example.org', name: 'Héloïse Carrard' };
    const { id } = await reviewedRequest(world, ['Héloïse Carrard here, heloise.carrard@example.org'], who, { searchForum: true });
    const row = await getRequest(world.database.db, id);
    expect(row?.searchTotal).toBeGreaterThan(1);
    const page = await moderator.agent.get(`/console/requests/${id}`).expect(200);
    expect(page.text).toContain(`<p data-search-progress>${row?.searchScanned} of ${row?.searchTotal} posts scanned</p>`);
    expect(page.text).toContain('the whole-forum search');
  });

  test('what the requester and the forum wrote is escaped, never run', async () => {
    const who = { email: 'xss.tester@example.org', name: 'Zed <img src=x onerror=alert(2)>' };
    const { id } = await reviewedRequest(world, ['Look <script>alert(1)</script> and write to xss.tester@example.org'], who, { details: '<b onmouseover="alert(3)">hi</b>' });
    const page = await moderator.agent.get(`/console/requests/${id}`).expect(200);
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).toContain('Zed &lt;img src=x onerror=alert(2)&gt;');
    expect(page.text).not.toMatch(/<img/i);
    expect(page.text).not.toContain('<b onmouseover');
    // The only script is the console's own file.
    expect(page.text.match(/<script\b[^>]*>/g)).toEqual(['<script src="/console/assets/console.js" defer>']);
  });

  test('a post edited since review shows no marks, and says so', async () => {
    const { id, postIds } = await reviewedRequest(world, ['Reach me at marie.dupont@example.fr']);
    await world.database.db.execute(sql`UPDATE forum.posts SET body_raw = 'Reach me at marie.dupont@example.fr, or at the club' WHERE id = ${postIds[0]}`);
    const page = await moderator.agent.get(`/console/requests/${id}`).expect(200);
    expect(page.text).toContain('data-changed-since-review');
    expect(page.text).toContain('Reach me at marie.dupont@example.fr, or at the club');
    expect(page.text).not.toMatch(/<mark class="(requester|other|off)" data-findings/);
    expect(page.text).not.toContain('class="add-finding"');
  });

  test('an audit trail whose chain is broken says at which entry', async () => {
    const { id } = await reviewedRequest(world, ['Reach me at marie.dupont@example.fr']);
    const entries = await readAudit(world.database.db, id);
    // The table refuses UPDATE and DELETE; a forged entry appended at the end is what tampering can still do.
    await world.database.db.insert(audit).values({ id: randomUUID(), stream: id, seq: entries.length + 1, at: new Date(), actor: 'moderator:forged', action: 'approve', data: {}, prevHash: '0'.repeat(64), hash: 'f'.repeat(64) });
    const page = await moderator.agent.get(`/console/requests/${id}`).expect(200);
    expect(page.text).toContain('data-audit-chain="broken"');
    expect(page.text).toContain(`The chain breaks at entry ${entries.length + 1}: does not link to the previous entry.`);
    expect(page.text).toContain(`<tr data-audit-seq="${entries.length + 1}" class="broken">`);
  });

  test('the page reads in French too', async () => {
    const { id } = await reviewedRequest(world, [mixedPost]);
    const page = await moderator.agent.get(`/console/requests/${id}?lang=fr`).expect(200);
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain('Journal d’audit');
  });

  test('an unknown or malformed id answers 404 with a page', async () => {
    const unknown = await moderator.agent.get('/console/requests/00000000-0000-4000-8000-000000000000').expect(404);
    expect(unknown.type).toBe('text/html');
    expect(unknown.text).toContain('There is no such request');
    await moderator.agent.get('/console/requests/not-a-request').expect(404);
    await moderator.agent.post('/console/requests/not-a-request/refuse').type('form').send(formOf({ _csrf: moderator.csrf, reason: 'duplicate' })).expect(404);
  });
});

describe('approving through the form', () => {
  test('with one finding switched off, exactly the ticked ones are removed', async () => {
    const body = 'Mail marie.dupont@example.fr, or phone 06 12 34 56 78 after six.';
    const { id, postIds } = await reviewedRequest(world, [body]);
    const findings = (await reviewOf(world, id)).posts[0]?.findings ?? [];
    expect(findings.map((f) => f.owner)).toEqual(['requester', 'requester']);
    const email = findings.find((f) => f.type === 'email');
    const phone = findings.find((f) => f.type === 'phone');
    if (!email || !phone) throw new Error('the detector missed the email or the phone');

    // Nothing ticked is refused beside the findings, and nothing changes.
    const none = await moderator.agent.post(`/console/requests/${id}/approve`).type('form').send(formOf({ _csrf: moderator.csrf, intent: 'approve' }));
    expect(none.status).toBe(400);
    expect(none.text).toContain('class="error-summary"');
    expect(none.text).toContain('approve at least one finding, or refuse');
    expect(await stateOf(id)).toBe('awaiting_review');

    // The preview, without JavaScript: the phone stays, its mark switched off.
    const preview = await moderator.agent.post(`/console/requests/${id}/approve`).type('form').send(formOf({ _csrf: moderator.csrf, intent: 'preview', findings: [email.id] }));
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('Mail [email removed], or phone 06 12 34 56 78 after six.');
    expect(preview.text).toContain(`<mark class="off" data-findings="${phone.id}"`);
    expect(preview.text).toMatch(new RegExp(`id="f-${phone.id}" name="findings" value="${phone.id}" form="approve" data-post`));
    expect(await stateOf(id)).toBe('awaiting_review');

    const approved = await moderator.agent.post(`/console/requests/${id}/approve`).type('form').send(formOf({ _csrf: moderator.csrf, intent: 'approve', findings: [email.id] }));
    expect(approved.status).toBe(303);
    expect(approved.headers.location).toBe(`/console/requests/${id}?done=approve`);
    await world.waitForState(id, 'completed');
    expect(await forumBody(world, postIds[0] as string)).toBe('Mail [email removed], or phone 06 12 34 56 78 after six.');
    const after = await moderator.agent.get(String(approved.headers.location)).expect(200);
    expect(after.text).toContain('Your approval is recorded.');
  });

  test("someone else's information waits for a second, different moderator, who confirms on the page", async () => {
    const { id, postIds } = await reviewedRequest(world, [mixedPost]);
    const findings = (await reviewOf(world, id)).posts[0]?.findings ?? [];
    const first = await signInAs(world, 'moderator');
    await first.agent.post(`/console/requests/${id}/approve`).type('form').send(formOf({ _csrf: first.csrf, intent: 'approve', findings: findings.map((f) => f.id) })).expect(303);
    expect(await stateOf(id)).toBe('awaiting_second_approval');

    const firstView = await first.agent.get(`/console/requests/${id}`).expect(200);
    expect(firstView.text).toContain('data-four-eyes-wait');
    expect(firstView.text).not.toContain('id="approve"');
    const again = await first.agent.post(`/console/requests/${id}/approve`).type('form').send(formOf({ _csrf: first.csrf, intent: 'approve', findings: findings.map((f) => f.id) }));
    expect(again.status).toBe(409);
    expect(again.text).toContain('a different moderator must give the second one');

    const second = await signInAs(world, 'moderator');
    const secondView = await second.agent.get(`/console/requests/${id}`).expect(200);
    expect(secondView.text).toMatch(/<p data-first-approver>First approved by moderator [^<]+ on /);
    expect(secondView.text).toContain('id="approve"');
    // The set is fixed: ticked and disabled, and sent as it was approved.
    for (const f of findings) expect(secondView.text).toContain(`<input type="hidden" name="findings" value="${f.id}" form="approve">`);
    await second.agent.post(`/console/requests/${id}/approve`).type('form').send(formOf({ _csrf: second.csrf, intent: 'approve', findings: findings.map((f) => f.id) })).expect(303);
    await world.waitForState(id, 'completed');
    expect(await forumBody(world, postIds[0] as string)).toBe('Selling my bike: write to [email removed]. If I am away, call my brother [name removed] on [phone removed].');
  });
});

describe('refusing and asking', () => {
  test('the refuse form shows what the requester will read for each reason, and a refusal is recorded with its reason', async () => {
    const { id } = await reviewedRequest(world, ['Marie Dupont organised the meetup, great job everyone.']);
    const page = await moderator.agent.get(`/console/requests/${id}`).expect(200);
    for (const reason of refusalReasons) {
      expect(page.text).toContain(`data-reason-message="${reason}">${escaped(translate('en', `reasons.${reason}`))}</p>`);
      expect(page.text).toContain(`<label for="reason-${reason}" class="inline">${escaped(translate('en', `reasonLabels.${reason}`))}</label>`);
    }

    const noMessage = await moderator.agent.post(`/console/requests/${id}/refuse`).type('form').send(formOf({ _csrf: moderator.csrf, reason: 'other', message: '  ' }));
    expect(noMessage.status).toBe(400);
    expect(noMessage.text).toContain('<p class="error" id="refuse-message-error">');
    expect(noMessage.text).toContain('id="reason-other" name="reason" value="other" aria-describedby="reason-other-message" checked');
    expect(await stateOf(id)).toBe('awaiting_review');

    const refused = await moderator.agent.post(`/console/requests/${id}/refuse`).type('form').send(formOf({ _csrf: moderator.csrf, reason: 'legal_hold', message: 'Kept until the dispute ends.' }));
    expect(refused.status).toBe(303);
    const row = await getRequest(world.database.db, id);
    expect(row).toMatchObject({ state: 'refused', refusalReason: 'legal_hold', refusalMessage: 'Kept until the dispute ends.' });
    const after = await moderator.agent.get(`/console/requests/${id}`).expect(200);
    expect(after.text).toContain('data-refusal="legal_hold"');
    expect(after.text).not.toContain('id="refuse"');
  });

  test('asking a question sends the request to needs_info; a question too short is refused beside the box', async () => {
    const { id } = await reviewedRequest(world, ['Reach me at marie.dupont@example.fr']);
    const short = await moderator.agent.post(`/console/requests/${id}/ask`).type('form').send(formOf({ _csrf: moderator.csrf, question: 'Why' }));
    expect(short.status).toBe(400);
    expect(short.text).toContain('<p class="error" id="ask-question-error">');
    expect(await stateOf(id)).toBe('awaiting_review');
    await moderator.agent.post(`/console/requests/${id}/ask`).type('form').send(formOf({ _csrf: moderator.csrf, question: 'Which of these posts did you write?' })).expect(303);
    expect(await getRequest(world.database.db, id)).toMatchObject({ state: 'needs_info', question: 'Which of these posts did you write?' });
    await world.waitForMail(marie.email, /./, ['Which of these posts did you write?']);
  });
});

describe('guards', () => {
  test('a form without the CSRF token is refused with 403 and changes nothing', async () => {
    const { id } = await reviewedRequest(world, ['Reach me at marie.dupont@example.fr']);
    const findings = (await reviewOf(world, id)).posts[0]?.findings ?? [];
    await moderator.agent.post(`/console/requests/${id}/approve`).type('form').send(formOf({ intent: 'approve', findings: findings.map((f) => f.id) })).expect(403);
    await moderator.agent.post(`/console/requests/${id}/refuse`).type('form').send(formOf({ reason: 'duplicate', _csrf: 'x'.repeat(43) })).expect(403);
    await moderator.agent.post(`/console/requests/${id}/ask`).type('form').send(formOf({ question: 'Is this really you?' })).expect(403);
    await moderator.agent.post(`/console/requests/${id}/findings`).type('form').send(formOf({ postId: 'x', text: 'Reach', type: 'other', owner: 'other' })).expect(403);
    expect(await getRequest(world.database.db, id)).toMatchObject({ state: 'awaiting_review', refusalReason: null, question: null });
  });

  test('without a session the page and its forms answer 401', async () => {
    const { id } = await reviewedRequest(world, ['Reach me at marie.dupont@example.fr']);
    const page = await request(world.server).get(`/console/requests/${id}`).set('Accept', 'text/html').expect(401);
    expect(page.text).toContain(`/console/sign-in?next=${encodeURIComponent(`/console/requests/${id}`)}`);
    await request(world.server).post(`/console/requests/${id}/refuse`).type('form').send(formOf({ reason: 'duplicate' })).expect(401);
    expect(await stateOf(id)).toBe('awaiting_review');
  });
});
