// Adding a finding the detector missed, from the console's request page: by its position (what the page's script
// fills in from a selection) or by its exact text (every occurrence in the post). Stored like a detected finding,
// approved, audited without its text, and redacted when the request is approved.
import { and, eq } from 'drizzle-orm';
import request from 'supertest';
import { sha256 } from '../../src/domain/postRewrite';
import { readAudit, verifyAuditChain } from '../../src/store/auditTrail';
import { findings } from '../../src/store/schema';
import { signInAs, type SignedIn } from '../support/consoleSession';
import { startWorld, type World } from '../support/world';
import { forumBody, formOf, reviewedRequest, reviewOf } from './reviewedRequests';

let world: World;
let moderator: SignedIn;

beforeAll(async () => {
  world = await startWorld();
  moderator = await signInAs(world, 'moderator');
});
afterAll(async () => {
  await world?.close();
});

const addFinding = (id: string, fields: Record<string, string>) =>
  moderator.agent.post(`/console/requests/${id}/findings`).type('form').send(formOf({ _csrf: moderator.csrf, location: 'body', start: '', end: '', text: '', owner: 'requester', ...fields }));
const findingsOfPost = (requestId: string, postId: string) =>
  world.database.db.select().from(findings).where(and(eq(findings.requestId, requestId), eq(findings.postId, postId)));

test('a finding added by its position and one added by its text are stored approved, audited, and redacted on approval', async () => {
  const body = 'The blue house at the corner is mine, the red bike too. Mail marie.dupont@example.fr about the red bike.';
  const { id, postIds } = await reviewedRequest(world, [body]);
  const postId = postIds[0] as string;
  const detected = await findingsOfPost(id, postId);
  expect(detected.map((f) => f.type)).toEqual(['email']);

  const start = body.indexOf('The blue house at the corner');
  const end = start + 'The blue house at the corner'.length;
  const byPosition = await addFinding(id, { postId, start: String(start), end: String(end), text: 'The blue house at the corner', type: 'address' });
  expect(byPosition.status).toBe(303);
  expect(byPosition.headers.location).toBe(`/console/requests/${id}?done=finding#post-${postId}`);
  const byText = await addFinding(id, { postId, text: 'red bike', type: 'other', owner: 'requester' });
  expect(byText.status).toBe(303);

  const rows = await findingsOfPost(id, postId);
  const added = rows.filter((f) => f.type !== 'email').sort((a, b) => a.start - b.start);
  expect(added.map((f) => [f.location, f.start, f.end, f.type, f.owner, f.score, f.approved])).toEqual([
    ['body', start, end, 'address', 'requester', 1, true],
    ['body', body.indexOf('red bike'), body.indexOf('red bike') + 8, 'passage', 'requester', 1, true],
    ['body', body.lastIndexOf('red bike'), body.lastIndexOf('red bike') + 8, 'passage', 'requester', 1, true],
  ]);
  expect(added.map((f) => f.textHash)).toEqual([sha256('The blue house at the corner'), sha256('red bike'), sha256('red bike')]);

  const trail = await readAudit(world.database.db, id);
  const entries = trail.filter((e) => e.action === 'finding_added');
  expect(entries).toHaveLength(2);
  expect(entries[0]?.actor).toBe(`moderator:${moderator.accountId}`);
  expect(entries.map((e) => e.data)).toEqual([
    expect.objectContaining({ postId, type: 'address', owner: 'requester', by: 'position', findings: [added[0]?.id], skipped: 0 }),
    expect.objectContaining({ postId, type: 'passage', owner: 'requester', by: 'text', findings: expect.arrayContaining([added[1]?.id, added[2]?.id]), skipped: 0 }),
  ]);
  // The trail says what was added, never the text.
  expect(JSON.stringify(entries)).not.toMatch(/blue house|red bike/);
  expect(await verifyAuditChain(world.database.db, id)).toBeNull();

  const page = await moderator.agent.get(`/console/requests/${id}`).expect(200);
  expect(page.text).toContain(`<mark class="requester" data-findings="${added[0]?.id}" id="mark-${added[0]?.id}" data-label="postal address, the requester’s">The blue house at the corner</mark>`);
  expect(page.text).toContain('Audit trail');
  expect(page.text).toContain('<td>finding added by a moderator</td>');

  // The moderation API reads the same review, the added findings among the rest.
  expect((await reviewOf(world, id)).posts[0]?.findings.filter((f) => f.approved === true)).toHaveLength(3);

  const all = rows.map((f) => f.id);
  await moderator.agent.post(`/console/requests/${id}/approve`).type('form').send(formOf({ _csrf: moderator.csrf, intent: 'approve', findings: all })).expect(303);
  await world.waitForState(id, 'completed');
  expect(await forumBody(world, postId)).toBe('[address removed] is mine, the [passage removed] too. Mail [email removed] about the [passage removed].');
});

