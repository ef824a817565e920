// The one secret Erasure needs, and the keys derived from it: one per purpose, so a signing key
// never doubles as the encryption key.
import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Keys {
  /** AES-256-GCM key for requester identifiers and free text at rest: what is sealed now is sealed with it. */
  encryption: Buffer;
  /** Encryption keys of earlier secrets (ERASURE_PREVIOUS_SECRETS): they still open what they sealed until `keys rotate`. */
  previousEncryption: Buffer[];
  /** HMAC key for status and verification links. */
  links: Buffer;
  /** HMAC key that turns an email address into a lookup hash. */
  lookup: Buffer;
}

const derive = (secret: string, purpose: string) => Buffer.from(hkdfSync('sha256', secret, 'erasure', purpose, 32));

/**
 * previous lists the earlier secrets, oldest first. The lookup and link keys stay those of the oldest: rotating the
 * lookup key would make every stored email hash and kept fingerprint (removed_identifiers) match nothing, and rotating
 * the link key would break the status links requesters already hold. Only the encryption key follows the current secret.
 */
export function deriveKeys(secret: string, previous: readonly string[] = []): Keys {
  const original = previous[0] ?? secret;
  return {
    encryption: derive(secret, 'encryption'),
    previousEncryption: previous.filter((p) => p !== secret).map((p) => derive(p, 'encryption')),
    links: derive(original, 'links'),
    lookup: derive(original, 'lookup'),
  };
}

/** ERASURE_PREVIOUS_SECRETS as a list: comma-separated, oldest first, blanks ignored. */
export function previousSecrets(configured: string | undefined): string[] {
  return (configured ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
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

/** The keys of this configuration: ERASURE_SECRET (or the generated one) and ERASURE_PREVIOUS_SECRETS. */
export function loadKeys(config: { ERASURE_SECRET?: string | undefined; ERASURE_PREVIOUS_SECRETS?: string | undefined; ERASURE_DATA_DIR: string }): Keys {
  return deriveKeys(loadSecret(config.ERASURE_SECRET, config.ERASURE_DATA_DIR), previousSecrets(config.ERASURE_PREVIOUS_SECRETS));
}
