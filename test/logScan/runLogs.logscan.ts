// After both passes of `npm test`: every log line the run wrote (test worlds at debug level, and whatever the
// processes they started appended to the run's folder) is read for the personal information the tests used. Run
// it with `npm run test:logs`; it scans TEST_LOG_DIR, or else the newest run under .test-logs.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeFindings, scanLogs } from './logScanner';
import { catalogueRegistered, catalogueSources } from './testPiiCatalogue';
import { logsRoot } from '../support/logFolderSetup';

const repo = path.join(__dirname, '..', '..');

function runFolder(): string {
  if (process.env.TEST_LOG_DIR) return process.env.TEST_LOG_DIR;
  const newest = readdirSync(logsRoot)
    .filter((name) => name.startsWith('run-'))
    .sort((a, b) => statSync(path.join(logsRoot, a)).mtimeMs - statSync(path.join(logsRoot, b)).mtimeMs)
    .pop();
  if (!newest) throw new Error(`no test run has written logs under ${logsRoot}: run the suite first`);
  return path.join(logsRoot, newest);
}

test('no log line of the run carries an email, phone, name or number the tests used', () => {
  const dir = runFolder();
  const catalogue = catalogueRegistered(dir, catalogueSources([path.join(repo, 'test'), path.join(repo, 'src', 'forum', 'demo')]));
  const started = performance.now();
  const { findings, files, lines } = scanLogs(dir, catalogue);
  console.log(`log scan of ${dir}: ${lines} lines in ${files} files, ${catalogue.emails.size} addresses, ${catalogue.numbers.size} numbers, ${catalogue.names.size} names, ${Math.round(performance.now() - started)} ms`);
  // A run that wrote nothing proves nothing: the worlds log at debug level, so every run writes lines.
  expect(lines).toBeGreaterThan(0);
  if (findings.length > 0) throw new Error(`${findings.length} findings of personal information the tests used, in the run's logs:\n${describeFindings(findings.slice(0, 50))}`);
});
