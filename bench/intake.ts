// npm run bench:intake — POST /api/v1/requests under autocannon (50 connections, 10 s) against the real
// PostgreSQL and Redis, and in the same run a bare Express route answering 202; prints both, their ratio and p99.
// Target: intake at least 30% of the bare route's throughput, p99 under 50 ms.
// Both servers run on the Node that runs this script; for production's Node 24 on a Node 20 machine:
//   bash scripts/with-node24.sh npm run bench:intake
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import path from 'node:path';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const duration = Number(process.env.BENCH_SECONDS ?? 10);

function run(url: string, body: string): Promise<autocannon.Result> {
  return autocannon({ url, method: 'POST', connections, duration, headers: { 'content-type': 'application/json' }, body });
}

async function main() {
  const child = fork(path.join(__dirname, 'intakeServer.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const ports = await new Promise<{ intake: number; bare: number; postId: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as never));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const body = JSON.stringify({
    email: 'bench.requester@example.org',
    name: 'Bench Requester',
    identifiers: { phones: ['+33 6 12 34 56 78'], usernames: ['bench_user'] },
    posts: [ports.postId],
    scope: 'all',
    relationship: 'author',
    consent: true,
  });
  // A short warm-up of each, so that JIT and connection pools are ready before the measured runs.
  await autocannon({ url: `http://127.0.0.1:${ports.bare}/api/v1/requests`, method: 'POST', connections, duration: 2, headers: { 'content-type': 'application/json' }, body });
  await autocannon({ url: `http://127.0.0.1:${ports.intake}/api/v1/requests`, method: 'POST', connections, duration: 2, headers: { 'content-type': 'application/json' }, body });
  const bare = await run(`http://127.0.0.1:${ports.bare}/api/v1/requests`, body);
  const intake = await run(`http://127.0.0.1:${ports.intake}/api/v1/requests`, body);
  child.disconnect();

  const line = (label: string, r: autocannon.Result) =>
    `${label.padEnd(8)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   2xx ${r['2xx']}   non-2xx ${r.non2xx}   errors ${r.errors}`;
  console.log(`node ${process.version}, ${connections} connections, ${duration} s each`);
  console.log(line('bare', bare));
  console.log(line('intake', intake));
  const ratio = intake.requests.average / bare.requests.average;
  console.log(`intake/bare ${(ratio * 100).toFixed(1)}% (target >= 30%)   intake p99 ${intake.latency.p99} ms (target < 50 ms)`);
  if (intake.non2xx > 0 || intake.errors > 0) console.log('warning: intake answered non-2xx or errors during the run');
}

void main();
