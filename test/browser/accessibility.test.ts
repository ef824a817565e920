// Every page a requester or a moderator reads, checked by axe in a real browser on a desktop and (for the pages
// people open from a phone) a phone's viewport: no serious or critical violation. Each page is also saved as a
// screenshot under test-artifacts/screenshots for people to look at; with UPDATE_DOCS_SCREENSHOTS=1, the request
// page's is copied to docs/ for the README.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { randomIds } from '../../src/domain/clockAndIds';
import { translate } from '../../src/mail/i18n';
import { addAccount } from '../../src/store/moderatorAccounts';
import { launchBrowser, openPage, screenshot, seriousViolations } from '../support/browser';
import { startWorld, type World } from '../support/world';
import { reviewedRequest } from '../console/reviewedRequests';
import { confirmFromEmail, openFromQueue, sendContactForm, signInThroughPage, statusAddress } from './browserSteps';

jest.setTimeout(90_000);

const phone = { width: 375, height: 740 };
const docsScreenshot = path.join(__dirname, '../../docs/console-request-page.png');

let world: World;
let browser: Browser;
let requester: Page;
let moderator: Page;
/** A request in review whose post holds the requester's information and someone else's: both kinds of mark. */
let inReview: string;

beforeAll(async () => {
  // Post links as a real forum's, rather than the test server's: the request page's screenshot goes in the README.
  [world, browser] = await Promise.all([startWorld({ FORUM_POST_URL: 'https://forum.example.org/t/{id}' }), launchBrowser()]);
  [requester, moderator] = await Promise.all([openPage(browser), openPage(browser)]);
  const marie = { email: 'marie.dupont@example.fr', name: 'Marie Dupont', phones: ['+33 6 12 34 56 78'] };
  ({ id: inReview } = await reviewedRequest(
    world,
    ['Selling my bike, barely used. Write to marie.dupont@example.fr or call +33 6 12 34 56 78. If I am away, ask my brother Paul Martin on 07 98 76 54 32.'],
    marie,
    { details: 'I sold the bike last year and still get calls.' },
  ));
});
afterAll(async () => {
  await browser?.close();
  await world?.close();
});

/** Checks the page as it is now; a failure lists every violation with the elements it concerns. */
async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

async function atPhoneSize(page: Page, check: () => Promise<void>): Promise<void> {
  const desktop = page.viewportSize();
  await page.setViewportSize(phone);
  try {
    await check();
  } finally {
    if (desktop) await page.setViewportSize(desktop);
  }
}

describe("the requester's pages", () => {
  test('the contact form, empty and on a phone', async () => {
    await requester.goto(`${world.baseUrl}/`);
    await expectNoSeriousViolations(requester);
    await screenshot(requester, 'form');
    await atPhoneSize(requester, async () => {
      await expectNoSeriousViolations(requester);
      await screenshot(requester, 'form-phone');
    });
  });

  test('the contact form sent empty, with its errors', async () => {
    await requester.goto(`${world.baseUrl}/`);
    await requester.getByRole('button', { name: translate('en', 'pages.form.submit') }).click();
    await requester.locator('.error-summary').waitFor();
    expect(await requester.locator('#email').getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousViolations(requester);
    await screenshot(requester, 'form-errors');
  });

  test('the confirmation page, then the status page on a desktop and on a phone', async () => {
    const postId = await world.addPost('Write to lea.fontaine@example.org about the choir.');
    const who = { email: 'lea.fontaine@example.org', name: 'Léa Fontaine', phone: '06 98 76 54 32' };
    const id = await sendContactForm(requester, world, who, [postId]);
    await expectNoSeriousViolations(requester);
    await screenshot(requester, 'confirmation');

    await confirmFromEmail(requester, world, who.email, id);
    await requester.goto(await statusAddress(world, who.email, id));
    await requester.locator('.state[data-state="awaiting_review"]').waitFor();
    await expectNoSeriousViolations(requester);
    await screenshot(requester, 'status');
    await atPhoneSize(requester, async () => {
      await expectNoSeriousViolations(requester);
      await screenshot(requester, 'status-phone');
    });
  });
});

describe("the moderators' console", () => {
  beforeAll(async () => {
    // A name a README reader can take for a person's, rather than a test account's.
    const account = { email: 'alex.moreau@forum.example', displayName: 'Alex Moreau', role: 'moderator' as const, password: 'a long enough passphrase' };
    await addAccount({ db: world.database.db, clock: world.clock, ids: randomIds }, account, 'test');
    await signInThroughPage(moderator, world, account);
  });

  test('the sign-in page', async () => {
    // The moderator's page is signed in, and the sign-in page sends a signed-in reader on: a context of its own.
    const visitor = await openPage(browser);
    try {
      await visitor.goto(`${world.baseUrl}/console/sign-in`);
      await expectNoSeriousViolations(visitor);
      await screenshot(visitor, 'sign-in');
    } finally {
      await visitor.context().close();
    }
  });

  test('the queue', async () => {
    await moderator.goto(`${world.baseUrl}/console`);
    await moderator.locator(`tr[data-request="${inReview}"]`).waitFor();
    await expectNoSeriousViolations(moderator);
    await screenshot(moderator, 'queue');
  });

  test('the request page, on a desktop and on a phone', async () => {
    await openFromQueue(moderator, world, inReview);
    expect(await moderator.locator('.post-text mark.requester').count()).toBeGreaterThan(0);
    expect(await moderator.locator('.post-text mark.other').count()).toBeGreaterThan(0);
    await expectNoSeriousViolations(moderator);
    const file = await screenshot(moderator, 'request');
    if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
      mkdirSync(path.dirname(docsScreenshot), { recursive: true });
      copyFileSync(file, docsScreenshot);
    }
    await atPhoneSize(moderator, async () => {
      await expectNoSeriousViolations(moderator);
      await screenshot(moderator, 'request-phone');
    });
  });
});
