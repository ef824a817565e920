// The one secret Erasure needs, and the keys derived from it: one per purpose, so a signing key
// never doubles as the encryption key.
import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Keys {
  /** AES-256-GCM key for requester identifiers and free text at rest. */
  encryption: Buffer;
  /** HMAC key for status and verification links. */
  links: Buffer;
  /** HMAC key that turns an email address into a lookup hash. */
  lookup: Buffer;
}

export function deriveKeys(secret: string): Keys {
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', secret, 'erasure', purpose, 32));
  return { encryption: derive('encryption'), links: derive('links'), lookup: derive('lookup') };
}

/** ERASURE_SECRET when set; else the embedded default keeps a generated one in the data directory. */
export function loadSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
