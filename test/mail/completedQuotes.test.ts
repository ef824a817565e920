// The completed email says how many other posts had quotes of the removed information taken out, only when some had.
import { createMailRenderer } from '../../src/mail/mailRenderer';
import { locales } from '../../src/mail/mailTemplates';

const renderer = createMailRenderer();
const base = { statusUrl: 'https://erasure.example/status/1?t=x', posts: [{ url: 'https://forum.example/p/1', kinds: ['email'] }], notFound: [] };
const sentences = {
  en: { many: 'Other members had quoted your information in 3 of their posts: it was removed from those quotes too.', one: 'in one of their posts: it was removed from that quote too.', word: /quot/i },
  fr: { many: 'D’autres membres avaient cité vos informations dans 3 de leurs messages : elles ont aussi été supprimées de ces citations.', one: 'dans l’un de ses messages : elles ont aussi été supprimées de cette citation.', word: /cit/i },
};

describe.each(locales)('%s', (locale) => {
  test('three quoting posts are counted in plain words, in the text and the HTML', () => {
    const mail = renderer.render('completed', locale, { ...base, quotes: 3 });
    expect(mail.text).toContain(sentences[locale].many);
    expect(mail.html).toContain(sentences[locale].many);
  });

  test('one quoting post is said in the singular', () => {
    const mail = renderer.render('completed', locale, { ...base, quotes: 1 });
    expect(mail.text).toContain(sentences[locale].one);
    expect(mail.html).toContain(sentences[locale].one);
  });

  test('without quoting posts the email does not mention quotes', () => {
    for (const quotes of [0, undefined]) {
      const mail = renderer.render('completed', locale, { ...base, quotes });
      expect(mail.text).not.toMatch(sentences[locale].word);
      expect(mail.html).not.toMatch(sentences[locale].word);
    }
  });
});
