/**
 * What the builder's server-side functions need, passed in rather than read from globals
 * so tests can hand them a temp database and simulators served on loopback.
 */
import type { Db } from "../server/db";

/** Where the demo tenant and demo Port are reached, and how. */
export interface DemoEndpoints {
  /** Origin the demo services answer on (loopback). */
  origin: string;
  graphBaseUrl: string;
  loginBaseUrl: string;
  portBaseUrl: string;
  /** In the app: the simulators' handlers called in-process; in tests: real HTTP. */
  fetch: typeof fetch;
}

export interface BuilderDeps {
  db: Db;
  /** 32 bytes: encrypts stored secrets (lib/server/secrets.ts). */
  encryptionKey: Buffer;
  /** Keys stored secrets are read with (default: `encryptionKey` alone); see AppEnv.decryptionKeys. */
  decryptionKeys?: readonly Buffer[];
  /** Null when SIMULATORS=off. */
  demo: DemoEndpoints | null;
  extraAllowedHosts: readonly string[];
}
