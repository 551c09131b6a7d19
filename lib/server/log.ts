/**
 * Structured logs (pino) with secret redaction configured once: nothing logs a token,
 * a secret or a full Authorization header.
 */
import pino, { type Logger } from "pino";

export const redactedPaths = [
  "password",
  "*.password",
  "secret",
  "*.secret",
  "clientSecret",
  "*.clientSecret",
  "client_secret",
  "*.client_secret",
  "accessToken",
  "*.accessToken",
  "access_token",
  "*.access_token",
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "req.headers.cookie",
];

let instance: Logger | undefined;

export function logger(): Logger {
  instance ??= pino({
    level: process.env.LOG_LEVEL ?? "info",
    redact: { paths: redactedPaths, censor: "[redacted]" },
    base: { app: "entra-port-builder" },
  });
  return instance;
}
