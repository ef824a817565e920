// The whole journey in a real browser, against the real servers: a requester sends the contact form and opens the
// link of the email; a moderator signs in, opens the request from the queue and approves it with one finding
// switched off, or refuses it with a reason; the requester's status page, the email and the forum's post say so.
import type { Browser, Page } from 'playwright-core';
import { translate } from '../../src/mail/i18n';
import { launchBrowser, openPage } from '../support/browser';
import { makeAccount } from '../support/consoleSession';
import { startWorld, type World } from '../support/world';
import { forumBody } from '../console/reviewedRequests';
import { type BrowserRequester, confirmFromEmail, openFromQueue, sendContactForm, shownState, signInThroughPage, statusAddress } from './browserSteps';

jest.setTimeout(90_000);

let world: World;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld(), launchBrowser()]);
});
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.context().close()));
});
afterAll(async () => {
  await browser?.close();
  await world?.close();
});

/** A page in a context of its own: one per actor, so that the requester never holds the moderator's cookie. */
async function actor(): Promise<Page> {
  const page = await openPage(browser);
  pages.push(page);
  return page;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A request sent and confirmed in the requester's browser, waiting for review, with its status page open. */
async function confirmedRequest(who: BrowserRequester, body: string) {
  const postId = await world.addPost(body);
  const requester = await actor();
  const id = await sendContactForm(requester, world, who, [postId]);
  expect(id).toMatch(uuid);
  await confirmFromEmail(requester, world, who.email, id);
  await requester.goto(await statusAddress(world, who.email, id));
  expect(await shownState(requester)).toBe('awaiting_review');
  const moderator = await actor();
  await signInThroughPage(moderator, world, await makeAccount(world, 'moderator'));
  await openFromQueue(moderator, world, id);
  return { id, postId, requester, moderator };
}

test('a moderator switches one finding off and approves: the others leave the post, and the status page says done', async () => {
  // Everything the post holds is the requester's own, so one moderator's approval is enough (no four eyes).
  const who = { email: 'camille.rousseau@example.org', name: 'Camille Rousseau', phone: '06 11 22 33 44' };
  const { id, postId, requester, moderator } = await confirmedRequest(
    who,
    'Camille Rousseau here: the flat is still free. Write to camille.rousseau@example.org or call 06 11 22 33 44 after six.',
  );

  const findings = [];
  for (const box of await moderator.locator('input[type=checkbox][name=findings]').all()) {
    findings.push({ type: await box.getAttribute('data-type'), owner: await box.getAttribute('data-owner'), text: (await box.getAttribute('data-text')) ?? '', checked: await box.isChecked() });
  }
  expect(findings.map((f) => f.type).sort()).toEqual(expect.arrayContaining(['email', 'person', 'phone']));
  expect(findings.every((f) => f.owner === 'requester' && f.checked && f.text)).toBe(true);

  // Switch the phone number off: its mark says so and the preview keeps it, at once (console.js).
  const phone = moderator.locator('input[type=checkbox][name=findings][data-type=phone]');
  const kept = (await phone.getAttribute('data-text')) ?? '';
  const mark = moderator.locator(`.post-text mark[data-findings~="${await phone.getAttribute('value')}"]`);
  expect(await mark.getAttribute('class')).toBe('requester');
  await phone.click();
  expect(await phone.isChecked()).toBe(false);
  await moderator.locator('.preview', { hasText: kept }).waitFor();
  expect(await mark.getAttribute('class')).toBe('off');
  expect(await moderator.locator('#approve-status').textContent()).toBe(translate('en', 'console.request.decide.chosenCount', { chosen: findings.length - 1, all: findings.length }));

  await moderator.getByRole('button', { name: translate('en', 'console.request.decide.approve') }).click();
  await moderator.waitForURL(`${world.baseUrl}/console/requests/${id}?done=approve`);
  await world.waitForState(id, 'completed');

  await requester.reload();
  expect(await shownState(requester)).toBe('completed');
  expect(await requester.locator('.state').textContent()).toBe(translate('en', 'pages.states.completed'));

  const after = await forumBody(world, postId);
  expect(after).toContain(kept);
  for (const f of findings.filter((f) => f.type !== 'phone')) expect(after).not.toContain(f.text);
});

test('a moderator refuses with a reason from the list: the status page and the email give that reason in words', async () => {
  const who = { email: 'basile.girard@example.org', name: 'Basile Girard', phone: '06 55 44 33 22' };
  const body = 'Basile Girard led the cleanup on Saturday, thanks to everyone who came.';
  const { id, postId, requester, moderator } = await confirmedRequest(who, body);

  // Under the reason, the page shows what the requester will read.
  const because = translate('en', 'reasons.no_personal_info');
  const shown = moderator.locator('[data-reason-message="no_personal_info"]');
  expect(await shown.isVisible()).toBe(true);
  expect(await shown.textContent()).toBe(because);
  await moderator.getByLabel(translate('en', 'reasonLabels.no_personal_info'), { exact: true }).check();
  await moderator.getByRole('button', { name: translate('en', 'console.request.decide.refuse') }).click();
  await moderator.waitForURL(`${world.baseUrl}/console/requests/${id}?done=refuse`);
  await world.waitForState(id, 'refused');

  await requester.reload();
  expect(await shownState(requester)).toBe('refused');
  expect(await requester.locator('.timeline .reason').textContent()).toBe(because);

  const mail = await world.waitForMail(who.email, /could not remove/i, [because]);
  expect(mail.text).toContain(translate('en', 'nextSteps.no_personal_info'));
  expect(await forumBody(world, postId)).toBe(body);
});
