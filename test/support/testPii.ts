// The personal information a test used at run time (generated addresses, fuzzed names): written beside the run's
// logs so that the log scan after the suite looks for it too. Literals in test sources are found by reading them.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** The folder of one test run's logs, made by the suite's global setup; unset when a test runs outside it. */
export const testLogDir = (): string | undefined => process.env.TEST_LOG_DIR || undefined;

/** Where registered values go: one file per process, apart from the logs, so that the scan does not read them as logs. */
export const piiFolderName = 'pii-used';

const registered = new Set<string>();

export function registerTestPii(values: Iterable<string>): void {
  const dir = testLogDir();
  if (!dir) return;
  const fresh = [...values].filter((v) => v.trim() !== '' && !registered.has(v));
  if (fresh.length === 0) return;
  for (const v of fresh) registered.add(v);
  const folder = path.join(dir, piiFolderName);
  mkdirSync(folder, { recursive: true });
  appendFileSync(path.join(folder, `${process.pid}.jsonl`), fresh.map((v) => `${JSON.stringify(v)}\n`).join(''));
}
