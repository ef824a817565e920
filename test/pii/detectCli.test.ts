// The command-line front reads posts as JSON lines and writes findings in the format the scorer reads.
import { PassThrough } from 'node:stream';
import { runDetect } from '../../src/pii/detectCli';

async function run(lines: string[]): Promise<unknown[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  input.end(lines.join('\n'));
  await runDetect(input, output);
  return Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);
}

describe('the detect command', () => {
  it("writes each post's findings with upper-case types and owners, using the requester's identifiers", async () => {
    const text = 'Vends ma Kobo. Contact : 0639981234 ou marie.dupont at free dot fr\nMarie';
    const post = {
      id: 'p1',
      lang: 'fr',
      text,
      requester: { name: 'Marie Dupont', emails: ['marie.dupont@free.fr'], phones: ['+33639981234'], usernames: [], addresses: ['12 rue du Helder'] },
    };
    const [line] = await run([JSON.stringify(post), JSON.stringify({ id: 'p2', text: 'nothing here', requester: null })]);
    expect(line).toEqual({
      id: 'p1',
      spans: [
        { start: 25, end: 35, type: 'PHONE', score: expect.any(Number), owner: 'requester' },
        { start: 39, end: 66, type: 'EMAIL', score: expect.any(Number), owner: 'requester' },
        { start: 67, end: 72, type: 'PERSON', score: expect.any(Number), owner: 'requester' },
      ],
    });
  });

  it('writes one line per post, empty findings included, and skips blank lines', async () => {
    const out = await run([JSON.stringify({ id: 'a', text: 'rien' }), '', JSON.stringify({ id: 'b', text: 'écrire à paul@gmail.com' })]);
    expect(out).toEqual([
      { id: 'a', spans: [] },
      { id: 'b', spans: [{ start: 9, end: 23, type: 'EMAIL', score: expect.any(Number), owner: 'other' }] },
    ]);
  });

  it('rejects a line without an id or text, saying which line', async () => {
    await expect(run([JSON.stringify({ id: 'a', text: 'ok' }), JSON.stringify({ text: 'no id' })])).rejects.toThrow(/line 2/u);
  });
});
