// A TCP proxy in front of a real server, which a test can take down: down() cuts every open connection and closes
// the port (new connections are refused), up() opens it again. cutWhen() cuts in the middle of a conversation: the
// first time a client sends bytes holding a marker (a statement's text), those bytes are dropped, every connection
// is cut and the proxy stays down, so that a test sees what the server kept of a transaction cut short.
import { createServer, type Server, type Socket, connect } from 'node:net';

export interface TcpProxy {
  port: number;
  /** The URL with its host and port replaced by the proxy's. */
  urlThrough(url: string): string;
  down(): Promise<void>;
  up(): Promise<void>;
  /** Resolves once a client sent the marker and everything was cut. */
  cutWhen(marker: string): Promise<void>;
  /** Client connections cut so far (by down() or a cut). */
  readonly cuts: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const clients = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  let cuts = 0;
  let trap: { marker: string; fire: () => void } | undefined;

  function cutAll(): void {
    cuts += clients.size;
    for (const socket of open) socket.destroy();
    open.clear();
    clients.clear();
  }

  function accept(client: Socket): void {
    const upstream = connect(target.port, target.host);
    open.add(client);
    open.add(upstream);
    clients.add(client);
    // Bytes the client sends before the server's socket is connected are queued by net, in order.
    let tail = '';
    client.on('data', (chunk: Buffer) => {
      const text = tail + chunk.toString('latin1');
      if (trap && text.includes(trap.marker)) return trap.fire();
      tail = text.slice(-200);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
      clients.delete(client);
    };
    for (const socket of [client, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
    }
  }

  async function up(): Promise<void> {
    if (server) return;
    const listening = createServer(accept);
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(port, '127.0.0.1', () => {
        listening.off('error', reject);
        resolve();
      });
    });
    server = listening;
    const address = listening.address();
    if (typeof address === 'object' && address) port = address.port;
  }

  async function down(): Promise<void> {
    const closing = server;
    server = undefined;
    cutAll();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  }

  await up();
  return {
    get port() {
      return port;
    },
    urlThrough(url) {
      const through = new URL(url);
      through.hostname = '127.0.0.1';
      through.port = String(port);
      return through.toString();
    },
    down,
    up,
    cutWhen(marker) {
      return new Promise<void>((resolve) => {
        trap = {
          marker,
          fire: () => {
            trap = undefined;
            void down().then(resolve);
          },
        };
      });
    },
    get cuts() {
      return cuts;
    },
    close: down,
  };
}
