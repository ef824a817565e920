// The strict Content-Security-Policy in a real browser: the requester's pages and the console load their styles and
// scripts with no violation reported, and markup slipped into a page can neither style itself nor run a handler.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';
import { makeAccount } from '../support/consoleSession';
import { startWorld, type World } from '../support/world';
import { reviewedRequest } from '../console/reviewedRequests';
import { openFromQueue, signInThroughPage } from './browserSteps';

jest.setTimeout(90_000);

let world: World;
let browser: Browser;

beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await world?.close();
});

// Code run inside the page is given as text: the test's TypeScript has no DOM types.
/** Every violation the page reports, as the browser's console says it. */
function watchViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test('the contact form loads its stylesheet under the policy, with no violation', async () => {
  const page = await openPage(browser);
  const violations = watchViolations(page);
  await page.goto(`${world.baseUrl}/`);
  // 44rem, from /assets/pages.css: the stylesheet was loaded and applied.
  expect(await page.evaluate<string>('getComputedStyle(document.body).maxWidth')).toBe('704px');
  expect(violations).toEqual([]);
  await page.context().close();
});

test('markup put into a page can neither style itself inline nor run an inline handler', async () => {
  const page = await openPage(browser);
  const violations = watchViolations(page);
  await page.goto(`${world.baseUrl}/`);
  const outcome = await page.evaluate<{ color: string; background: string; ran: string | null }>(`(async () => {
    const box = document.createElement('div');
    box.innerHTML = '<p id="styled" style="color: rgb(1, 2, 3)">x</p><img id="handler" src="/no-such-image" onerror="document.body.dataset.ran = 1">';
    document.body.append(box);
    const style = document.createElement('style');
    style.textContent = 'body { background-color: rgb(4, 5, 6) !important; }';
    document.head.append(style);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return {
      color: getComputedStyle(document.getElementById('styled')).color,
      background: getComputedStyle(document.body).backgroundColor,
      ran: document.body.dataset.ran ?? null,
    };
  })()`);
  expect(outcome.color).not.toBe('rgb(1, 2, 3)');
  expect(outcome.background).not.toBe('rgb(4, 5, 6)');
  expect(outcome.ran).toBeNull();
  // The browser says why: the policy refused each of them.
  expect(violations.length).toBeGreaterThanOrEqual(3);
  await page.context().close();
});

test("a moderator's request page loads console.css and console.js under the policy, with no violation", async () => {
  const { id } = await reviewedRequest(world, ['Write to csp.person@example.org about the sale.'], { email: 'csp.person@example.org', name: 'Csp Person' });
  const page = await openPage(browser);
  const violations = watchViolations(page);
  await signInThroughPage(page, world, await makeAccount(world, 'moderator'));
  await openFromQueue(page, world, id);
  const loaded = await page.evaluate<{ scripts: string[]; sheets: (string | null)[] }>(
    '({ scripts: [...document.scripts].map((s) => s.src), sheets: [...document.styleSheets].map((s) => s.href) })',
  );
  expect(loaded.sheets.some((href) => href?.endsWith('/console/assets/console.css'))).toBe(true);
  expect(loaded.scripts.some((src) => src.endsWith('/console/assets/console.js'))).toBe(true);
  expect(violations).toEqual([]);
  await page.context().close();
});
