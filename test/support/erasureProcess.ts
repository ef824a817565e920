// Erasure's own `work` or `serve` command as a child process, for the tests that kill, freeze and restart it:
// started from the TypeScript sources with tsx's loader, counted ready on the log line the command writes when it
// is up. Its log goes to TEST_LOG_DIR (at debug, for the scan of test logs for PII) or nowhere.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, renameSync, type WriteStream, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { World } from './world';

export type ErasureCommand = 'work' | 'serve';

export interface ErasureProcessOptions {
  command: ErasureCommand;
  /** Erasure's settings (DATABASE_URL, REDIS_URL, QUEUE_PREFIX…); the parent's environment is not passed on. */
  env: Record<string, string>;
  /** Names its log file, and it in error messages: e.g. "killWorkers-worker-1". */
  name: string;
  /** How long a start may take before it counts as failed; a loaded 2-core machine needs a while. */
  readyTimeoutMs?: number;
}

export interface ErasureProcess {
  readonly name: string;
  /** The running child's pid, undefined between a kill and the next start. */
  readonly pid: number | undefined;
  /** The port `serve` listens on; after the first start it is kept, so that a restart answers at the same address. */
  readonly port: number | undefined;
  /** How many times it was started. */
  readonly starts: number;
  /** Starts the command and resolves when it says it is up (workers started, or HTTP listening). */
  start(): Promise<void>;
  /** Sends SIGKILL and resolves when the child is gone. Nothing to do when it is not running. */
  kill(): Promise<void>;
  /** SIGSTOP: the child holds its jobs and connections but runs no code, as a hung process would. */
  freeze(): void;
  /** SIGCONT after freeze(). */
  thaw(): void;
  /** Kills the child if it runs and closes its log file: for afterAll and finally. */
  stop(): Promise<void>;
}

const repoRoot = path.resolve(__dirname, '../..');

/**
 * How a child runs the sources. tsx's loader compiles each of ~200 files at every start (3–4 s on a busy machine);
 * one esbuild bundle of the same sources, made once per test process, starts in under 2 s, which matters when a
 * test restarts workers twenty times. The bundle sits under dist/ (ignored by git) so that node_modules, the
 * templates and the migrations resolve as they do from src/.
 */
let entry: Promise<string[]> | undefined;
function childEntry(): Promise<string[]> {
  entry ??= (async () => {
    const esbuild = await import('esbuild');
    const built = await esbuild.build({ entryPoints: [path.join(repoRoot, 'src/cli.ts')], bundle: true, platform: 'node', format: 'cjs', packages: 'external', write: false, logLevel: 'warning' });
    const code = built.outputFiles[0]?.contents;
    if (!code) throw new Error('esbuild made no bundle of src/cli.ts');
    // Named by its content and moved into place whole: test processes that build the same sources at once share one
    // file, and none can start a child from a half-written one.
    const dir = path.join(repoRoot, 'dist', 'test-children');
    const outfile = path.join(dir, `cli-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`);
    const partial = `${outfile}.${process.pid}.partial`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(partial, code);
    renameSync(partial, outfile);
    return [outfile];
  })();
  return entry;
}
const readyMessage: Record<ErasureCommand, string> = { work: 'workers started', serve: 'Erasure is listening' };
/** Every child still alive, so that none outlives the test process even when a test forgets or fails. */
const living = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of living) child.kill('SIGKILL');
});

