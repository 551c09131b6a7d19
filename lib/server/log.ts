/**
 * Structured logs (pino) with secret redaction configured once: nothing logs a token,
 * a secret, a password or a full Authorization header.
 *
 * Redaction is by key name pattern at any depth, applied to the finished JSON line: a
 * fixed list of exact paths misses `id_token`, `refresh_token`, `apiKey` or a secret six
 * levels down in an upstream error, and serializers (errors, causes) run after pino's
 * own redaction paths would have been matched.
 */
import pino, { type DestinationStream, type Logger } from "pino";
import { scrubSecrets } from "../errors";

/** Any key containing one of these (case-insensitive) has its whole value replaced. */
export const SECRET_KEY_PATTERN = /token|secret|password|passwd|authorization|cookie|key|assertion|credential/i;
export const CENSOR = "[redacted]";
/** Deeper than this, a value is dropped rather than walked (a log line is not a data dump). */
const MAX_DEPTH = 64;

function redactValue(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = SECRET_KEY_PATTERN.test(key) ? CENSOR : redactValue(inner, depth + 1);
  return out;
}

/**
 * One finished log line with every secret-looking key's value replaced, then every known
 * secret value and credential-shaped string (bearer token, JWT, `?access_token=`) censored
 * wherever it sits: under a key named `x`, in a message, a stack or a URL.
 */
export function redactLogLine(line: string): string {
  return scrubSecrets(redactSecretKeys(line));
}

function redactSecretKeys(line: string): string {
  // Most lines name no such key at all: leave them untouched.
  if (!SECRET_KEY_PATTERN.test(line)) return line;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return line;
  }
  return `${JSON.stringify(redactValue(parsed, 0))}\n`;
}

/** A logger with the app's settings; tests pass their own destination to read the output. */
export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? "info"): Logger {
  const options = { level, base: { app: "entra-port-builder" }, hooks: { streamWrite: redactLogLine } };
  return destination ? pino(options, destination) : pino(options);
}

let instance: Logger | undefined;

export function logger(): Logger {
  instance ??= createLogger();
  return instance;
}
