/**
 * Hostile data from Graph, server side (issue 13): markup and javascript: URLs, right-to-left
 * and zero-width characters, lone surrogates, 1 MB strings, objects nested 1,000 deep,
 * 100,000-element arrays, non-JSON bodies and a 200 MB answer, served by a demo-tenant-like
 * server on loopback, through lib/graph's client and the builder's explore, samples and
 * fields functions. Each is kept as data (nothing is interpreted), bounded with a message
 * that names the bound, and the server goes on answering.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fetchAllPages, sendExplore } from "@/lib/builder/explore";
import { inferSampleFields } from "@/lib/builder/fields";
import { loadSample, SAMPLE_MAX_ITEMS } from "@/lib/builder/samples";
import { createGraphClient, staticTokenProvider } from "@/lib/graph";
import { DEFAULT_MAX_RESPONSE_BYTES } from "@/lib/graph/client";
import { graphFailure } from "@/lib/graph/testing";
import { startHostileTenantBed, type Answer, type HostileTenantBed } from "./canary";

const MB = 1024 * 1024;

function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = { level: value };
  return value;
}

/** One item with every kind of hostile value (each kept verbatim: rendering is the browser's job). */
export const HOSTILE_ITEM = {
  id: "hostile-1",
  displayName: '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 1">',
  website: "javascript:window.__pwned=1",
  rightToLeft: "invoice\u202Efdp.exe",
  zeroWidth: "ad\u200Bmin\u200C\u200D\uFEFF",
  loneSurrogates: "high \ud800 low \udfff",
  "<b onmouseover=alert(1)>key</b>": "a hostile key",
  huge: "x".repeat(MB),
  deep: nested(1_000),
  many: Array.from({ length: 100_000 }, (_, i) => i),
};

let bed: HostileTenantBed;
let nextAnswer: (path: string) => Answer;
const json = (body: unknown): Answer => ({ body: JSON.stringify(body) });

beforeAll(async () => {
  bed = await startHostileTenantBed((req) => nextAnswer(req.path));
});
afterEach(() => {
  nextAnswer = () => json({ value: [{ id: "ok" }] });
  bed.server.reset();
});
afterAll(() => bed.close());

const explore = (project: string, path = "/users") => sendExplore(bed.deps, bed.alice, project, { path, query: {}, consistencyLevelEventual: false });

/** A stream of `total` bytes in 64 KB chunks, made only as fast as the client reads. */
function* bytes(total: number): Iterable<Buffer> {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
}

describe("hostile values are kept as data, and the Fields step reads them", () => {
  it("explore keeps markup, javascript: URLs, bidi and zero-width characters and lone surrogates verbatim", async () => {
    nextAnswer = () => json({ value: [HOSTILE_ITEM] });
    const project = await bed.project();
    const res = await explore(project);
    expect(res.graphError).toBeNull();
    const item = (res.body as { value: (typeof HOSTILE_ITEM)[] }).value[0]!;
    expect([item.displayName, item.website, item.rightToLeft, item.zeroWidth, item.loneSurrogates]).toEqual([
      HOSTILE_ITEM.displayName, HOSTILE_ITEM.website, HOSTILE_ITEM.rightToLeft, HOSTILE_ITEM.zeroWidth, HOSTILE_ITEM.loneSurrogates,
    ]);
    expect([item.huge.length, item.many.length]).toEqual([MB, 100_000]);
    // What the route sends the browser is JSON: a lone surrogate is escaped, not broken UTF-8.
    expect(JSON.stringify(res)).toContain("\\ud800");

    const kept = await loadSample(bed.deps, bed.alice, project, "/users");
    expect(kept.items).toEqual([HOSTILE_ITEM]);
  });

  it("fields inference over the hostile item answers, with notes for what it did not inspect", async () => {
    nextAnswer = () => json({ value: [HOSTILE_ITEM] });
    const project = await bed.project();
    await explore(project);
    const { inference } = await inferSampleFields(bed.deps, bed.alice, project, "/users");
    const paths = inference.fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining([".displayName", ".website", ".rightToLeft", ".huge", ".many", '."<b onmouseover=alert(1)>key</b>"']));
    const notes = inference.notes.map((n) => n.code);
    expect(notes).toEqual(expect.arrayContaining(["depth_limit", "unpaired_surrogate"]));
    expect(inference.notes.find((n) => n.code === "depth_limit")?.message).toMatch(/nested deeper than \d+ levels were not inspected/);
  });

  it("a page of 100,000 items keeps the first 5,000 as the sample and says so", async () => {
    nextAnswer = () => json({ value: Array.from({ length: 100_000 }, (_, i) => ({ id: `u${i}`, displayName: `\u202EUser ${i}` })) });
    const res = await explore(await bed.project());
    expect(res.itemCount).toBe(100_000);
    expect(res.sample).toMatchObject({ itemCount: SAMPLE_MAX_ITEMS, truncated: expect.stringMatching(/Kept the first 5,000 items: a sample holds at most 5,000/) });
  });

  it("a body nested 1,000 deep at the top (not a collection) is one item, inspected to the depth limit", async () => {
    nextAnswer = () => json(nested(1_000));
    const project = await bed.project();
    const res = await explore(project, "/organization/x");
    expect([res.graphError, res.itemCount, res.sample?.itemCount]).toEqual([null, null, 1]);
    const { inference } = await inferSampleFields(bed.deps, bed.alice, project, "/organization/x");
    expect(inference.notes.map((n) => n.code)).toContain("depth_limit");
  });
});

