/**
 * Outbound requests of the Port client (issue 13): a Port URL on another host, a private or
 * metadata address, with userinfo or an encoded `..`, is refused before any request; a
 * redirect is never followed; the client secret and Port's token go to the Port host only.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPortClient, DEMO_PORT_PATH, PortError, type PortClientOptions } from "@/lib/port";
import { redirectTo, startCanary, startRecordingServer, type Answer, type RecordingServer } from "./canary";

let canary: RecordingServer;
/** A Port stand-in where the demo Port lives (loopback, /api/sim/port). */
let port: RecordingServer;
let nextAnswer: (path: string) => Answer;
const willingPort = (path: string): Answer =>
  path.endsWith("/v1/auth/access_token") ? { body: JSON.stringify({ accessToken: "PORT-TOKEN", expiresIn: 3600 }) } : { body: JSON.stringify({ blueprint: { identifier: "x" } }) };

beforeAll(async () => {
  nextAnswer = willingPort;
  canary = await startCanary();
  port = await startRecordingServer((req) => nextAnswer(req.path));
});
afterEach(() => {
  nextAnswer = willingPort;
  port.requests.length = 0;
});
afterAll(async () => {
  expect(canary.requests).toEqual([]);
  await port.close();
  await canary.close();
});

function client(options: Partial<PortClientOptions> = {}) {
  return createPortClient({ baseUrl: `${port.origin}${DEMO_PORT_PATH}`, clientId: "port-id", clientSecret: "PORT-SECRET", retry: { maxAttempts: 1 }, ...options });
}

function refusal(fn: () => unknown): PortError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PortError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("Port URLs pointing elsewhere are refused before any request", () => {
  it.each<[string, () => string, string[], RegExp]>([
    ["another host (the canary)", () => canary.origin, [], /is not a Port API host/],
    ["the canary, even at the demo Port's path, when the demo Port is off", () => `${canary.origin}${DEMO_PORT_PATH}`, [], /is not a Port API host/],
    ["an encoded '..' out of the demo Port's path", () => `${port.origin}${DEMO_PORT_PATH}/%2e%2e/%2E%2e/projects`, [], /is not a Port API host/],
    ["userinfo on Port's host", () => "https://a:b@api.port.io", [], /must not carry credentials/],
    ["the metadata address", () => "https://169.254.169.254", ["169.254.169.254"], /cloud metadata address \(169\.254\.169\.254\)/],
    ["the IPv6 metadata address", () => "https://[fd00:ec2::254]", ["[fd00:ec2::254]"], /fd00:ec2::254/],
    ["a private address", () => "https://172.16.5.5:8443", ["172.16.5.5:8443"], /private address \(172\.16\.0\.0\/12\)/],
    ["a private address spelled in hex", () => "https://0xc0.0xa8.1.1", ["192.168.1.1"], /private address \(192\.168\.0\.0\/16\)/],
    ["a link-local IPv6 address", () => "https://[fe80::1]", ["[fe80::1]"], /link-local address \(fe80::\/10\)/],
  ])("%s", (_what, baseUrl, extra, why) => {
    const calls: string[] = [];
    const e = refusal(() =>
      createPortClient({ baseUrl: baseUrl(), clientId: "id", clientSecret: "PORT-SECRET", extraAllowedHosts: extra, allowDemoPort: !/demo Port is off/.test(_what), fetch: async (input) => {
        calls.push(String(input));
        return Response.json({});
      } }),
    );
    expect(e.code).toBe("port_host_not_allowed");
    expect(e.message).toMatch(why);
    expect(calls).toEqual([]);
  });
});

describe("redirects", () => {
  it("a redirect from the token endpoint does not take the client secret elsewhere", async () => {
    nextAnswer = () => redirectTo(`${canary.origin}/v1/auth/access_token`, 307);
    await expect(client().checkCredentials()).rejects.toBeInstanceOf(PortError);
    expect(port.requests.map((r) => r.body)).toEqual([expect.stringContaining("PORT-SECRET")]);
  });

  it("a redirect from an API call does not take Port's token elsewhere", async () => {
    nextAnswer = (path) => (path.endsWith("/v1/auth/access_token") ? willingPort(path) : redirectTo(`${canary.origin}/v1/blueprints/x`, 302));
    await expect(client().getBlueprint("x")).rejects.toBeInstanceOf(PortError);
    expect(port.requests.map((r) => r.path)).toEqual([`${DEMO_PORT_PATH}/v1/auth/access_token`, `${DEMO_PORT_PATH}/v1/blueprints/x`]);
  });
});

