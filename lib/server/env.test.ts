import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

let dir: string;
beforeEach(() => {
  // A folder that does not exist yet, so parseEnv creates it (with its mode).
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "epb-env-")), "data");
});
afterEach(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

describe("parseEnv", () => {
  it("works with zero configuration and generates its secrets once, mode 0600", () => {
    const first = parseEnv({ DATA_DIR: dir });
    expect(first.PORT).toBe(3000);
    expect(first.HOST).toBe("127.0.0.1");
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(first.SIMULATORS).toBe(true);
    expect(first.DATABASE_URL).toBe(`file:${path.join(dir, "app.db")}`);
    expect(first.encryptionKey).toHaveLength(32);
    expect(first.NEXTAUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    for (const file of ["nextauth-secret", "encryption-key"]) {
      expect(fs.statSync(path.join(dir, file)).mode & 0o777).toBe(0o600);
    }
    const second = parseEnv({ DATA_DIR: dir });
    expect(second.NEXTAUTH_SECRET).toBe(first.NEXTAUTH_SECRET);
    expect(second.encryptionKey.equals(first.encryptionKey)).toBe(true);
  });

  it("reads secrets with the keys an interrupted rotation kept, and writes new ones under the current key only", async () => {
    const { encryptSecret, decryptSecret } = await import("./secrets");
    const before = parseEnv({ DATA_DIR: dir });
    const stored = encryptSecret("client-secret", before.encryptionKey);
    // What rotate-key leaves after installing the new key and before its transaction commits.
    fs.writeFileSync(path.join(dir, "encryption-key.previous"), `${before.encryptionKey.toString("base64")}\n`);
    fs.writeFileSync(path.join(dir, "encryption-key"), Buffer.alloc(32, 9).toString("base64"));
    const during = parseEnv({ DATA_DIR: dir });
    expect(during.encryptionKey.equals(Buffer.alloc(32, 9))).toBe(true);
    expect(decryptSecret(stored, during.decryptionKeys)).toBe("client-secret");
    expect(() => decryptSecret(stored, during.encryptionKey)).toThrow(/could not be decrypted/);
    // ENCRYPTION_KEY names the one key: a stray file of the data folder is not read.
    expect(parseEnv({ DATA_DIR: dir, ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64") }).decryptionKeys).toHaveLength(1);
  });

  it("uses given secrets instead of generating files", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    const config = parseEnv({ DATA_DIR: dir, ENCRYPTION_KEY: key, NEXTAUTH_SECRET: "x".repeat(40) });
    expect(config.encryptionKey.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(fs.existsSync(path.join(dir, "encryption-key"))).toBe(false);
  });

  it.each([
    [{ PORT: "seventy" }, /^Invalid environment variable PORT: must be a whole number between 1 and 65535 \(got "seventy"\)$/],
    [{ PORT: "70000" }, /^Invalid environment variable PORT: must be a whole number between 1 and 65535/],
    [{ SIMULATORS: "maybe" }, /^Invalid environment variable SIMULATORS: must be "on" or "off" \(got "maybe"\)$/],
    [{ SESSION_MAX_AGE_HOURS: "0" }, /^Invalid environment variable SESSION_MAX_AGE_HOURS: must be more than 0 hours/],
    [{ LOG_LEVEL: "loud" }, /^Invalid environment variable LOG_LEVEL: must be one of fatal, error/],
    [{ DATABASE_URL: "postgres://x" }, /^Invalid environment variable DATABASE_URL: must be a SQLite URL/],
    [{ EXTRA_ALLOWED_HOSTS: "ok.example.com, https://bad/" }, /^Invalid environment variable EXTRA_ALLOWED_HOSTS: must be a comma-separated list/],
    [{ ENCRYPTION_KEY: "short" }, /^Invalid environment variable ENCRYPTION_KEY: must be 32 bytes, base64-encoded$/],
    [{ AUTH_ENTRA_ID_TENANT_ID: "t" }, /^Invalid environment variable AUTH_ENTRA_ID_CLIENT_ID: Entra ID sign-in needs/],
    [
      { AUTH_ENTRA_ID_TENANT_ID: "common", AUTH_ENTRA_ID_CLIENT_ID: "c", AUTH_ENTRA_ID_CLIENT_SECRET: "s" },
      /^Invalid environment variable AUTH_ENTRA_ID_TENANT_ID: must be your tenant's ID or primary domain/,
    ],
    [{ HOST: "http://0.0.0.0" }, /^Invalid environment variable HOST: must be an address to listen on/],
    [{ SERVED_HOSTS: "builder.example.com, http://evil/" }, /^Invalid environment variable SERVED_HOSTS: must be a comma-separated list of host\[:port\]/],
    [{ TRUST_PROXY: "yes" }, /^Invalid environment variable TRUST_PROXY: must be "on" or "off"/],
  ])("rejects %o with one line naming the variable", (vars, message) => {
    let error: unknown;
    try {
      parseEnv({ DATA_DIR: dir, ...vars });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("never echoes a secret's value in the error", () => {
    expect(() => parseEnv({ DATA_DIR: dir, ENCRYPTION_KEY: "hunter2-secret" })).toThrow(/^(?!.*hunter2).*$/);
  });

  it("parses EXTRA_ALLOWED_HOSTS and SIMULATORS=off", () => {
    const config = parseEnv({ DATA_DIR: dir, EXTRA_ALLOWED_HOSTS: " Graph.Proxy.example:8443 ,127.0.0.1", SIMULATORS: "off" });
    expect(config.EXTRA_ALLOWED_HOSTS).toEqual(["graph.proxy.example:8443", "127.0.0.1"]);
    expect(config.SIMULATORS).toBe(false);
  });

  it("refuses EXTRA_ALLOWED_HOSTS naming a private or metadata address, saying which", () => {
    expect(() => parseEnv({ DATA_DIR: dir, EXTRA_ALLOWED_HOSTS: "graph.proxy.example,169.254.169.254" })).toThrow(/EXTRA_ALLOWED_HOSTS.*169\.254\.169\.254.*never calls/);
    expect(() => parseEnv({ DATA_DIR: dir, EXTRA_ALLOWED_HOSTS: "10.0.0.5:8443" })).toThrow(/10\.0\.0\.5:8443/);
    expect(parseEnv({ DATA_DIR: dir, EXTRA_ALLOWED_HOSTS: "127.0.0.1:9000" }).EXTRA_ALLOWED_HOSTS).toEqual(["127.0.0.1:9000"]);
  });

  it("parses SERVED_HOSTS and TRUST_PROXY (off unless set)", () => {
    expect(parseEnv({ DATA_DIR: dir }).TRUST_PROXY).toBe(false);
    const config = parseEnv({ DATA_DIR: dir, SERVED_HOSTS: " Builder.Example.com ,10.0.0.5:8443", TRUST_PROXY: "on" });
    expect(config.SERVED_HOSTS).toEqual(["builder.example.com", "10.0.0.5:8443"]);
    expect(config.TRUST_PROXY).toBe(true);
  });
});
