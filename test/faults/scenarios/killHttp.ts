// kill -9 of the HTTP process during intake: `erasure serve` as a child process takes a flood of valid requests,
// each from its own address, and is killed with SIGKILL several times and started again. Every 202 must be a stored
// request (with the verify email's outbox row, written in the same transaction), and nothing answered with an error
// may be stored. A submission cut off by the kill may or may not be; both are counted.
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../src/forum/postgres/rows';
import { erasureProcess, childEnvOf, stopAll } from '../../support/erasureProcess';
import { startWorld } from '../../support/world';
import type { FaultScale, FaultScenario } from '../faultScenario';
import { eachLimited } from '../redactionBatch';

const sizes: Record<FaultScale, { submissions: number; concurrency: number; kills: number }> = {
  test: { submissions: 800, concurrency: 16, kills: 8 },
  bench: { submissions: 4000, concurrency: 32, kills: 12 },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one POST came back with: a status and body, or the socket error that ended it. */
type Answer = { status: number; id?: string } | { error: string };

function post(port: number, body: string): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/api/v1/requests', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          let id: string | undefined;
          try {
            id = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id?: string }).id;
          } catch {
            id = undefined;
          }
          resolve({ status: res.statusCode ?? 0, id });
        });
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.setTimeout(30_000, () => req.destroy(new Error('ETIMEDOUT')));
    req.end(body);
  });
}

export const killHttpScenario: FaultScenario = {
  name: 'killHttp',
  async run(scale) {
    const size = sizes[scale];
    const started = Date.now();
    const world = await startWorld({}, { workers: false });
    const server = erasureProcess({ command: 'serve', env: childEnvOf(world, { PORT: '0' }), name: 'killHttp-serve' });
    try {
      const postId = await world.addPost('Selling a bike. Write to me through the forum.');
      await server.start();
      const port = server.port as number;
      const tag = Math.random().toString(36).slice(2, 8);
      const emails = Array.from({ length: size.submissions }, (_, i) => `asker${i}.${tag}@mail.example.net`);
      const answers = new Map<string, Answer>();
      let refused = 0;
      let kills = 0;
      let flooding = true;

      // The kills are spread over the flood: each waits for a share of the submissions to be answered.
      const killing = (async () => {
        for (let k = 1; k <= size.kills && flooding; k += 1) {
          const due = Math.floor((k * size.submissions) / (size.kills + 1)) + Math.floor(Math.random() * 20);
          while (flooding && answers.size < due) await sleep(5);
          if (!flooding) return;
          await server.kill();
          kills += 1;
          await server.start();
        }
      })();

      const floodDeadline = Date.now() + 10 * 60_000;
      await eachLimited(emails, size.concurrency, async (email) => {
        const body = JSON.stringify({ email, posts: [postId], scope: 'all', relationship: 'author', consent: true });
        for (;;) {
          const answer = await post(port, body);
          // Refused: nothing was sent, so trying again is what any client does, and cannot store anything twice.
          if ('error' in answer && answer.error === 'ECONNREFUSED' && Date.now() < floodDeadline) {
            refused += 1;
            await sleep(100);
            continue;
          }
          answers.set(email, answer);
          return;
        }
      });
      flooding = false;
      await killing;

      const box = world.runtime.appDeps.box;
      const stored = rowsOf(await world.database.db.execute(sql`SELECT id, email_hash FROM requests`)) as { id: string; email_hash: string }[];
      const storedByHash = new Map<string, string[]>();
      for (const row of stored) storedByHash.set(row.email_hash, [...(storedByHash.get(row.email_hash) ?? []), String(row.id)]);
      const withOutbox = new Set(
        (rowsOf(await world.database.db.execute(sql`SELECT payload->>'requestId' AS id FROM outbox WHERE job = 'mail.render'`)) as { id: string }[]).map((r) => r.id),
      );

      let accepted = 0;
      let lost = 0;
      let serverErrors = 0;
      let clientErrors = 0;
      let storedAfterError = 0;
      let cut = 0;
      let cutStored = 0;
      const problems: string[] = [];
      for (const email of emails) {
        const answer = answers.get(email);
        const ids = storedByHash.get(box.lookupHash(email)) ?? [];
        if (ids.length > 1) problems.push(`one submission stored ${ids.length} times`);
        if (!answer || 'error' in answer) {
          cut += 1;
          if (ids.length > 0) cutStored += 1;
          continue;
        }
        if (answer.status === 202) {
          accepted += 1;
          if (!answer.id || !ids.includes(answer.id)) {
            lost += 1;
            problems.push(`202 with id ${answer.id ?? '(none)'} but no such request stored`);
          } else if (!withOutbox.has(answer.id)) problems.push(`request ${answer.id} stored without its verify email's outbox row`);
          continue;
        }
        if (answer.status >= 500) serverErrors += 1;
        else clientErrors += 1;
        if (ids.length > 0) {
          storedAfterError += 1;
          problems.push(`a submission answered ${answer.status} was stored as ${ids.join(', ')}`);
        }
      }
      return {
        figures: { lost, serverErrors },
        details: {
          submissions: size.submissions,
          answered202: accepted,
          clientErrors,
          cutOff: cut,
          cutOffStored: cutStored,
          cutOffNotStored: cut - cutStored,
          refusedWhileDown: refused,
          stored: stored.length,
          storedAfterError,
          kills,
          restarts: server.starts - 1,
          seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
          problems: problems.slice(0, 10).join('; ') || 'none',
        },
      };
    } finally {
      await stopAll([server]);
      await world.close();
    }
  },
};
