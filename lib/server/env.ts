/**
 * The app's configuration: environment variables validated once with zod.
 * A bad value stops start-up with one line that names the variable (`EnvError`).
 * Zero configuration works: the secrets the app needs are generated on first start into
 * the data folder (file mode 0600) when not given, and reused afterwards.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { forbiddenAddressProblem } from "../net/addresses";
import { readPreviousKeys } from "./key-rotation";

const hostPort = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

const onOff = z
  .enum(["on", "off", "true", "false", "1", "0"], { error: 'must be "on" or "off"' })
  .transform((v) => v === "on" || v === "true" || v === "1");

/** Every variable the app reads, with its default. README's configuration table mirrors this. */
export const envSchema = z
  .object({
    PORT: z.coerce
      .number({ error: "must be a whole number between 1 and 65535" })
      .int("must be a whole number between 1 and 65535")
      .min(1, "must be a whole number between 1 and 65535")
      .max(65535, "must be a whole number between 1 and 65535")
      .default(3000),
    // Loopback by default: the first visit creates the administrator, and the demo
    // simulators' credentials are public, so nobody else on the network should reach it.
    HOST: z
      .string()
      .regex(/^(\[[0-9a-fA-F:.]+\]|[0-9a-fA-F:.]+|[A-Za-z0-9.-]+)$/, "must be an address to listen on, such as 127.0.0.1 or 0.0.0.0")
      .default("127.0.0.1"),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: z
      .string()
      .regex(/^file:.+/, "must be a SQLite URL such as file:./data/app.db")
      .optional(),
    NEXTAUTH_URL: z.url().optional(),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    ENCRYPTION_KEY: z
      .string()
      .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded")
      .optional(),
    SESSION_MAX_AGE_HOURS: z.coerce
      .number({ error: "must be a number of hours" })
      .positive("must be more than 0 hours")
      .max(24 * 30, "must be at most 720 hours (30 days)")
      .default(12),
    SIMULATORS: onOff.default(true),
    EXTRA_ALLOWED_HOSTS: z
      .string()
      .default("")
      .transform((v) => v.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean))
      .refine((hosts) => hosts.every((h) => hostPort.test(h)), "must be a comma-separated list of host[:port]")
      // Refused at every call anyway (lib/net/addresses.ts); said at start-up instead of at the first sync.
      .superRefine((hosts, ctx) => {
        for (const h of hosts) {
          const problem = URL.canParse(`http://${h}`) ? forbiddenAddressProblem(new URL(`http://${h}`).hostname) : null;
          if (problem) ctx.addIssue({ code: "custom", message: `lists ${h}, ${problem}: the builder never calls such an address` });
        }
      }),
    // Names this builder answers to besides NEXTAUTH_URL's host (and loopback names on a
    // loopback or wildcard bind): state changes and sign-in from any other Host are refused,
    // so a DNS-rebinding page cannot reach them.
    SERVED_HOSTS: z
      .string()
      .default("")
      .transform((v) => v.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean))
      .refine((hosts) => hosts.every((h) => hostPort.test(h)), "must be a comma-separated list of host[:port]"),
    // Behind a reverse proxy every connection comes from the proxy: with this on, the
    // client address (sign-in limits) is the last X-Forwarded-For entry, which the proxy adds.
    TRUST_PROXY: onOff.default(false),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "must be one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
    AUTH_ENTRA_ID_TENANT_ID: z.string().min(1).optional(),
    AUTH_ENTRA_ID_CLIENT_ID: z.string().min(1).optional(),
    AUTH_ENTRA_ID_CLIENT_SECRET: z.string().min(1).optional(),
  })
  .superRefine((v, ctx) => {
    // A multi-tenant authority would let any tenant's admin mint a user with our
    // administrator's email address and sign in as them: one tenant only.
    if (v.AUTH_ENTRA_ID_TENANT_ID && ["common", "organizations", "consumers"].includes(v.AUTH_ENTRA_ID_TENANT_ID.toLowerCase())) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_ENTRA_ID_TENANT_ID"],
        message: "must be your tenant's ID or primary domain, not a multi-tenant authority",
      });
    }
    const entra = [v.AUTH_ENTRA_ID_TENANT_ID, v.AUTH_ENTRA_ID_CLIENT_ID, v.AUTH_ENTRA_ID_CLIENT_SECRET];
    const set = entra.filter((x) => x !== undefined).length;
    if (set !== 0 && set !== 3) {
      ctx.addIssue({
        code: "custom",
        path: [v.AUTH_ENTRA_ID_TENANT_ID ? (v.AUTH_ENTRA_ID_CLIENT_ID ? "AUTH_ENTRA_ID_CLIENT_SECRET" : "AUTH_ENTRA_ID_CLIENT_ID") : "AUTH_ENTRA_ID_TENANT_ID"],
        message: "Entra ID sign-in needs AUTH_ENTRA_ID_TENANT_ID, AUTH_ENTRA_ID_CLIENT_ID and AUTH_ENTRA_ID_CLIENT_SECRET together",
      });
    }
  });

