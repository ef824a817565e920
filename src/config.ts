// One typed reading of the environment. Nothing configured means the embedded default:
// PGlite and the demo forum under ./data, mail written as .eml files, a generated secret.
import { isIP } from 'node:net';
import { z } from 'zod';
import { type ForumMapping, parseForumMapping } from './forum/postgres/mapping';
import { parseWordpressMapping, type WordpressMapping } from './forum/mysql/wordpressMapping';

const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((value) => protocols.some((p) => value.startsWith(`${p}:`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Express's names for address ranges, beside addresses and CIDR ranges, in TRUST_PROXY. */
const proxyRanges = ['loopback', 'linklocal', 'uniquelocal'];
const isProxyAddress = (entry: string): boolean => {
  if (proxyRanges.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
};

/**
 * Which proxies' X-Forwarded-For and X-Forwarded-Proto Erasure believes (Express's `trust proxy`): false, a hop
 * count, or the proxies' addresses. 'true' is refused: it would let any client choose its address, and so its
 * rate limit.
 */
const TrustProxy = z
  .string()
  .trim()
  .refine((v) => v !== 'true', { message: "true would believe any client's X-Forwarded-For: give the number of proxies in front of Erasure, or their addresses" })
  .refine((v) => v === 'true' || v === 'false' || /^\d{1,2}$/.test(v) || v.split(',').every((entry) => isProxyAddress(entry.trim())), {
    message: 'must be false, a number of proxies (1), or a comma-separated list of proxy addresses, CIDR ranges or loopback, linklocal, uniquelocal',
  })
  .transform((v): boolean | number | string[] => (v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v.split(',').map((entry) => entry.trim())));

const Env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    PUBLIC_URL: z.string().url().optional(),
    ERASURE_DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: url(['postgres', 'postgresql']).optional(),
    REDIS_URL: url(['redis', 'rediss']).default('redis://127.0.0.1:6379'),
    QUEUE_PREFIX: z.string().regex(/^[\w-]+$/).default('erasure'),
    SMTP_URL: url(['smtp', 'smtps']).optional(),
    MAIL_FROM: z.string().min(3).default('Erasure <privacy@localhost>'),
    FORUM_URL: url(['postgres', 'postgresql', 'mysql', 'mariadb']).optional(),
    FORUM_MAPPING: z.string().optional(),
    FORUM_POST_URL: z
      .string()
      .refine((v) => v.includes('{id}'), { message: 'must contain {id}, where the post id goes' })
      .optional(),
    /** The secret shared with the forum: signs the webhooks it sends Erasure and those Erasure sends it. */
    FORUM_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Where Erasure sends redaction.applied and request.completed; needs FORUM_WEBHOOK_SECRET. */
    FORUM_WEBHOOK_URL: url(['http', 'https']).optional(),
    /** How many times a webhook to FORUM_WEBHOOK_URL is tried, and the first wait between tries (it doubles each time). */
    FORUM_WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
    FORUM_WEBHOOK_RETRY_MS: z.coerce.number().int().min(10).default(5000),
    ERASURE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Earlier secrets, comma-separated, oldest first: they open what they sealed until `erasure keys rotate`; the oldest keeps lookup hashes and links. */
    ERASURE_PREVIOUS_SECRETS: z
      .string()
      .refine((v) => v.split(',').every((s) => s.trim() === '' || s.trim().length >= 32), { message: 'each comma-separated secret must be at least 32 characters' })
      .optional(),
    /** Days after a request closes before its identifiers and free text are erased (audit, state and dates stay). */
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    INTAKE_RATE_LIMIT: z.coerce.number().int().min(0).default(10),
    /** Requests one API token may make per minute on the moderation and admin API; 0 lifts the limit. */
    API_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
    /** A proxy on the same machine (nginx, Caddy) is believed out of the box; one elsewhere must be named. */
    TRUST_PROXY: TrustProxy.default(['loopback']),
    REVIEW_DEADLINE_DAYS: z.coerce.number().int().min(1).max(30).default(30),
    VERIFY_LINK_HOURS: z.coerce.number().int().min(1).default(48),
    UNVERIFIED_EXPIRY_DAYS: z.coerce.number().int().min(1).default(7),
    REDACT_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
    // z.coerce.boolean would read "false" as true: only the two words are accepted.
    FOUR_EYES: z
      .enum(['true', 'false'], { message: 'must be true or false' })
      .default('true')
      .transform((value) => value === 'true'),
    DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
    DIGEST_TIMEZONE: z.string().refine(isTimeZone, { message: 'must be an IANA time zone such as UTC or Europe/Paris' }).default('UTC'),
  })
  .strict();

/**
 * FORUM_POST_URL defaults to the demo forum's pages on this server; FORUM_MAPPING arrives parsed: as the WordPress
 * mapping when FORUM_URL is mysql:// or mariadb:// (forumMapping then keeps the reference schema's), else as forumMapping.
 */
export type Config = z.infer<typeof Env> & { publicUrl: string; FORUM_POST_URL: string; forumMapping: ForumMapping; wordpressMapping?: WordpressMapping };

/** A WordPress (or bbPress) forum is reached through MySQL or MariaDB. */
export const isWordpressForumUrl = (url: string | undefined): boolean => /^(mysql|mariadb):/.test(url ?? '');

/** Variables we read; anything else starting with ERASURE_ is a typo we refuse. */
const known = new Set(Object.keys(Env.shape));
/** Not Erasure's: the test suite's log folder, which the processes a test starts inherit. */
const notOurs = new Set(['ERASURE_TEST_LOG_DIR']);

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const ours: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') ours[key] = value;
  }
  const unknown = Object.keys(env).filter((k) => k.startsWith('ERASURE_') && !known.has(k) && !notOurs.has(k));
  if (unknown.length > 0) throw new ConfigError(`unknown setting ${unknown.join(', ')}: see the README's configuration table`);
  const parsed = Env.safeParse(ours);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${lines.join('; ')}`);
  }
  const config = parsed.data;
  if (config.FORUM_WEBHOOK_URL && !config.FORUM_WEBHOOK_SECRET) {
    throw new ConfigError('invalid configuration: FORUM_WEBHOOK_URL: needs FORUM_WEBHOOK_SECRET, the secret that signs what Erasure sends there');
  }
  const publicUrl = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
  let forumMapping: ForumMapping;
  let wordpressMapping: WordpressMapping | undefined;
  try {
    const wordpress = isWordpressForumUrl(config.FORUM_URL);
    forumMapping = parseForumMapping(wordpress ? undefined : config.FORUM_MAPPING);
    if (wordpress) wordpressMapping = parseWordpressMapping(config.FORUM_MAPPING);
  } catch (error) {
    throw new ConfigError(`invalid configuration: ${(error as Error).message}`);
  }
  return { ...config, publicUrl, FORUM_POST_URL: config.FORUM_POST_URL ?? `${publicUrl}/demo/posts/{id}`, forumMapping, ...(wordpressMapping ? { wordpressMapping } : {}) };
}
