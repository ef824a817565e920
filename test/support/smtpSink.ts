// A real SMTP server on 127.0.0.1 that keeps every message it receives, parsed, so that a test can
// check the email a user would get. waitFor listens for arrivals instead of polling. refuse() makes it an SMTP
// server that is down or busy, until accept().
// Like a real mail server, it answers 250 as soon as it holds a message's bytes and parses them afterwards: a sink
// that parsed first, in a test process busy with a fault scenario, held the 250 back for up to a second, and a sender
// killed in that time had its message kept without knowing it (killWorkers counted those as duplicates).
import { EventEmitter, setMaxListeners } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { registerTestPii } from './testPii';

export interface SmtpSink {
  port: number;
  /** smtp://127.0.0.1:port */
  url: string;
  /** The messages kept and parsed so far, in the order they arrived; see settled() for the ones still parsing. */
  messages: ParsedMail[];
  /** When the server kept this message (Date.now() of the test process): its last byte, just before it answered 250. */
  receivedAt(message: ParsedMail): number | undefined;
  /** The SMTP envelope's recipients of each message, in the order of messages: who really got it, whatever its headers say. */
  envelopeRecipients: string[][];
  /** Resolves once every message kept so far is parsed and in `messages` (a 250 comes before the parse). */
  settled(): Promise<void>;
  /** The first message, already received or still to come, that matches; rejects after timeoutMs (default 10000). */
  waitFor(predicate: (message: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  /**
   * Until accept(), refuses mail: 'temporary' answers every MAIL FROM with 451 (a busy or failing server),
   * 'closed' greets every connection with 421 and hangs up (a server going down).
   */
  refuse(mode?: RefusalMode): void;
  accept(): void;
  /** How many times a sender was turned away (connections or MAIL FROMs). */
  readonly refusals: number;
  close(): Promise<void>;
}

export type RefusalMode = 'temporary' | 'closed';

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

export interface SmtpSinkOptions {
  /**
   * How long the server waits, after it has kept a message, before it answers 250: a slow mail server, and a window
   * in which a sender that stops has had its message accepted without knowing it.
   */
  replyDelayMs?: number;
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const arrivalTimes = new WeakMap<ParsedMail, number>();
  const envelopeRecipients: string[][] = [];
  const arrivals = new EventEmitter();
  const closing = new AbortController();
  // A fault scenario waits for dozens of emails at once: each waiter is one listener, none of them a leak.
  arrivals.setMaxListeners(0);
  setMaxListeners(0, closing.signal);
  let parsing: Promise<void> = Promise.resolve();
  // A message kept but not understood: settled() throws it at the test rather than letting the email vanish.
  const unparsed: unknown[] = [];
  let refusing: RefusalMode | null = null;
  let refusals = 0;

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    // Any credentials are accepted, so that a transport built from a URL with a user and password works too.
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anonymous' }),
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A test that forgets to close its transport should not hold the sink open for the default 30 s.
    closeTimeout: 1000,
    onConnect(_session, callback) {
      if (refusing !== 'closed') return callback();
      refusals += 1;
      callback(smtpError('Service not available, closing transmission channel', 421));
    },
    onMailFrom(_address, _session, callback) {
      if (refusing !== 'temporary') return callback();
      refusals += 1;
      callback(smtpError('Requested action aborted: try again later', 451));
    },
    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((r) => r.address);
      // Whoever gets mail is a person of the test: the log scan looks for their address too.
      registerTestPii(recipients);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('error', (error: Error) => callback(error));
      stream.once('end', () => {
        const keptAt = Date.now();
        const raw = Buffer.concat(chunks);
        // Parsed one after another, so that `messages` keeps the order of arrival.
        parsing = parsing.then(() =>
          simpleParser(raw).then(
            (message) => {
              envelopeRecipients.push(recipients);
              messages.push(message);
              arrivalTimes.set(message, keptAt);
              arrivals.emit('message', message);
            },
            (error: unknown) => {
              unparsed.push(error);
            },
          ),
        );
        if (options.replyDelayMs) setTimeout(() => callback(), options.replyDelayMs);
        else callback();
      });
    },
  });

  // A client that dies mid-session (a worker killed with SIGKILL) resets its connection: a real mail server shrugs
  // that off, and without a listener the EventEmitter would throw it at the whole test process.
  server.on('error', () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;

  function waitFor(predicate: (message: ParsedMail) => boolean, timeoutMs = 10_000): Promise<ParsedMail> {
    const already = messages.find(predicate);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        arrivals.off('message', onMessage);
        closing.signal.removeEventListener('abort', onClose);
      };
      const onMessage = (message: ParsedMail) => {
        if (!predicate(message)) return;
        finish();
        resolve(message);
      };
      const onClose = () => {
        finish();
        reject(new Error('the SMTP sink was closed while a test was still waiting for an email'));
      };
      const timer = setTimeout(() => {
        finish();
        const seen = messages.map((m) => `"${m.subject ?? ''}" to ${toText(m)}`).join('; ') || 'none';
        reject(new Error(`no matching email arrived at the SMTP sink within ${timeoutMs} ms (received: ${seen})`));
      }, timeoutMs);
      arrivals.on('message', onMessage);
      closing.signal.addEventListener('abort', onClose);
    });
  }

  let closed: Promise<void> | undefined;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    receivedAt: (message) => arrivalTimes.get(message),
    envelopeRecipients,
    async settled() {
      await parsing;
      if (unparsed.length > 0) throw new Error(`the SMTP sink kept ${unparsed.length} message(s) it could not parse: ${String(unparsed[0])}`);
    },
    waitFor,
    refuse(mode = 'temporary') {
      refusing = mode;
    },
    accept() {
      refusing = null;
    },
    get refusals() {
      return refusals;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
      });
      return closed;
    },
  };
}

function toText(message: ParsedMail): string {
  const to = message.to;
  if (to === undefined) return '?';
  return Array.isArray(to) ? to.map((address) => address.text).join(', ') : to.text;
}