type RawEnv = z.infer<typeof envSchema>;

export interface AppEnv extends Omit<RawEnv, "NEXTAUTH_SECRET" | "ENCRYPTION_KEY" | "DATABASE_URL"> {
  /** Absolute path of the data folder. */
  dataDir: string;
  DATABASE_URL: string;
  /** Absolute path of the SQLite file. */
  databaseFile: string;
  NEXTAUTH_SECRET: string;
  /** 32-byte key that encrypts stored credentials. */
  encryptionKey: Buffer;
  /**
   * Keys secrets are read with: the current one, then those an interrupted key rotation
   * kept (`encryption-key.previous`, lib/server/key-rotation.ts), so nothing stored becomes
   * unreadable mid-rotation. New secrets are always written under `encryptionKey`.
   */
  decryptionKeys: Buffer[];
  entraSignIn: { tenantId: string; clientId: string; clientSecret: string } | null;
}

export class EnvError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Invalid environment variable ${variable}: ${detail}`);
    this.name = "EnvError";
  }
}

/** Reads a secret file from the data folder, or creates it (0600) with `make()` on first use. */
function loadOrCreateSecret(file: string, make: () => string): string {
  try {
    fs.writeFileSync(file, make(), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const value = fs.readFileSync(file, "utf8").trim();
  if (!value) throw new EnvError(path.basename(file), `the generated secret file ${file} is empty; delete it to regenerate`);
  return value;
}

/** Resolves `file:./x.db` against the working directory, like Prisma's CLI does for this project. */
function sqliteFile(url: string): string {
  return path.resolve(url.slice("file:".length));
}

export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  // Treat empty strings as unset, the way a blank line in a .env file is meant.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    const given = cleaned[variable];
    const secret = /SECRET|KEY/.test(variable);
    throw new EnvError(variable, `${issue.message}${given !== undefined && !secret ? ` (got "${given}")` : ""}`);
  }
  const raw = parsed.data;
  const dataDir = path.resolve(raw.DATA_DIR);
  // The folder holds password hashes, encrypted secrets and the key: owner only.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const DATABASE_URL = raw.DATABASE_URL ?? `file:${path.join(dataDir, "app.db")}`;
  const NEXTAUTH_SECRET =
    raw.NEXTAUTH_SECRET ?? loadOrCreateSecret(path.join(dataDir, "nextauth-secret"), () => randomBytes(48).toString("base64url"));
  const keyText =
    raw.ENCRYPTION_KEY ?? loadOrCreateSecret(path.join(dataDir, "encryption-key"), () => randomBytes(32).toString("base64"));
  const encryptionKey = Buffer.from(keyText, "base64");
  if (encryptionKey.length !== 32) throw new EnvError("ENCRYPTION_KEY", `the key file in ${dataDir} is not 32 bytes of base64`);
  const { AUTH_ENTRA_ID_TENANT_ID: tenantId, AUTH_ENTRA_ID_CLIENT_ID: clientId, AUTH_ENTRA_ID_CLIENT_SECRET: clientSecret } = raw;
  return {
    ...raw,
    dataDir,
    DATABASE_URL,
    databaseFile: sqliteFile(DATABASE_URL),
    NEXTAUTH_SECRET,
    encryptionKey,
    decryptionKeys: [encryptionKey, ...(raw.ENCRYPTION_KEY ? [] : readPreviousKeys(dataDir))],
    entraSignIn: tenantId && clientId && clientSecret ? { tenantId, clientId, clientSecret } : null,
  };
}

let cached: AppEnv | undefined;

/** The validated environment of this process (parsed on first use, then cached). */
export function env(): AppEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests only: forget the cached environment. */
export function resetEnvForTests(): void {
  cached = undefined;
}
