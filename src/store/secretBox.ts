// Encryption at rest for what a requester tells us: AES-256-GCM, a fresh nonce per value,
// stored as base64url "v1.<nonce>.<tag>.<ciphertext>".
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes } from 'node:crypto';

export interface SecretBox {
  seal(plain: string): string;
  open(box: string): string;
  /** A keyed hash for looking a value up without storing it: equal inputs give equal hashes. */
  lookupHash(value: string): string;
}

export function createSecretBox(encryptionKeyBytes: Buffer, lookupKeyBytes: Buffer): SecretBox {
  // Key objects made once: handing raw bytes to every cipher makes Node build a key object per call.
  const encryptionKey = createSecretKey(encryptionKeyBytes);
  const lookupKey = createSecretKey(lookupKeyBytes);
  return {
    seal(plain) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', nonce, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    open(box) {
      const [version, nonce, tag, body] = box.split('.');
      if (version !== 'v1' || !nonce || !tag || body === undefined) throw new Error('not a sealed value');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    lookupHash(value) {
      return createHmac('sha256', lookupKey).update(value.trim().toLowerCase()).digest('base64url');
    },
  };
}
