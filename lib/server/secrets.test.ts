import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secrets";

const key = randomBytes(32);

describe("secrets at rest", () => {
  it("round-trips, with a fresh IV each time and no plaintext in the stored form", () => {
    const secret = "Xy8Q~demo-secret-value.with:colons";
    const a = encryptSecret(secret, key);
    const b = encryptSecret(secret, key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("demo-secret");
    expect(decryptSecret(a, key)).toBe(secret);
    expect(decryptSecret(encryptSecret("", key), key)).toBe("");
  });

  it("refuses a wrong key or a tampered value with a hint, never garbage", () => {
    const stored = encryptSecret("s3cret", key);
    expect(() => decryptSecret(stored, randomBytes(32))).toThrow(expect.objectContaining({ code: "secret_unreadable" }));
    const parts = stored.split(":");
    const flipped = Buffer.from(parts[3]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    parts[3] = flipped.toString("base64url");
    expect(() => decryptSecret(parts.join(":"), key)).toThrow(/could not be decrypted/);
    expect(() => decryptSecret("plaintext-secret", key)).toThrow(expect.objectContaining({ code: "secret_unreadable" }));
  });
});

describe("key ring", () => {
  it("opens a value with any key of the ring, current first, and refuses when none opens it", () => {
    const previous = randomBytes(32);
    const stored = encryptSecret("under-previous", previous);
    expect(decryptSecret(stored, [key, previous])).toBe("under-previous");
    expect(decryptSecret(encryptSecret("under-current", key), [key, previous])).toBe("under-current");
    expect(() => decryptSecret(stored, [key])).toThrow(expect.objectContaining({ code: "secret_unreadable" }));
    expect(() => decryptSecret(stored, [])).toThrow(/No encryption key/);
  });
});
