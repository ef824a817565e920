// What the requester and a moderator do in a real browser, step by step: fill the contact form, follow the links
// of the emails, sign in to the console and open a request from the queue. Each actor has a page of their own
// context (their own cookies); mail is read from the test's SMTP server, as a requester would read it.
import type { Page } from 'playwright-core';
import { translate } from '../../src/mail/i18n';
import { linkPath, type World } from '../support/world';

export interface BrowserRequester {
  email: string;
  name: string;
  phone: string;
}

/** The address the forum gives a post, which a requester copies from the address bar. */
export const postAddress = (world: World, postId: string) => world.config.FORUM_POST_URL.replace('{id}', postId);

/** Opens the contact form, fills it as the requester would and sends it; returns the number the page shows. */
export async function sendContactForm(page: Page, world: World, who: BrowserRequester, postIds: string[]): Promise<string> {
  await page.goto(`${world.baseUrl}/`);
  await page.locator('#email').fill(who.email);
  await page.locator('#name').fill(who.name);
  await page.locator('#phones').fill(who.phone);
  await page.locator('#posts').fill(postIds.map((id) => postAddress(world, id)).join('\n'));
  await page.locator('#consent').check();
  await page.getByRole('button', { name: translate('en', 'pages.form.submit') }).click();
  const number = page.locator('[data-request-id]');
  await number.waitFor();
  return (await number.textContent())?.trim() ?? '';
}

/** Opens the verification link of the email in the requester's browser, and waits until the posts were searched. */
export async function confirmFromEmail(page: Page, world: World, email: string, requestId: string): Promise<void> {
  const mail = await world.waitForMail(email, /./, [`/verify/${requestId}`]);
  const response = await page.goto(world.baseUrl + linkPath(mail.text ?? '', `/verify/${requestId}`));
  if (response?.status() !== 200) throw new Error(`the verification link answered ${response?.status()}`);
  await world.waitForState(requestId, 'awaiting_review');
}

/** The status page's address, from the email that says the request is with the moderators. */
export async function statusAddress(world: World, email: string, requestId: string): Promise<string> {
  const mail = await world.waitForMail(email, /confirmed/i, [`/status/${requestId}`]);
  return world.baseUrl + linkPath(mail.text ?? '', `/status/${requestId}`);
}

/** Signs in through the console's sign-in page, and lands on the queue. */
export async function signInThroughPage(page: Page, world: World, account: { email: string; password: string }): Promise<void> {
  await page.goto(`${world.baseUrl}/console/sign-in`);
  await page.locator('#email').fill(account.email);
  await page.locator('#password').fill(account.password);
  await page.getByRole('button', { name: translate('en', 'console.signIn.submit') }).click();
  await page.waitForURL(`${world.baseUrl}/console`);
}

/** From the queue, clicks the request's link and waits for its page. */
export async function openFromQueue(page: Page, world: World, requestId: string): Promise<void> {
  await page.goto(`${world.baseUrl}/console`);
  await page.locator(`tr[data-request="${requestId}"] a`).click();
  await page.waitForURL(`${world.baseUrl}/console/requests/${requestId}`);
}

/** The state the status page shows, as its data attribute says it. */
export const shownState = (page: Page) => page.locator('.state[data-state]').getAttribute('data-state');