test('a finding that is not inside the text, empty, overlapping or not found is refused with 400 beside its field', async () => {
  const body = 'Write to marie.dupont@example.fr or find me at the library.';
  const { id, postIds } = await reviewedRequest(world, [body]);
  const postId = postIds[0] as string;
  const before = await findingsOfPost(id, postId);

  const beyond = await addFinding(id, { postId, start: '40', end: String(body.length + 5), type: 'address' });
  expect(beyond.status).toBe(400);
  expect(beyond.text).toContain('<p class="error" id="add-0-end-error">must be at most the length of the text');
  expect(beyond.text).toContain('href="#add-0-end"');
  expect(beyond.text).toContain('<details class="add-finding" open>');

  const backwards = await addFinding(id, { postId, start: '10', end: '10', type: 'address' });
  expect(backwards.status).toBe(400);
  expect(backwards.text).toContain('id="add-0-end-error">must be after the start');

  const blank = await addFinding(id, { postId, start: String(body.indexOf(' or ')), end: String(body.indexOf(' or ') + 1), type: 'other' });
  expect(blank.status).toBe(400);
  expect(blank.text).toContain('id="add-0-start-error">the span holds only spaces');

  const overlapping = await addFinding(id, { postId, start: '0', end: String(body.indexOf('@')), type: 'person' });
  expect(overlapping.status).toBe(400);
  expect(overlapping.text).toContain('overlaps a finding already marked');

  const missing = await addFinding(id, { postId, text: 'the swimming pool', type: 'address' });
  expect(missing.status).toBe(400);
  expect(missing.text).toContain('id="add-0-text-error">does not occur in this post');

  const noType = await addFinding(id, { postId, text: 'the library' });
  expect(noType.status).toBe(400);
  expect(noType.text).toContain('id="add-0-type-error">');

  const wrongText = await addFinding(id, { postId, start: '0', end: '5', text: 'Hello', type: 'other' });
  expect(wrongText.status).toBe(400);
  expect(wrongText.text).toContain('is not the text at this position');

  const otherPost = await addFinding(id, { postId: '999999', text: 'library', type: 'other' });
  expect(otherPost.status).toBe(400);

  const notNumber = await addFinding(id, { postId, start: 'abc', end: '5', type: 'other' });
  expect(notNumber.status).toBe(400);

  expect(await findingsOfPost(id, postId)).toEqual(before);
  expect((await readAudit(world.database.db, id)).some((e) => e.action === 'finding_added')).toBe(false);
});

test('a request no longer awaiting review takes no new finding: 409, and the form is gone from its page', async () => {
  const body = 'Write to marie.dupont@example.fr or find me at the library.';
  const { id, postIds } = await reviewedRequest(world, [body]);
  await moderator.agent.post(`/console/requests/${id}/ask`).type('form').send(formOf({ _csrf: moderator.csrf, question: 'Is the library yours too?' })).expect(303);
  const late = await addFinding(id, { postId: postIds[0] as string, text: 'the library', type: 'address' });
  expect(late.status).toBe(409);
  expect(late.text).toContain('takes no new findings');
  expect(late.text).not.toContain('class="add-finding"');
});

test('without a session no finding can be added', async () => {
  const { id, postIds } = await reviewedRequest(world, ['Write to marie.dupont@example.fr or find me at the library.']);
  await request(world.server).post(`/console/requests/${id}/findings`).type('form').send(formOf({ postId: postIds[0] as string, text: 'library', type: 'other', owner: 'other' })).expect(401);
  expect(await findingsOfPost(id, postIds[0] as string)).toHaveLength(1);
});
