// Reads every log line of a test run and reports each that carries personal information the tests used: the file,
// the line number and the kind, never the value (the report must not leak what it found).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compact, type PiiCatalogue, type PiiKind } from './testPiiCatalogue';
import { piiFolderName } from '../support/testPii';

export interface LogFinding {
  /** Relative to the log folder. */
  file: string;
  line: number;
  kind: PiiKind;
}

/** Every file under the folder but the registered PII itself: worlds', child processes', whatever a test wrote. */
export function logFiles(logDir: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const file = path.join(dir, entry);
      if (statSync(file).isDirectory()) return entry === piiFolderName && dir === logDir ? [] : walk(file);
      return [file];
    });
  return walk(logDir);
}

const emailLike = /[^\s"'<>,;:()[\]{}\\]+@[^\s"'<>,;:()[\]{}\\]+/g;
/** Runs of digits with the separators people write numbers with; IBANs; identity numbers of letters and digits. */
const numberLike = [/\+?\d[\d .()\-/]{6,}\d/g, /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}\b/gi, /\b[A-Z]{1,2} ?\d[A-Z0-9 ]{5,}[A-Z0-9]\b/gi];
const words = /\p{L}[\p{L}\p{M}'’.-]*/gu;

/** The kinds of PII a line carries. */
export function piiIn(line: string, catalogue: PiiCatalogue, firstWords: Map<string, string[]>): PiiKind[] {
  const kinds = new Set<PiiKind>();
  for (const token of line.match(emailLike) ?? []) {
    // JSON escapes and quotes around an address are not part of it.
    const address = token.replace(/^[^\w]+|[^\w]+$/g, '').toLowerCase();
    if (catalogue.emails.has(address)) kinds.add('email address');
  }
  for (const run of numberLike.flatMap((pattern) => line.match(pattern) ?? [])) {
    const digits = compact(run);
    // A number inside a longer one (a timestamp, an id) is not that number.
    for (const key of [digits, digits.slice(-9)]) {
      const kind = key.length >= 8 && key.length <= 34 ? catalogue.numbers.get(key) : undefined;
      if (kind) kinds.add(kind);
    }
  }
  const lower = line.toLowerCase();
  for (const word of lower.match(words) ?? []) {
    for (const name of firstWords.get(word) ?? []) if (lower.includes(name)) kinds.add('person name');
  }
  return [...kinds];
}

/** Names grouped by their first word, so that a line is only searched for the names whose first word it holds. */
export function indexNames(names: Iterable<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const name of names) {
    const first = name.match(words)?.[0];
    if (!first) continue;
    index.set(first, [...(index.get(first) ?? []), name]);
  }
  return index;
}

export function scanLogs(logDir: string, catalogue: PiiCatalogue): { findings: LogFinding[]; files: number; lines: number } {
  const firstWords = indexNames(catalogue.names);
  const findings: LogFinding[] = [];
  let lines = 0;
  const files = logFiles(logDir);
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (!text) return;
        lines += 1;
        for (const kind of piiIn(text, catalogue, firstWords)) findings.push({ file: path.relative(logDir, file), line: i + 1, kind });
      });
  }
  return { findings, files: files.length, lines };
}

/** One line per finding, for a test's failure message: where and what kind, not the value. */
export const describeFindings = (findings: LogFinding[]): string => findings.map((f) => `${f.file}:${f.line}: ${f.kind} used by the tests`).join('\n');
