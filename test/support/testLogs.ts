// Where the logs of a test go. During the suite (TEST_LOG_DIR set by the global setup) every Erasure a test
// starts writes its lines at debug level into a file of that run's folder, which the log scan reads after both
// passes; outside the suite they are silent, or printed at TEST_LOG_LEVEL.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { logRedaction } from '../../src/runtime';
import { testLogDir } from './testPii';

export interface TestLog {
  log: Logger;
  /** Closes the file; lines logged afterwards are dropped (a late job event must not throw). */
  close(): void;
}

/** Lines appended to a file with plain synchronous writes: nothing buffered is lost when a test ends. */
function appendingFile(file: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  let fd: number | null = openSync(file, 'a');
  return {
    write(line: string) {
      if (fd !== null) writeSync(fd, line);
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

/** A logger for one Erasure in a test, named after it (its queue prefix, say); `also` receives every line too. */
export function openTestLog(name: string, also?: NodeJS.WritableStream): TestLog {
  const dir = testLogDir();
  const shown = process.env.TEST_LOG_LEVEL;
  const streams: pino.StreamEntry[] = [];
  let file: ReturnType<typeof appendingFile> | undefined;
  if (dir) {
    file = appendingFile(path.join(dir, 'worlds', `${name}-${process.pid}.log`));
    streams.push({ level: 'debug', stream: file });
  }
  if (also) streams.push({ level: 'trace', stream: also });
  if (shown && shown !== 'silent') streams.push({ level: shown as pino.Level, stream: process.stdout });
  if (streams.length === 0) return { log: pino({ level: 'silent' }), close: () => undefined };
  const lowest = streams.some((s) => s.level === 'trace') ? 'trace' : streams.some((s) => s.level === 'debug') ? 'debug' : (streams[0]?.level ?? 'info');
  return { log: pino({ level: lowest, redact: logRedaction }, pino.multistream(streams)), close: () => file?.close() };
}
