/**
 * Structured logs (pino) with secret redaction configured once: nothing logs a token,
 * a secret or a full Authorization header.
 */
import pino, { type Logger } from "pino";

const SECRET_KEYS = [
  "password",
  "secret",
  "clientSecret",
  "client_secret",
  "accessToken",
  "access_token",
  "token",
  "apiToken",
  "authorization",
  "Authorization",
  "cookie",
];

/** Every secret-looking key at the top level and up to three levels down (pino paths are exact). */
export const redactedPaths = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);

let instance: Logger | undefined;

export function logger(): Logger {
  instance ??= pino({
    level: process.env.LOG_LEVEL ?? "info",
    redact: { paths: redactedPaths, censor: "[redacted]" },
    base: { app: "entra-port-builder" },
  });
  return instance;
}