it("Port's token goes to the Port host, and only there; identifiers stay inside the path", async () => {
  // The answer itself does not matter here (it is not a blueprint): where the request went does.
  await client().getBlueprint("../../../api/projects?x=1#y").catch(() => null);
  expect(port.requests.map((r) => [r.path, r.headers.authorization ?? null])).toEqual([
    [`${DEMO_PORT_PATH}/v1/auth/access_token`, null],
    [`${DEMO_PORT_PATH}/v1/blueprints/..%2F..%2F..%2Fapi%2Fprojects%3Fx%3D1%23y`, "Bearer PORT-TOKEN"],
  ]);
});

describe("a redirect is refused at once with port_redirect_refused: not followed, not retried", () => {
  // Retries on, waits free: a redirect mistaken for a network failure would be sent 10 times.
  const retrying = () => client({ retry: { maxAttempts: 10 }, sleep: async () => undefined });

  it("from the token endpoint: one request to Port (the secret), none to the canary", async () => {
    nextAnswer = () => redirectTo(`${canary.origin}/v1/auth/access_token`, 307);
    const error = await retrying().checkCredentials().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(PortError);
    expect(error).toMatchObject({
      code: "port_redirect_refused",
      message: expect.stringContaining(`with a redirect to ${canary.origin}/v1/auth/access_token; it was not followed, so the client secret was not sent there`),
      hint: expect.stringContaining("Use Port's API host itself (https://api.port.io or https://api.us.port.io)"),
    });
    expect(port.requests.map((r) => r.path)).toEqual([`${DEMO_PORT_PATH}/v1/auth/access_token`]);
    expect(canary.requests).toEqual([]);
  });

  it("from a bulk write: one token request and one bulk request to Port, none to the canary", async () => {
    nextAnswer = (path) => (path.endsWith("/v1/auth/access_token") ? willingPort(path) : redirectTo(`${canary.origin}/v1/blueprints/x/entities/bulk`, 308));
    const entities = [1, 2, 3].map((i) => ({ identifier: `e${i}`, properties: {}, relations: {} }));
    const error = await retrying().upsertEntities("x", entities).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({
      code: "port_redirect_refused",
      message: expect.stringContaining(`answered 308 with a redirect to ${canary.origin}/v1/blueprints/x/entities/bulk; it was not followed, so the token was not sent there`),
      hint: expect.stringContaining("https://api.port.io"),
    });
    expect(port.requests.map((r) => r.path.split("?")[0])).toEqual([`${DEMO_PORT_PATH}/v1/auth/access_token`, `${DEMO_PORT_PATH}/v1/blueprints/x/entities/bulk`]);
    expect(canary.requests).toEqual([]);
  });
});

describe("answer size", () => {
  const MiB = 1024 * 1024;
  /** 40 MiB of JSON-looking text, written a MiB at a time as the client reads (no declared length). */
  function* fortyMiB(): Generator<Buffer> {
    yield Buffer.from('{"blueprint":{"identifier":"x","title":"');
    for (let i = 0; i < 40; i++) yield Buffer.alloc(MiB, "a");
    yield Buffer.from('"}}');
  }

  it("a 40 MB answer is refused at the 16 MB cap while it streams in, not retried, and the client still works", async () => {
    nextAnswer = willingPort;
    const portClient = client({ retry: { maxAttempts: 10 }, sleep: async () => undefined });
    await portClient.checkCredentials();
    port.reset();
    nextAnswer = () => ({ body: fortyMiB() });
    const error = await portClient.getBlueprint("x").then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: "port_response_too_large", message: expect.stringMatching(/larger than 16 MB, the most one answer may be; reading stopped there/) });
    expect(port.requests).toHaveLength(1);
    // Reading stopped at the cap: what the server managed to write is the cap plus what the
    // sockets buffered (17 to 20 MiB measured), far from the 40 MiB it had to send.
    expect(port.bytesSent()).toBeLessThan(28 * MiB);

    nextAnswer = () => ({ body: JSON.stringify({ blueprint: { identifier: "x", title: "X", schema: { properties: {} } } }) });
    await expect(portClient.getBlueprint("x")).resolves.toMatchObject({ identifier: "x", title: "X" });
  });
});
