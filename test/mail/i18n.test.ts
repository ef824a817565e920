import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { redactableTypes } from '../../src/pii/types';
import { refusalReasons } from '../../src/domain/refusalReasons';
import { createTranslator, translate } from '../../src/mail/i18n';
import { locales } from '../../src/mail/mailTemplates';

const translator = createTranslator();

describe('the translation catalogs', () => {
  test('every English key exists in French and every French key in English', () => {
    const en = new Set(translator.keys('en'));
    const fr = new Set(translator.keys('fr'));
    expect([...en].filter((key) => !fr.has(key))).toEqual([]);
    expect([...fr].filter((key) => !en.has(key))).toEqual([]);
    expect(en.size).toBeGreaterThan(20);
  });

  test.each(locales)('in %s, every refusal reason has a label, a text for the requester and a next step', (locale) => {
    for (const reason of refusalReasons) {
      for (const group of ['reasonLabels', 'reasons', 'nextSteps']) {
        expect(translate(locale, `${group}.${reason}`).trim().length).toBeGreaterThan(3);
      }
    }
  });

  test.each(locales)('in %s, every kind of finding has a name', (locale) => {
    for (const kind of [...redactableTypes, 'other']) expect(translate(locale, `kinds.${kind}`).trim()).not.toBe('');
  });

  test('the French strings are translated, not copied from English', () => {
    // Every placeholder filled with the same value, so that only the wording is compared.
    const anyParams = new Proxy({}, { get: () => 'x' }) as Record<string, string>;
    const copied = translator.keys('en').filter((key) => translate('en', key, anyParams) === translate('fr', key, anyParams));
    expect(copied).toEqual([]);
  });

  test('French text uses French words and accents', () => {
    expect(translate('fr', 'kinds.phone')).toBe('numéro de téléphone');
    expect(translate('fr', 'reasons.not_found')).toMatch(/vous avez indiqué/);
  });
});

describe('translate', () => {
  test('a missing key throws and names the key', () => {
    expect(() => translate('fr', 'reasons.no_such_reason')).toThrow(/reasons\.no_such_reason/);
  });

  test('a group is not a string', () => {
    expect(() => translate('en', 'reasons')).toThrow(/'reasons'/);
  });

  describe('with a catalog that takes parameters', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'erasure-i18n-'));
      await mkdir(path.join(dir, 'i18n'));
      await writeFile(path.join(dir, 'i18n', 'en.json'), JSON.stringify({ due: { by: 'answer by {date}, {count} posts' } }));
      await writeFile(path.join(dir, 'i18n', 'fr.json'), JSON.stringify({ due: { by: 'réponse au plus tard le {date}, {count} messages' } }));
      for (const locale of locales) await writeFile(path.join(dir, 'i18n', `console.${locale}.json`), JSON.stringify({ console: {} }));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    test('fills every placeholder', () => {
      const own = createTranslator(dir);
      expect(own.translate('fr', 'due.by', { date: '1er mars', count: 2 })).toBe('réponse au plus tard le 1er mars, 2 messages');
    });

    test('throws when a placeholder has no value', () => {
      expect(() => createTranslator(dir).translate('en', 'due.by', { date: 'March 1' })).toThrow(/\{count\}/);
    });

    test('refuses a key defined by two catalogs', async () => {
      await writeFile(path.join(dir, 'i18n', 'console.en.json'), JSON.stringify({ due: { by: 'twice' } }));
      try {
        expect(() => createTranslator(dir)).toThrow(/'due.by' is already defined/);
      } finally {
        await writeFile(path.join(dir, 'i18n', 'console.en.json'), JSON.stringify({ console: {} }));
      }
    });
  });
});
