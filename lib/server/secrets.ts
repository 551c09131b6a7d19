/**
 * Secrets at rest (client secrets, pasted tokens): AES-256-GCM with the app's 32-byte
 * key (ENCRYPTION_KEY, or the generated key file). Each value gets a fresh 12-byte IV;
 * the auth tag makes tampering or a wrong key fail loudly instead of yielding garbage.
 * Stored form: `v1:<iv>:<tag>:<ciphertext>` in base64url, so the format can evolve.
 * Decryption takes a key ring (current key first): a key rotation interrupted after the new
 * key was installed leaves rows under the previous key (lib/server/key-rotation.ts).
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError, rememberSecret } from "../errors";

const VERSION = "v1";

export function encryptSecret(plaintext: string, key: Buffer): string {
  if (key.length !== 32) throw new Error("encryption key must be 32 bytes");
  rememberSecret(plaintext);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(":");
}

export function decryptSecret(stored: string, keys: Buffer | readonly Buffer[]): string {
  const ring = Buffer.isBuffer(keys) ? [keys] : keys;
  let failure: unknown;
  // AES-GCM's tag makes a wrong key fail, never yield garbage: trying each key is safe.
  for (const key of ring) {
    try {
      return decryptWith(stored, key);
    } catch (error) {
      failure = error;
    }
  }
  throw failure ?? new AppError("secret_unreadable", "No encryption key is configured.", { status: 500 });
}

function decryptWith(stored: string, key: Buffer): string {
  const [version, iv, tag, data] = stored.split(":");
  if (version !== VERSION || !iv || !tag || data === undefined) {
    throw new AppError("secret_unreadable", "A stored secret is not in a format this version can read.", {
      status: 500,
      hint: "Enter the secret again in the project's connection settings.",
    });
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
    // Known by value from here on, so no log line or error message can carry it.
    rememberSecret(plaintext);
    return plaintext;
  } catch (error) {
    throw new AppError("secret_unreadable", "A stored secret could not be decrypted.", {
      status: 500,
      hint: "The encryption key changed (ENCRYPTION_KEY or the data folder's encryption-key file). Restore it, or enter the secret again.",
      cause: error,
    });
  }
}
