// A forum's webhook endpoint for tests: a real HTTP server on port 0 that keeps every request it receives (raw body
// and headers) and answers with whatever status the test decides for that body.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { id: string; type: string; occurredAt: string; data: Record<string, unknown> };
  answered: number;
}

export interface ForumReceiver {
  url: string;
  received: Received[];
  /** Decides the status of each POST; 200 unless the test sets it. */
  answer: (body: Received['body'], raw: string) => number;
  /** Resolves with the received requests once `enough` holds of them (checked as each one arrives). */
  waitFor(enough: (received: Received[]) => boolean, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startForumReceiver(): Promise<ForumReceiver> {
  const waiters = new Set<() => void>();
  const receiver: ForumReceiver = {
    url: '',
    received: [],
    answer: () => 200,
    waitFor(enough, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!enough(receiver.received)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(receiver.received);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the forum received ${receiver.received.length} webhook(s), not what the test waited for`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // fetch keeps connections alive: end them, or close would wait for their idle timeout.
        server.closeAllConnections();
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw) as Received['body'];
      const status = receiver.answer(body, raw);
      receiver.received.push({ headers: req.headers, raw, body, answered: status });
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status >= 300 ? 'down for maintenance' : 'ok');
      for (const waiter of [...waiters]) waiter();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/erasure-hooks`;
  return receiver;
}
