// The personal information the test suite uses, for the log scan to look for: what the product's own detector finds
// in the string literals of the test sources and of the demo forum (its personas and posts), and what tests
// registered at run time in the run's log folder (generated and fuzzed addresses, every recipient the SMTP sink saw).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { detectPiiInTexts } from '../../src/pii/detect';
import type { PiiType } from '../../src/pii/types';
import { piiFolderName } from '../support/testPii';

/** What the scan reports: a kind, never the value. */
export type PiiKind = 'email address' | 'phone number' | 'person name' | 'card, IBAN or identity number';

export interface PiiCatalogue {
  /** Lower-cased addresses. */
  emails: Set<string>;
  /** Phone, card, IBAN and identity numbers, letters and digits only, upper-cased. */
  numbers: Map<string, PiiKind>;
  /** Lower-cased names (and other registered text), matched as written, case aside. */
  names: Set<string>;
}

export const emptyCatalogue = (): PiiCatalogue => ({ emails: new Set(), numbers: new Map(), names: new Set() });

const kindOf: Partial<Record<PiiType, PiiKind>> = {
  email: 'email address',
  phone: 'phone number',
  person: 'person name',
  credit_card: 'card, IBAN or identity number',
  iban: 'card, IBAN or identity number',
  national_id: 'card, IBAN or identity number',
};

/** Letters and digits only, upper-cased: "+33 6 12 34 56 78" and "0612345678" compare by their last digits. */
export const compact = (text: string): string => text.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

export function addToCatalogue(catalogue: PiiCatalogue, kind: PiiKind, value: string): void {
  const text = value.trim();
  if (kind === 'email address') {
    if (text.includes('@')) catalogue.emails.add(text.toLowerCase());
    return;
  }
  if (kind === 'person name') {
    // A single given name ("Marie") is not enough to point at anyone, and would match ordinary words.
    if (text.length >= 6 && /\s/.test(text)) catalogue.names.add(text.toLowerCase());
    return;
  }
  const digits = compact(text);
  // A phone number is written many ways: its last nine digits are what every way shares.
  if (kind === 'phone number' && digits.length >= 9) catalogue.numbers.set(digits.slice(-9), kind);
  else if (digits.length >= 8) catalogue.numbers.set(digits, kind);
}

/** The string literals of a TypeScript source, as written (escapes left as they are). */
function stringLiterals(source: string): string[] {
  return source.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)?.map((literal) => literal.slice(1, -1)) ?? [];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return entry === 'node_modules' ? [] : sourceFiles(file);
    return /\.(ts|js|json|txt|eml|csv|jsonl)$/.test(entry) ? [file] : [];
  });
}

/** Detects PII in the string literals of every file under `dirs`, one text per file, literals a paragraph apart. */
export function catalogueSources(dirs: string[], catalogue: PiiCatalogue = emptyCatalogue()): PiiCatalogue {
  const texts = dirs.flatMap(sourceFiles).map((file) => {
    const source = readFileSync(file, 'utf8');
    return /\.ts$|\.js$/.test(file) ? stringLiterals(source).join('\n\n') : source;
  });
  const none = { emails: [], names: [], phones: [], usernames: [], addresses: [] };
  for (let i = 0; i < texts.length; i += 64) {
    const batch = texts.slice(i, i + 64);
    detectPiiInTexts(batch.map((text) => ({ text, identifiers: none }))).forEach((spans, j) => {
      for (const span of spans) {
        const kind = kindOf[span.type];
        if (kind) addToCatalogue(catalogue, kind, (batch[j] as string).slice(span.start, span.end));
      }
    });
  }
  // Addresses the detector would leave as a company's role address (support@, noreply@) are still test data.
  // (A user at a numeric host, as in postgres://postgres@127.0.0.1, is a server's account, not an address.)
  for (const text of texts) for (const email of text.match(/[\w.%+-]+@[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}\b/g) ?? []) addToCatalogue(catalogue, 'email address', email);
  return catalogue;
}

/** Adds what tests registered at run time (test/support/testPii.ts): addresses by their @, anything else as a name (if it has two words). */
export function catalogueRegistered(logDir: string, catalogue: PiiCatalogue = emptyCatalogue()): PiiCatalogue {
  const folder = path.join(logDir, piiFolderName);
  let files: string[] = [];
  try {
    files = readdirSync(folder).map((f) => path.join(folder, f));
  } catch {
    return catalogue;
  }
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      const value = JSON.parse(line) as string;
      addToCatalogue(catalogue, value.includes('@') ? 'email address' : 'person name', value);
    }
  }
  return catalogue;
}
