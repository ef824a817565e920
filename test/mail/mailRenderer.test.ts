import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { translate } from '../../src/mail/i18n';
import { createMailRenderer } from '../../src/mail/mailRenderer';
import { type Locale, locales, type MailTemplate, mailTemplates, type MailVars, type RenderedMail } from '../../src/mail/mailTemplates';
import { templatesDir } from '../../src/paths';

const renderer = createMailRenderer();
const statusUrl = 'https://erasure.example/requests/7f3c/status?sig=abc';

const samples: { [T in MailTemplate]: MailVars[T] } = {
  verify: { verifyUrl: 'https://erasure.example/verify?token=t0k3n&request=7f3c', statusUrl, expiresInHours: 48 },
  received: { statusUrl, dueAt: new Date('2025-12-26T09:00:00Z'), postCount: 3 },
  needs_info: { statusUrl, question: 'Which username do you post under?\nThe posts show two.' },
  completed: {
    statusUrl,
    posts: [
      { url: 'https://forum.example/t/42/post/1', kinds: ['email', 'phone', 'email'] },
      { url: 'https://forum.example/t/43/post/9', kinds: ['address', 'date_of_birth'] },
    ],
    notFound: ['https://forum.example/t/44/post/2'],
  },
  refused: { statusUrl, reason: 'not_requesters_info', message: 'This is <script>alert("x")</script> your neighbour’s address & phone.' },
  withdrawn: { statusUrl },
};

