import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { DaenaError, ErrorCode } from './errors.js';

const prefix = 'enc:v1:';

/**
 * Secrets at rest (e.g. the API keys admins give models): AES-256-GCM with a key derived by
 * HKDF-SHA256 from a deployment secret and a purpose, so one secret serves several uses without
 * their keys being related. A sealed value is `enc:v1:` + base64url(iv ‖ tag ‖ ciphertext); the
 * tag makes a tampered or wrongly keyed value fail to open rather than decrypt to garbage.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    if (secret.length < 16) throw new Error('a SecretBox needs a secret of at least 16 characters');
    this.key = Buffer.from(hkdfSync('sha256', secret, 'daena', purpose, 32));
  }

  static isSealed(value: string): boolean {
    return value.startsWith(prefix);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return prefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The plaintext of a sealed value; a value stored before sealing began is returned as is. */
  open(value: string): string {
    if (!SecretBox.isSealed(value)) return value;
    const raw = Buffer.from(value.slice(prefix.length), 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      throw new DaenaError(
        ErrorCode.INTERNAL_SERVER_ERROR,
        'A stored secret does not open with this deployment’s key (was the secret changed?)',
        'SECRET_UNREADABLE',
      );
    }
  }
}
