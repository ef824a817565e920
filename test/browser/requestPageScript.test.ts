// Script on the pages, in a real browser: what the forum's authors and the requester wrote is shown as text and
// never runs; and the request page's own script (console.js) turns a word selected with the mouse into a finding.
import type { Browser, Page } from 'playwright-core';
import { translate } from '../../src/mail/i18n';
import { launchBrowser, openPage } from '../support/browser';
import { makeAccount } from '../support/consoleSession';
import { startWorld, type World } from '../support/world';
import { reviewedRequest, reviewOf } from '../console/reviewedRequests';
import { openFromQueue, signInThroughPage, statusAddress } from './browserSteps';

jest.setTimeout(90_000);

let world: World;
let browser: Browser;
let moderator: Page;

beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld(), launchBrowser()]);
  moderator = await openPage(browser);
  await signInThroughPage(moderator, world, await makeAccount(world, 'moderator'));
});
afterAll(async () => {
  await browser?.close();
  await world?.close();
});

/** What the injected code would set; read in the page, whose global object is its window. */
const pwned = (page: Page) => page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned);

/**
 * Everything on a page that would show injected markup: a dialog, a blocked inline script (the pages' CSP forbids
 * them, so the console reports it), or the injected image being fetched.
 */
function watchForInjection(page: Page) {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/x')) seen.push(`request: ${request.url()}`);
  });
  return seen;
}

describe('what the forum and the requester wrote', () => {
  const post = 'Ask zoe.lambert@example.org <script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">';
  const name = 'Zoé <img src=x onerror="window.__pwned=3">';
  let id: string;

  beforeAll(async () => {
    ({ id } = await reviewedRequest(world, [post], { email: 'zoe.lambert@example.org', name }));
  });

  test('is shown as text on the console request page, and runs nothing', async () => {
    const seen = watchForInjection(moderator);
    await openFromQueue(moderator, world, id);
    expect(await pwned(moderator)).toBeUndefined();
    expect(await moderator.locator('.post-text[data-location]').first().textContent()).toContain('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">');
    expect(await moderator.locator('#requester-title + dl').textContent()).toContain(name);
    expect(await moderator.locator('main img, main script').count()).toBe(0);
    expect(await moderator.locator('script').evaluateAll((all) => all.map((s) => s.getAttribute('src')))).toEqual(['/console/assets/console.js']);
    expect(seen).toEqual([]);
  });

  test("is shown as text on the requester's status page, and runs nothing", async () => {
    const requester = await openPage(browser);
    try {
      const seen = watchForInjection(requester);
      await requester.goto(await statusAddress(world, 'zoe.lambert@example.org', id));
      await requester.locator('.state[data-state]').waitFor();
      expect(await pwned(requester)).toBeUndefined();
      expect(await requester.locator('img, script').count()).toBe(0);
      expect(seen).toEqual([]);
    } finally {
      await requester.context().close();
    }
  });
});

test('a word selected with the mouse in a post becomes a finding, marked once the page reloads', async () => {
  const body = 'I am the night watchman at the harbour, write to marie.dupont@example.fr if you need me.';
  const { id, postIds } = await reviewedRequest(world, [body]);
  const postId = postIds[0] as string;
  await openFromQueue(moderator, world, id);
  const text = moderator.locator(`.post-text[data-post="${postId}"][data-location="body"]`);
  expect(await text.locator('mark', { hasText: 'watchman' }).count()).toBe(0);

  // Drag across the word, from just inside its first letter to just inside its last, as a moderator would.
  await text.scrollIntoViewIfNeeded();
  // Runs in the page. The project compiles without the DOM's types: the page's document is reached from the element.
  const word = await text.evaluate((element, wanted): { left: number; right: number; y: number } => {
    const page = element.ownerDocument;
    const walker = page.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at: number = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = page.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const { left, right, top, bottom } = range.getBoundingClientRect();
      return { left, right, y: (top + bottom) / 2 };
    }
    throw new Error(`no "${wanted}" in the post's text`);
  }, 'watchman');
  await moderator.mouse.move(word.left + 1, word.y);
  await moderator.mouse.down();
  await moderator.mouse.move(word.right - 1, word.y, { steps: 5 });
  await moderator.mouse.up();

  // console.js filled the post's form from the selection and opened it.
  const form = moderator.locator(`form[data-post="${postId}"]`);
  await form.locator('input[name=text]').waitFor();
  expect(await form.locator('input[name=text]').inputValue()).toBe('watchman');
  expect(await form.locator('input[name=start]').inputValue()).toBe(String(body.indexOf('watchman')));
  expect(await form.locator('input[name=end]').inputValue()).toBe(String(body.indexOf('watchman') + 'watchman'.length));
  expect(await form.locator('[role=status]').textContent()).toBe(translate('en', 'console.request.add.selected', { text: 'watchman' }));

  await form.locator('select[name=type]').selectOption('other');
  await form.getByRole('button', { name: translate('en', 'console.request.add.submit') }).click();
  await moderator.waitForURL(`${world.baseUrl}/console/requests/${id}?done=finding#post-${postId}`);

  const mark = text.locator('mark[data-findings]', { hasText: 'watchman' });
  expect(await mark.textContent()).toBe('watchman');
  expect(await mark.getAttribute('class')).toBe('requester');
  const added = (await reviewOf(world, id)).posts[0]?.findings.find((f) => f.start === body.indexOf('watchman'));
  // 'other' is stored as a passage: the redaction has no placeholder for 'other'.
  expect(added).toMatchObject({ type: 'passage', owner: 'requester', approved: true, end: body.indexOf('watchman') + 8 });
  expect(await moderator.locator(`#f-${added?.id}`).isChecked()).toBe(true);
});