/** What a requester must find in each email, in the words of its locale. */
const facts: { [T in MailTemplate]: (locale: Locale) => string[] } = {
  verify: (l) => ['https://erasure.example/verify?token=t0k3n&request=7f3c', statusUrl, l === 'en' ? '48 hours' : '48 heures'],
  received: (l) => [statusUrl, l === 'en' ? 'December 26, 2025' : '26 décembre 2025'],
  needs_info: () => [statusUrl, 'Which username do you post under?'],
  completed: (l) => [
    statusUrl,
    'https://forum.example/t/42/post/1',
    'https://forum.example/t/43/post/9',
    'https://forum.example/t/44/post/2',
    ...['email', 'phone', 'address', 'date_of_birth'].map((kind) => translate(l, `kinds.${kind}`)),
  ],
  refused: (l) => [statusUrl, translate(l, 'reasons.not_requesters_info'), translate(l, 'nextSteps.not_requesters_info'), translate(l, 'mail.contact')],
  withdrawn: () => [statusUrl],
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const render = <T extends MailTemplate>(template: T, locale: Locale, vars: MailVars[T]): RenderedMail => renderer.render(template, locale, vars);

describe.each(locales)('the %s emails', (locale) => {
  test.each(mailTemplates)('%s has a one-line subject, a text part and an HTML page with the key facts', (template) => {
    const mail = render(template, locale, samples[template]);
    expect(mail.subject.length).toBeGreaterThan(10);
    expect(mail.subject).not.toMatch(/\n/);
    expect(mail.text.length).toBeGreaterThan(100);
    expect(mail.html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${locale}">`));
    expect(mail.html).toContain(`<title>${escapeHtml(mail.subject)}</title>`);
    for (const fact of facts[template](locale)) {
      expect(mail.text).toContain(fact);
      expect(mail.html).toContain(escapeHtml(fact));
    }
    expect(mail.text).toContain(translate(locale, 'mail.footer'));
    // No template code or placeholder may leak into what the requester reads.
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/<%|%>|undefined|\[object |NaN/);
  });

  test.each(mailTemplates)('%s in HTML loads nothing from outside and runs no script', (template) => {
    const { html } = render(template, locale, samples[template]);
    expect(html).not.toMatch(/<(script|img|link|iframe|style)\b/i);
    expect(html).not.toMatch(/\bsrc=|url\(/i);
  });

  test('the links a requester clicks are real links in the HTML part', () => {
    expect(render('verify', locale, samples.verify).html).toContain('href="https://erasure.example/verify?token=t0k3n&amp;request=7f3c"');
    expect(render('needs_info', locale, samples.needs_info).html).toContain(`href="${escapeHtml(statusUrl)}"`);
    expect(render('completed', locale, samples.completed).html).toContain('href="https://forum.example/t/42/post/1"');
  });

  test('a moderator message is escaped in the HTML part and kept verbatim in the text part', () => {
    const mail = render('refused', locale, samples.refused);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.text).toContain('> This is <script>alert("x")</script> your neighbour’s address & phone.');
  });

  test('a refusal without a moderator message says nothing about a message', () => {
    const mail = render('refused', locale, { statusUrl, reason: 'legal_hold', message: null });
    expect(mail.text).toContain(translate(locale, 'reasons.legal_hold'));
    expect(mail.text).toContain(translate(locale, 'nextSteps.legal_hold'));
    expect(mail.text).not.toMatch(/^> /m);
    expect(mail.html).not.toContain('<blockquote');
  });

  test('the question of a moderator is quoted line by line in the text part', () => {
    expect(render('needs_info', locale, samples.needs_info).text).toContain('> Which username do you post under?\n> The posts show two.');
  });

  test('a post URL that is not a web address is shown but never made a link', () => {
    const { html } = render('completed', locale, { statusUrl, posts: [{ url: 'javascript:alert(1)', kinds: ['email'] }], notFound: [] });
    expect(html).toContain('javascript:alert(1)');
    expect(html).not.toMatch(/href="javascript:/i);
  });

  test('a kind the catalogs do not know yet is named as other personal information', () => {
    const { text } = render('completed', locale, { statusUrl, posts: [{ url: 'https://forum.example/p/1', kinds: ['licence_plate'] }], notFound: [] });
    expect(text).toContain(translate(locale, 'kinds.other'));
    expect(text).not.toContain('licence_plate');
  });

  test('each kind is named once per post even when it was found several times', () => {
    const { text } = render('completed', locale, samples.completed);
    const email = translate(locale, 'kinds.email');
    expect(text.split(email).length - 1).toBe(1);
  });

  test('a completed request where every post had gone says so without claiming a removal', () => {
    const all = render('completed', locale, samples.completed);
    const none = render('completed', locale, { statusUrl, posts: [], notFound: ['https://forum.example/t/44/post/2'] });
    expect(none.subject).not.toBe(all.subject);
    expect(none.text).toContain('https://forum.example/t/44/post/2');
    expect(none.html).not.toContain(escapeHtml(all.subject));
  });
});

test('English and French emails are written in their own language', () => {
  for (const template of mailTemplates) {
    const en = render(template, 'en', samples[template]);
    const fr = render(template, 'fr', samples[template]);
    expect(fr.subject).not.toBe(en.subject);
    expect(en.text).toMatch(/^Hello,/);
    expect(fr.text).toMatch(/^Bonjour,/);
  }
});

test('singular counts read naturally', () => {
  expect(render('verify', 'en', { ...samples.verify, expiresInHours: 1 }).text).toContain('expires in 1 hour.');
  expect(render('verify', 'fr', { ...samples.verify, expiresInHours: 1 }).text).toContain('expire dans 1 heure.');
  expect(render('received', 'en', { ...samples.received, postCount: 1 }).text).toContain('which names 1 post,');
});

test('a deadline on the first of a month reads as French writes it', () => {
  expect(render('received', 'fr', { ...samples.received, dueAt: new Date('2026-03-01T12:00:00Z') }).text).toContain('le 1er mars 2026');
});

test('an unknown template or locale is refused before any file is read', () => {
  expect(() => renderer.render('../../package' as MailTemplate, 'en', {} as never)).toThrow(/unknown mail template/);
  expect(() => renderer.render('verify', 'de' as Locale, samples.verify)).toThrow(/unknown locale/);
});

describe('a templates folder with a missing template', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'erasure-templates-'));
    await cp(templatesDir, dir, { recursive: true });
    await rm(path.join(dir, 'mail', 'fr', 'withdrawn.html.eta'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('is refused when the renderer is created, naming the file', () => {
    expect(() => createMailRenderer(dir)).toThrow(/fr\/withdrawn\.html\.eta/);
  });
});
