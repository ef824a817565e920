// Encryption at rest for what a requester tells us: AES-256-GCM, a fresh nonce per value, stored as base64url
// "v2.<key id>.<nonce>.<tag>.<ciphertext>". The key id names the key that sealed it, so that after a change of
// secret the box opens old values with the previous key and `erasure keys rotate` finds what still needs resealing.
// Values sealed before key ids existed ("v1.<nonce>.<tag>.<ciphertext>") are opened by whichever known key fits.
import { createCipheriv, createDecipheriv, createHash, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

export interface SecretBox {
  seal(plain: string): string;
  open(box: string): string;
  /** A keyed hash for looking a value up without storing it: equal inputs give equal hashes. */
  lookupHash(value: string): string;
  /** The id of the key seal uses now. */
  readonly currentKeyId: string;
  /** Whether a sealed value is sealed under the current key (else rotation reseals it). */
  isCurrent(box: string): boolean;
}

/** A short public name for a key: a hash of it, which tells nothing of the key. */
export function keyId(keyBytes: Buffer): string {
  return createHash('sha256').update('erasure key id').update(keyBytes).digest('base64url').slice(0, 8);
}

function openWith(key: KeyObject, nonce: string, tag: string, body: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export function createSecretBox(encryptionKeyBytes: Buffer, lookupKeyBytes: Buffer, previousKeyBytes: readonly Buffer[] = []): SecretBox {
  // Key objects made once: handing raw bytes to every cipher makes Node build a key object per call.
  const currentKeyId = keyId(encryptionKeyBytes);
  const keys = new Map<string, KeyObject>([[currentKeyId, createSecretKey(encryptionKeyBytes)]]);
  for (const bytes of previousKeyBytes) if (!keys.has(keyId(bytes))) keys.set(keyId(bytes), createSecretKey(bytes));
  const encryptionKey = keys.get(currentKeyId) as KeyObject;
  const lookupKey = createSecretKey(lookupKeyBytes);
  const currentPrefix = `v2.${currentKeyId}.`;
  return {
    currentKeyId,
    seal(plain) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${currentPrefix}${[nonce, cipher.getAuthTag(), body].map((p) => p.toString('base64url')).join('.')}`;
    },
    open(box) {
      const parts = box.split('.');
      if (parts[0] === 'v2' && parts.length === 5) {
        const [, id, nonce, tag, body] = parts as [string, string, string, string, string];
        const key = keys.get(id);
        if (!key) throw new Error(`sealed with an unknown key (${id}): list its secret in ERASURE_PREVIOUS_SECRETS`);
        return openWith(key, nonce, tag, body);
      }
      if (parts[0] === 'v1' && parts.length === 4) {
        const [, nonce, tag, body] = parts as [string, string, string, string];
        // GCM's tag tells a wrong key from the right one.
        for (const key of keys.values()) {
          try {
            return openWith(key, nonce, tag, body);
          } catch {
            // not this key
          }
        }
        throw new Error('sealed with an unknown key: list its secret in ERASURE_PREVIOUS_SECRETS');
      }
      throw new Error('not a sealed value');
    },
    isCurrent(box) {
      return box.startsWith(currentPrefix);
    },
    lookupHash(value) {
      return createHmac('sha256', lookupKey).update(value.trim().toLowerCase()).digest('base64url');
    },
  };
}
