// Localized strings shared by the emails and the web pages: refusal reasons, PII kind names, next steps.
// They live in templates/i18n/<locale>.json as nested objects; code names them by dotted key ('reasons.not_found').
// The moderators' console has its own catalog, templates/i18n/console.<locale>.json, under the key 'console'.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { templatesDir } from '../paths';
import { type Locale, locales } from './mailTemplates';

export type TranslationParams = Record<string, string | number>;

export interface Translator {
  /** The string for key with {name} placeholders filled; throws on a missing key or parameter. */
  translate(locale: Locale, key: string, params?: TranslationParams): string;
  has(locale: Locale, key: string): boolean;
  keys(locale: Locale): string[];
}

export function createTranslator(dir: string = templatesDir): Translator {
  const catalogs = new Map<Locale, Map<string, string>>();
  for (const locale of locales) {
    const catalog = new Map<string, string>();
    for (const name of catalogNames) readCatalog(path.join(dir, 'i18n', `${name}${locale}.json`), catalog);
    catalogs.set(locale, catalog);
  }
  const catalogOf = (locale: Locale): Map<string, string> => {
    const catalog = catalogs.get(locale);
    if (!catalog) throw new Error(`unknown locale '${String(locale)}'`);
    return catalog;
  };

  return {
    translate(locale, key, params = {}) {
      const text = catalogOf(locale).get(key);
      if (text === undefined) throw new Error(`no '${key}' in the ${locale} translations`);
      return text.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = params[name];
        if (value === undefined) throw new Error(`'${key}' (${locale}) needs the parameter {${name}}`);
        return String(value);
      });
    },
    has: (locale, key) => catalogOf(locale).has(key),
    keys: (locale) => [...catalogOf(locale).keys()],
  };
}

// The catalogs ship with the code and never change while it runs, so one shared reading is safe,
// and it lets a template or a page ask for a string without being handed a translator.
let shared: Translator | undefined;

export function translate(locale: Locale, key: string, params?: TranslationParams): string {
  shared ??= createTranslator();
  return shared.translate(locale, key, params);
}

export function hasTranslation(locale: Locale, key: string): boolean {
  shared ??= createTranslator();
  return shared.has(locale, key);
}

/** Catalog files per locale: '' is <locale>.json, 'console.' is console.<locale>.json. */
const catalogNames = ['', 'console.'] as const;

function readCatalog(file: string, catalog: Map<string, string>): void {
  const visit = (node: unknown, prefix: string): void => {
    if (typeof node === 'string') {
      if (catalog.has(prefix)) throw new Error(`${file}: '${prefix}' is already defined in another catalog`);
      catalog.set(prefix, node);
    } else if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [name, child] of Object.entries(node)) visit(child, prefix ? `${prefix}.${name}` : name);
    } else {
      throw new Error(`${file}: '${prefix}' must be a string or an object of strings`);
    }
  };
  visit(JSON.parse(readFileSync(file, 'utf8')) as unknown, '');
}
