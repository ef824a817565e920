// Sends one HTTP request exactly as given — any bytes as the body, any header value — and reads the whole answer.
// supertest and fetch tidy what they send (they encode bodies, refuse odd headers): a fuzzer must not be tidied.
import http from 'node:http';

export interface RawRequest {
  method: string;
  /** Path and query, already escaped. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  ms: number;
}

/** One keep-alive agent per base URL's caller: thousands of requests must not open thousands of sockets. */
export function rawClient(baseUrl: string, timeoutMs = 15_000) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  return {
    send(request: RawRequest): Promise<RawResponse> {
      const started = performance.now();
      return new Promise((resolve, reject) => {
        const req = http.request(
          { host: url.hostname, port: url.port, method: request.method, path: request.path, headers: { ...request.headers, ...(request.body ? { 'content-length': String(request.body.length) } : {}) }, agent, timeout: timeoutMs },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - started }));
            res.on('error', reject);
          },
        );
        req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end(request.body);
      });
    },
    close() {
      agent.destroy();
    },
  };
}

/** %-escapes every byte of a string's UTF-8 but the unreserved ones: safe in a path or a query, whatever it holds. */
export function escapeBytes(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
