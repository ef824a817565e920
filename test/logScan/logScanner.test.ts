// The log scan finds what it is meant to find: an address, a phone number in another format, a name in other case,
// a card number, a value registered at run time — and reports the file, the line and the kind, never the value.
// (The scan of a whole run is test/logScan/runLogs.logscan.ts, run by `npm test` after both passes.)
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { catalogueRegistered, catalogueSources, emptyCatalogue, addToCatalogue } from './testPiiCatalogue';
import { describeFindings, scanLogs } from './logScanner';
import { piiFolderName } from '../support/testPii';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'erasure-logscan-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const line = (fields: Record<string, unknown>) => `${JSON.stringify({ level: 20, time: 1795766526562, pid: 4242, hostname: 'vm', ...fields })}\n`;

function catalogue() {
  const c = emptyCatalogue();
  addToCatalogue(c, 'email address', 'Berenice.QR@example.net');
  addToCatalogue(c, 'phone number', '+33 7 88 99 00 11');
  addToCatalogue(c, 'person name', 'Bérénice Quintal-Ravel');
  addToCatalogue(c, 'card, IBAN or identity number', '4539 1488 0343 6467');
  return c;
}

test('clean lines, ids, timestamps and durations are not taken for PII', () => {
  writeFileSync(path.join(dir, 'world.log'), line({ msg: 'http', route: '/api/v1/requests/:id', status: 202, ms: 12.5, correlationId: '0b7e1f2a-9c1d-4e55-8a77-1d2e3f4a5b6c' }) + line({ msg: 'job done', job: 'send-mail', jobId: '788990012' }));
  const { findings, lines } = scanLogs(dir, catalogue());
  expect(lines).toBe(2);
  expect(findings).toEqual([]);
});

test('an address, a phone in another format, a name in capitals and a card are each found, by file, line and kind', () => {
  mkdirSync(path.join(dir, 'children'));
  writeFileSync(path.join(dir, 'world.log'), line({ msg: 'http' }) + line({ msg: 'mail to berenice.qr@example.net failed' }));
  writeFileSync(path.join(dir, 'children', 'serve-1.log'), `${line({ msg: 'calling 07.88.99.00.11' })}plain text from a child: BÉRÉNICE QUINTAL-RAVEL paid with 4539148803436467\n`);
  const { findings } = scanLogs(dir, catalogue());
  const child = path.join('children', 'serve-1.log');
  expect(findings).toEqual(
    expect.arrayContaining([
      { file: 'world.log', line: 2, kind: 'email address' },
      { file: child, line: 1, kind: 'phone number' },
      { file: child, line: 2, kind: 'card, IBAN or identity number' },
      { file: child, line: 2, kind: 'person name' },
    ]),
  );
  expect(findings).toHaveLength(4);
  const report = describeFindings(findings);
  expect(report).toContain('world.log:2: email address used by the tests');
  for (const value of ['berenice', 'quintal', '88 99', '4539']) expect(report.toLowerCase()).not.toContain(value);
});

test('values registered at run time are looked for, and their own file is not scanned as a log', () => {
  mkdirSync(path.join(dir, piiFolderName));
  writeFileSync(path.join(dir, piiFolderName, '1.jsonl'), `${JSON.stringify('fuzzed.person+x@example.org')}\n${JSON.stringify('Odile Marchetti\u200d-Vasseur')}\n`);
  writeFileSync(path.join(dir, 'world.log'), line({ msg: 'x', to: 'FUZZED.person+x@example.org' }) + line({ msg: 'Odile Marchetti\u200d-Vasseur' }));
  const { findings, files } = scanLogs(dir, catalogueRegistered(dir));
  expect(files).toBe(1);
  expect(findings.map((f) => [f.line, f.kind])).toEqual([
    [1, 'email address'],
    [2, 'person name'],
  ]);
});

test('the test sources give the demo persona and the people tests write about', () => {
  const c = catalogueSources([path.join(__dirname, '..', 'flow'), path.join(__dirname, '..', '..', 'src', 'forum', 'demo')]);
  expect(c.emails.has('marie.dupont@example.fr')).toBe(true);
  expect(c.emails.has('berenice.qr@example.net')).toBe(true);
  expect(c.names.has('marie dupont')).toBe(true);
  expect(c.numbers.get('612345678')).toBe('phone number');
});
