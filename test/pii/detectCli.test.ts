// The command-line front reads posts as JSON lines and writes findings in the format the scorer reads.
import { PassThrough } from 'node:stream';
import { DETECT_BATCH_SIZE } from '../../src/pii/detect';
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

  it('writes every post in order when there are more posts than one batch', async () => {
    const count = DETECT_BATCH_SIZE * 2 + 1;
    const lines = Array.from({ length: count }, (_, index) => JSON.stringify({ id: `p${index}`, text: index % 2 === 0 ? `écrire à paul${index}@gmail.com` : 'rien' }));
    const out = (await run(lines)) as { id: string; spans: { start: number; end: number }[] }[];
    expect(out.map((line) => line.id)).toEqual(Array.from({ length: count }, (_, index) => `p${index}`));
    expect(out.map((line) => line.spans.length)).toEqual(Array.from({ length: count }, (_, index) => (index % 2 === 0 ? 1 : 0)));
  });

  it('still writes the findings of the posts before a bad line', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (c: Buffer) => chunks.push(c));
    input.end([JSON.stringify({ id: 'a', text: 'ok' }), JSON.stringify({ id: 'b', text: 'paul@gmail.com' }), '{"text": "no id"}'].join('\n'));
    await expect(runDetect(input, output)).rejects.toThrow(/line 3/u);
    const ids = Buffer.concat(chunks).toString('utf8').split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(['a', 'b']);
  });
});
