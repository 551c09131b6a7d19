/**
 * Secrets never reach a log line, whatever key they sit under and however deep: a value
 * the app stored as a secret is known by value (lib/server/secrets.ts remembers what it
 * encrypts or decrypts), and bearer tokens, JWTs and credential query parameters are
 * recognised by shape, in messages, error stacks and URLs too.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError, toErrorShape } from "@/lib/errors";
import { captureLog } from "@/lib/server/log-capture";
import { decryptSecret, encryptSecret } from "@/lib/server/secrets";

const key = randomBytes(32);
const CLIENT_SECRET = "PLANTED-logs-client-secret-Kq9~z";
const PASTED_TOKEN = "PLANTED-logs-pasted-token-Vb2.w";
const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ1MSIsImFwcGlkIjoiYSJ9.c2lnbmF0dXJlLXBsYW50ZWQ";

const capture = () => captureLog("trace");

/** The secrets as a connection save leaves them: encrypted, and the token read back once. */
function plantInConnection() {
  encryptSecret(CLIENT_SECRET, key);
  decryptSecret(encryptSecret(PASTED_TOKEN, key), key);
}

describe("secrets in logs", () => {
  it("a stored secret under any key name, 5 deep, in an array, a message, an error and a URL query never reaches the log", () => {
    plantInConnection();
    const { log, text } = capture();
    log.info({ x: CLIENT_SECRET }, "under an innocent key");
    log.info({ a: { b: { c: { d: { e: { x: PASTED_TOKEN } } } } } }, "five deep");
    log.info({ list: [[{ value: CLIENT_SECRET }]] }, "in arrays");
    log.warn(`refused: the body was {"client_secret":"${CLIENT_SECRET}"}`);
    log.error({ err: new Error(`upstream said: invalid token ${PASTED_TOKEN}`) }, "graph failed");
    log.error({ err: new AppError("graph_unauthorized", `401 for ${PASTED_TOKEN}`, { cause: new Error(`cause ${CLIENT_SECRET}`) }) }, "wrapped");
    log.info({ url: `https://graph.example/v1.0/users?access_token=${encodeURIComponent("raw-query-token-1")}&$top=5` }, "request");
    log.info({ url: `https://login.example/token?client_secret=raw-query-secret-2&grant_type=client_credentials` }, "token request");
    log.info({ y: `Bearer ${JWT}` }, "header copy under another name");
    log.info({ z: JWT }, "a bare JWT");
    log.info({ quoted: `he said "${CLIENT_SECRET}"` }, "escaped in JSON");
    const out = text();
    for (const leaked of [CLIENT_SECRET, PASTED_TOKEN, "raw-query-token-1", "raw-query-secret-2", JWT, JWT.split(".")[1]!]) {
      expect(out, leaked).not.toContain(leaked);
    }
    // Still useful: the rest of each line is there, and every line is still JSON.
    expect(out).toContain("five deep");
    expect(out).toContain("grant_type=client_credentials");
    expect(out).toContain("$top=5");
    for (const line of out.trim().split("\n")) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("an error shown to a person (API answer, CLI, run record) never carries a stored secret or a token", () => {
    plantInConnection();
    const error = new AppError("graph_unauthorized", `Graph answered 401: {"error":{"message":"token ${PASTED_TOKEN} is invalid"}}`, {
      hint: `Authorization: Bearer ${JWT} was refused; check secret ${CLIENT_SECRET}`,
    });
    const shown = JSON.stringify([toErrorShape(error), error, error.toJSON()]);
    for (const leaked of [PASTED_TOKEN, CLIENT_SECRET, JWT]) expect(shown).not.toContain(leaked);
    expect(toErrorShape(error).message).toMatch(/^Graph answered 401: .*is invalid/);
  });

  it("short or ordinary values are not taken for secrets (nothing ordinary is censored)", () => {
    encryptSecret("eu", key);
    const { log, text } = capture();
    log.info({ region: "eu", note: "Europe is eu" }, "ok");
    expect(JSON.parse(text())).toMatchObject({ region: "eu", note: "Europe is eu" });
  });
});