describe("non-JSON bodies", () => {
  it("an HTML error page is shown as text with Graph's status, not parsed or rendered", async () => {
    nextAnswer = () => ({ status: 400, headers: { "content-type": "text/html" }, body: "<html><script>alert(1)</script>Bad gateway</html>" });
    const res = await explore(await bed.project());
    expect(res.status).toBe(400);
    expect(res.body).toBe("<html><script>alert(1)</script>Bad gateway</html>");
    expect(res.graphError).toMatchObject({ code: "http_400", message: "Graph answered HTTP 400." });
    expect(res.sample).toBeNull();
  });

  it("a 200 that is not JSON is an invalid_json error after a bounded number of attempts", async () => {
    nextAnswer = () => ({ headers: { "content-type": "text/plain" }, body: "{\"value\": [ cut off" });
    const waits: number[] = [];
    const client = createGraphClient({
      cloud: "global", tokenProvider: staticTokenProvider("t"), graphBaseUrl: `${bed.server.origin}/graph/v1.0`, simulatorOrigins: [bed.server.origin],
      sleep: async (ms) => void waits.push(ms), random: () => 0.5,
    });
    const e = await graphFailure(client.request("/users"));
    expect([e.code, e.message]).toEqual(["invalid_json", "Graph's answer from /users is not complete JSON (19 bytes)."]);
    expect(bed.graphRequests()).toHaveLength(waits.length + 1);
    expect(waits.length).toBe(5);
  });
});

describe("a 200 MB answer", () => {
  it("is refused while it streams in, with a message naming the cap, and the server answers the next request", async () => {
    nextAnswer = (path) => (path.startsWith("/graph/v1.0/users") ? { body: bytes(200 * MB) } : json({ value: [{ id: "after" }] }));
    const project = await bed.project();
    const heapBefore = process.memoryUsage().heapUsed;
    const res = await explore(project);
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    expect(res.graphError).toMatchObject({ code: "response_too_large", message: expect.stringMatching(/is larger than 32 MB, the most one answer may be; reading stopped there/) });
    // Read up to the cap, then the connection was cancelled: far from 200 MB left the server.
    const sent = bed.server.bytesSent();
    expect(sent).toBeGreaterThan(DEFAULT_MAX_RESPONSE_BYTES);
    expect(sent).toBeLessThan(DEFAULT_MAX_RESPONSE_BYTES + 32 * MB);
    console.log(`200 MB answer: ${(sent / MB).toFixed(1)} MB sent before the cancel, heap growth ${(heapGrowth / MB).toFixed(1)} MB`);
    const after = await explore(project, "/groups");
    expect([after.graphError, after.itemCount]).toEqual([null, 1]);
  });

  it("declared with Content-Length is refused before its body is read", async () => {
    nextAnswer = () => ({ headers: { "content-length": String(200 * MB) }, body: bytes(200 * MB) });
    const res = await explore(await bed.project());
    expect(res.graphError).toMatchObject({ code: "response_too_large" });
    expect(bed.server.bytesSent()).toBeLessThan(DEFAULT_MAX_RESPONSE_BYTES);
  });

  it("fetch all stops with the same message and keeps the pages before it", async () => {
    nextAnswer = (path) =>
      path.includes("page=2") ? { body: bytes(200 * MB) } : json({ value: [{ id: "p1" }], "@odata.nextLink": `${bed.server.origin}/graph/v1.0/users?page=2` });
    const events = [];
    for await (const e of fetchAllPages(bed.deps, bed.alice, await bed.project(), { path: "/users", query: {}, consistencyLevelEventual: false, maxPages: 5 })) events.push(e);
    expect(events.at(-1)).toMatchObject({ type: "error", pages: 1, error: { code: "response_too_large" }, sample: { itemCount: 1 } });
  });
});
