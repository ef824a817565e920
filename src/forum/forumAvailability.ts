// The forum's database is another server, and it goes away: a restart, a failover, a cut network. Its connection
// errors become one ForumUnavailable, whose message names an error code and nothing else (never SQL, never a
// post), so that the workers wait for the forum instead of giving up, and moderators and requesters can be told.
import { DomainError } from '../domain/errors';
import type { ForumStore } from './port';

export class ForumUnavailable extends DomainError {
  /** For moderators and the log: "forum database unreachable (ECONNREFUSED)". */
  readonly summary: string;
  constructor(readonly reason: string) {
    super('forum_unavailable', 503, `the forum database cannot be reached just now (${reason}): please try again in a few minutes`);
    this.summary = `forum database unreachable (${reason})`;
  }
}

/** Socket and driver codes that mean the server is away, not that the query is wrong. */
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // mysql2
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  // PostgreSQL: the server is shutting down, crashed, or not yet accepting connections.
  '57P01',
  '57P02',
  '57P03',
]);

/** pg (a connection lost mid-query, a pool wait that timed out) and mysql2 (a query on a connection already lost) say so by message only. */
const connectionMessages: [RegExp, string][] = [
  [/Connection terminated/i, 'connection lost'],
  [/timeout exceeded when trying to connect/i, 'connect timeout'],
  [/Client has encountered a connection error/i, 'connection lost'],
  [/Can't add new command when connection is in closed state/i, 'connection lost'],
];

/** The reason an error says the forum's server is away, or null for any other error (walks `cause`, as Drizzle wraps). */
export function unreachableReason(error: unknown): string | null {
  // Read by shape, not instanceof: an error made by node:net comes from another realm than the code's under a VM (Jest).
  let current = error as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, message, errors } = current;
    if (typeof code === 'string' && (connectionCodes.has(code) || code.startsWith('08'))) return code;
    if (typeof message === 'string') for (const [pattern, reason] of connectionMessages) if (pattern.test(message)) return reason;
    // Several addresses tried at once (localhost as ::1 and 127.0.0.1) fail together, in an AggregateError.
    if (Array.isArray(errors)) {
      const reasons = errors.map(unreachableReason).filter((r): r is string => r !== null);
      if (reasons.length > 0) return reasons[0] as string;
    }
    current = current.cause as typeof current;
  }
  return null;
}

const guarded = (error: unknown): unknown => {
  if (error instanceof ForumUnavailable) return error;
  const reason = unreachableReason(error);
  return reason ? new ForumUnavailable(reason) : error;
};

/**
 * The same store, whose connection errors are ForumUnavailable; `reached` hears of every call that got an answer,
 * so that an outage can be seen to end.
 */
export function guardForum(forum: ForumStore, reached: () => void = () => undefined): ForumStore {
  async function call<T>(work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      reached();
      return result;
    } catch (error) {
      throw guarded(error);
    }
  }
  return {
    getPost: (id) => call(() => forum.getPost(id)),
    existingPostIds: (ids) => call(() => forum.existingPostIds(ids)),
    applyRewrite: (postId, expectedHash, rewrite) => call(() => forum.applyRewrite(postId, expectedHash, rewrite)),
    deletePost: (postId, expectedHash) => call(() => forum.deletePost(postId, expectedHash)),
    async *findPostsContaining(terms, options) {
      try {
        yield* forum.findPostsContaining(terms, options);
        reached();
      } catch (error) {
        throw guarded(error);
      }
    },
  };
}
