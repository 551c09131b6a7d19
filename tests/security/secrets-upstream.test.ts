/**
 * An upstream that echoes what it was sent (a Graph 401 whose body quotes the token, a
 * Port refusal that quotes the client secret or the Authorization header) never carries
 * the secret into an error message, an API error answer or a sync run record. Real HTTP
 * on a loopback port; the clients are the app's own.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError, scrubSecretsDeep, toErrorShape } from "@/lib/errors";
import { isGraphError } from "@/lib/graph/errors";
import { createGraphClient } from "@/lib/graph/client";
import { staticTokenProvider } from "@/lib/graph/token-providers";
import { createPortClient } from "@/lib/port/client";
import { decryptSecret, encryptSecret } from "@/lib/server/secrets";
import { serveFetchHandler, type ServedHandler } from "@/lib/simulators/serve";
import { errorEntry } from "@/lib/sync/recorder";

const key = randomBytes(32);
const PASTED_TOKEN = "PLANTED-upstream-pasted-token-Hj5.q";
const PORT_SECRET = "PLANTED-upstream-port-secret-Lm6~r";
const PORT_ACCESS_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwb3J0LWNsaWVudCJ9.cG9ydC1zaWduYXR1cmU";

let echo: ServedHandler;
const seen: string[] = [];

beforeAll(async () => {
  // As the builder uses them: saved encrypted, read back decrypted to make the client.
  decryptSecret(encryptSecret(PASTED_TOKEN, key), key);
  decryptSecret(encryptSecret(PORT_SECRET, key), key);
  echo = await serveFetchHandler(async (request) => {
    const url = new URL(request.url);
    const body = await request.text();
    const authorization = request.headers.get("authorization") ?? "";
    seen.push(`${request.method} ${url.pathname} ${authorization} ${body}`);
    if (url.pathname.startsWith("/api/sim/graph/")) {
      return Response.json({ error: { code: "InvalidAuthenticationToken", message: `Access token is invalid: ${authorization}` } }, { status: 401 });
    }
    if (url.pathname.endsWith("/v1/auth/access_token") && body.includes("wrong")) {
      return Response.json({ ok: false, error: "unauthorized", message: `Bad credentials in ${body}` }, { status: 401 });
    }
    if (url.pathname.endsWith("/v1/auth/access_token")) return Response.json({ ok: true, accessToken: PORT_ACCESS_TOKEN, expiresIn: 3600, tokenType: "Bearer" });
    return Response.json({ ok: false, error: "invalid_request", message: `Refused request with ${authorization}: ${body.slice(0, 200)}` }, { status: 422 });
  });
});
afterAll(() => echo.close());

/** Every way an error reaches a person or a record: message, hint, API answer, run record. */
function everythingShown(error: unknown): string {
  const shown: unknown[] = [toErrorShape(error), errorEntry("write", error), errorEntry("fetch", error)];
  if (isAppError(error)) shown.push(error.toJSON(), { message: error.message, hint: error.hint });
  return JSON.stringify(shown);
}

describe("secrets echoed by upstream answers", () => {
  it("a Graph 401 that quotes the pasted token: the error and its records do not", async () => {
    const client = createGraphClient({
      cloud: "global",
      tokenProvider: staticTokenProvider(PASTED_TOKEN),
      graphBaseUrl: `${echo.url}/api/sim/graph/v1.0`,
      simulatorOrigins: [echo.url],
      retry: { maxAttempts: 1 },
    });
    const error = await client.request("/users").then(() => null, (e: unknown) => e);
    expect(seen.some((line) => line.includes(PASTED_TOKEN))).toBe(true); // it was sent, and echoed
    expect(isAppError(error)).toBe(true);
    const shown = everythingShown(error);
    expect(shown).toContain("Access token is invalid");
    expect(shown).not.toContain(PASTED_TOKEN);
    // The body Graph answered is kept on the error for the Explore screen: censored as it is shown.
    expect(isGraphError(error) && error.response).toBeTruthy();
    const body = isGraphError(error) ? error.response?.body : null;
    expect(JSON.stringify(body)).toContain(PASTED_TOKEN);
    expect(scrubSecretsDeep(body)).toEqual({ error: { code: "InvalidAuthenticationToken", message: "Access token is invalid: Bearer [redacted]" } });
  });

  it("a Port 401 that quotes the client secret, and a refusal that quotes the Authorization header: neither reaches the error", async () => {
    const wrong = createPortClient({ baseUrl: `${echo.url}/api/sim/port`, clientId: "wrong-client", clientSecret: PORT_SECRET, retry: { maxAttempts: 1 } });
    const authError = await wrong.checkCredentials().then(() => null, (e: unknown) => e);
    expect(seen.some((line) => line.includes(PORT_SECRET))).toBe(true);
    expect(authError).toMatchObject({ code: "port_auth_failed" });
    expect(everythingShown(authError)).not.toContain(PORT_SECRET);

    const client = createPortClient({ baseUrl: `${echo.url}/api/sim/port`, clientId: "port-client", clientSecret: PORT_SECRET, retry: { maxAttempts: 1 } });
    // Port refuses the entity: the result's per-entity failures are what a run records.
    const result = await client.upsertEntities("entraUser", [{ identifier: "u1", title: "U1", properties: {}, relations: {} }]);
    expect(seen.some((line) => line.includes(PORT_ACCESS_TOKEN))).toBe(true);
    expect(result.failures).toHaveLength(1);
    const recorded = JSON.stringify(result);
    expect(recorded).toContain("Refused request with Bearer [redacted]");
    for (const leaked of [PORT_ACCESS_TOKEN, PORT_SECRET]) expect(recorded).not.toContain(leaked);
  });
});