export function erasureProcess(options: ErasureProcessOptions): ErasureProcess {
  const logDir = process.env.TEST_LOG_DIR;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let port: number | undefined;
  let starts = 0;
  let log: WriteStream | undefined;

  function openLog(): WriteStream | undefined {
    if (!logDir) return undefined;
    mkdirSync(logDir, { recursive: true });
    log ??= createWriteStream(path.join(logDir, `${options.name}.log`), { flags: 'a' });
    return log;
  }

  async function start(): Promise<void> {
    const entryArgs = await childEntry();
    if (child) throw new Error(`${options.name} is already running`);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      // Debug only where the lines are kept: the ready line is at info, and info costs less on a busy machine.
      LOG_LEVEL: logDir ? 'debug' : 'info',
      HOST: '127.0.0.1',
      ...options.env,
      // After the first start, the port it picked (PORT=0) is kept: clients find the restarted server where it was.
      ...(port !== undefined ? { PORT: String(port) } : {}),
    };
    const spawned = spawn(process.execPath, [...entryArgs, options.command], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = spawned;
    starts += 1;
    living.add(spawned);
    const sink = openLog();
    exited = new Promise((resolve) =>
      spawned.once('exit', () => {
        living.delete(spawned);
        if (child === spawned) child = undefined;
        resolve();
      }),
    );
    // Kept only to explain a failed start: start-up errors name settings, never a person.
    const stderrTail: string[] = [];
    createInterface({ input: spawned.stderr as NodeJS.ReadableStream }).on('line', (line) => {
      sink?.write(`${line}\n`);
      stderrTail.push(line);
      if (stderrTail.length > 20) stderrTail.shift();
    });
    const lines = createInterface({ input: spawned.stdout as NodeJS.ReadableStream });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`${options.name} was not ready within ${options.readyTimeoutMs ?? 60_000} ms`)), options.readyTimeoutMs ?? 60_000);
      let waiting = true;
      function fail(error: Error): void {
        if (!waiting) return;
        waiting = false;
        clearTimeout(timer);
        spawned.kill('SIGKILL');
        reject(error);
      }
      lines.on('line', (line) => {
        sink?.write(`${line}\n`);
        if (!waiting || !line.includes(readyMessage[options.command])) return;
        try {
          const entry = JSON.parse(line) as { msg?: string; port?: number };
          if (entry.msg !== readyMessage[options.command]) return;
          if (options.command === 'serve' && typeof entry.port === 'number') port = entry.port;
        } catch {
          return;
        }
        waiting = false;
        clearTimeout(timer);
        resolve();
      });
      spawned.once('exit', (code, signal) => fail(new Error(`${options.name} exited (${signal ?? code}) before it was ready:\n${stderrTail.join('\n')}`)));
    });
  }

  async function kill(): Promise<void> {
    if (!child) return;
    child.kill('SIGKILL');
    await exited;
  }

  function signal(name: NodeJS.Signals): void {
    if (!child) throw new Error(`${options.name} is not running`);
    child.kill(name);
  }

  return {
    name: options.name,
    get pid() {
      return child?.pid;
    },
    get port() {
      return port;
    },
    get starts() {
      return starts;
    },
    start,
    async kill() {
      await kill();
    },
    freeze: () => signal('SIGSTOP'),
    thaw: () => signal('SIGCONT'),
    async stop() {
      await kill();
      await new Promise<void>((resolve) => (log ? log.end(resolve) : resolve()));
      log = undefined;
    },
  };
}

/** Stops every one of these processes (afterAll, finally), each waited for, even when one of them fails. */
export async function stopAll(processes: ErasureProcess[]): Promise<void> {
  await Promise.allSettled(processes.map((p) => p.stop()));
}

/** The settings a child needs to be part of a test world: its database, forum, queues, mail server and secret. */
export function childEnvOf(world: World, extra: Record<string, string> = {}): Record<string, string> {
  const { config } = world;
  if (!world.database.url) throw new Error('a child process needs a PostgreSQL database: run with TEST_DATABASE_URL');
  return {
    DATABASE_URL: world.database.url,
    FORUM_URL: config.FORUM_URL ?? world.database.url,
    REDIS_URL: config.REDIS_URL,
    QUEUE_PREFIX: config.QUEUE_PREFIX,
    SMTP_URL: config.SMTP_URL ?? '',
    ERASURE_SECRET: config.ERASURE_SECRET ?? '',
    ERASURE_DATA_DIR: config.ERASURE_DATA_DIR,
    PUBLIC_URL: world.baseUrl,
    FOUR_EYES: String(config.FOUR_EYES),
    INTAKE_RATE_LIMIT: String(config.INTAKE_RATE_LIMIT),
    REDACT_MAX_ATTEMPTS: String(config.REDACT_MAX_ATTEMPTS),
    JOB_LOCK_MS: String(config.JOB_LOCK_MS),
    ...extra,
  };
}
