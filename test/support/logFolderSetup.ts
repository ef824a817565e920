// Jest's global setup: one log folder per test run, named in TEST_LOG_DIR, which the test workers and every
// process they start inherit. `npm test` names it before the first pass so that both passes write into it and the
// log scan reads both; a jest run on its own gets a fresh one. Older runs' folders are pruned, the newest kept.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export const logsRoot = path.join(__dirname, '..', '..', '.test-logs');
const runsKept = 5;

export default function logFolderSetup(): void {
  mkdirSync(logsRoot, { recursive: true });
  if (!process.env.TEST_LOG_DIR) {
    process.env.TEST_LOG_DIR = path.join(logsRoot, `run-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  }
  mkdirSync(process.env.TEST_LOG_DIR, { recursive: true });
  const runs = readdirSync(logsRoot).filter((name) => name.startsWith('run-')).sort();
  for (const old of runs.slice(0, Math.max(0, runs.length - runsKept))) {
    if (path.join(logsRoot, old) !== path.resolve(process.env.TEST_LOG_DIR)) rmSync(path.join(logsRoot, old), { recursive: true, force: true });
  }
}
