// The admins' forum outage alert, in each language: it says since when, how many tries failed and the error code,
// that nothing is lost, and where the console is; it names no request and no person.
import { createForumOutageAlertRenderer } from '../../src/mail/forumOutageAlert';

const renderer = createForumOutageAlertRenderer();
const alert = { startedAt: new Date('2026-11-27T08:14:05Z'), failures: 3, error: 'forum database unreachable (ECONNREFUSED)', publicUrl: 'https://erasure.example' };

test('in English, the alert says since when, how many tries failed, the error, and links to the console', () => {
  const mail = renderer.render('en', alert);
  expect(mail.subject).toBe('Erasure cannot reach the forum database');
  expect(mail.text).toContain("Since 2026-11-27 08:14 (UTC), Erasure has not been able to reach the forum's database: 3 tries have failed so far.");
  expect(mail.text).toContain('forum database unreachable (ECONNREFUSED)');
  expect(mail.text).toContain('https://erasure.example/console');
  expect(mail.html).toContain('<a href="https://erasure.example/console"');
  expect(mail.text).toMatch(/once per outage/);
});

test('in French, the same alert is written in French', () => {
  const mail = renderer.render('fr', alert);
  expect(mail.subject).toBe('Erasure ne parvient pas à joindre la base de données du forum');
  expect(mail.text).toContain('Depuis le 2026-11-27 08:14 (UTC), Erasure ne parvient pas à joindre la base de données du forum : 3 tentatives ont échoué');
  expect(mail.html).toContain('lang="fr"');
});
