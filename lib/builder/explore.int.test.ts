import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { saveGraphConnection } from "./connections";
import { exploreRequest, fetchAllRequest, type FetchAllEvent } from "./contracts";
import { saveDocument, getDocument } from "./documents";
import { fetchAllPages, sendExplore, sendNextPage } from "./explore";
import { inferSampleFields } from "./fields";
import { cancelFetchAllRun, startFetchAllRun } from "./fetch-all-runs";
import { deleteSample, listSamples, loadSample, SampleAccumulator, SAMPLE_MAX_ITEMS } from "./samples";
import { createBuilderTestbed, type BuilderTestbed } from "./testing";

let bed: BuilderTestbed;
beforeAll(async () => {
  bed = await createBuilderTestbed();
});
afterAll(() => bed.close());

async function demoProject(clientId: "demo-client" | "demo-client-limited" = "demo-client"): Promise<string> {
  const id = await bed.project();
  await saveGraphConnection(bed.deps, bed.alice, id, { mode: "demo", clientId });
  return id;
}

async function collect(gen: AsyncGenerator<FetchAllEvent>): Promise<FetchAllEvent[]> {
  const out: FetchAllEvent[] = [];
  for await (const e of gen) out.push(e);
  return out;
}

describe("explore", () => {
  it("sends a request with $select, keeps the page as the endpoint's sample, and follows two next pages", async () => {
    const id = await demoProject();
    const first = await sendExplore(bed.deps, bed.alice, id, { path: "/users", query: { $select: "id,displayName,accountEnabled", $top: "100" }, consistencyLevelEventual: false });
    expect(first.graphError).toBeNull();
    expect(first.status).toBe(200);
    expect(first.itemCount).toBe(100);
    expect(first.hasNextPage).toBe(true);
    expect(first.request).toBe("/users?$select=id%2CdisplayName%2CaccountEnabled&$top=100");
    expect(Object.keys((first.body as { value: object[] }).value[0]!).sort()).toEqual(["accountEnabled", "displayName", "id"]);
    // The nextLink stays on the server: the browser gets only "there is a next page".
    expect(JSON.stringify(first.sample)).not.toContain("skiptoken");

    const second = await sendNextPage(bed.deps, bed.alice, id, "/users");
    const third = await sendNextPage(bed.deps, bed.alice, id, "/users");
    expect([second.itemCount, third.itemCount]).toEqual([100, 50]);
    expect(third.hasNextPage).toBe(false);
    const kept = await loadSample(bed.deps, bed.alice, id, "/users");
    expect(kept.summary).toMatchObject({ itemCount: 250, pages: 3, hasNextPage: false, truncated: null });
    expect(new Set(kept.items.map((u) => (u as { id: string }).id)).size).toBe(250);
    const end = await sendNextPage(bed.deps, bed.alice, id, "/users").catch((e: unknown) => e);
    expect(isAppError(end) && end.code).toBe("no_next_page");
  });

  it("shows Graph's error with the client's explanation, and keeps no sample of it", async () => {
    const id = await demoProject("demo-client-limited");
    const res = await sendExplore(bed.deps, bed.alice, id, { path: "/groups", query: {}, consistencyLevelEventual: false });
    expect(res.status).toBe(403);
    expect(res.graphError?.hint).toMatch(/Group\.Read\.All/);
    expect((res.body as { error?: { code?: string } }).error?.code).toBe("Authorization_RequestDenied");
    expect(await listSamples(bed.deps, bed.alice, id)).toEqual([]);

    const bad = await sendExplore(bed.deps, bed.alice, id, { path: "/users", query: { $top: "1000" }, consistencyLevelEventual: false });
    expect(bad.status).toBe(400);
    expect(bad.graphError?.hint).toMatch(/between 1 and 999/);
  });

  it("refuses URLs, placeholders and query strings in the path at the boundary", () => {
    for (const path of ["https://graph.microsoft.com/v1.0/users", "//evil.example/users", "/users/../../x", "/groups/{group_id}/members", "/users?$top=5"]) {
      expect(exploreRequest.safeParse({ path }).success, path).toBe(false);
    }
    expect(exploreRequest.parse({ path: "users" }).path).toBe("/users");
    expect(fetchAllRequest.safeParse({ path: "/users", maxPages: 0 }).success).toBe(false);
  });

  it("fetches all pages with progress events and keeps them as one sample", async () => {
    const id = await demoProject();
    const events = await collect(fetchAllPages(bed.deps, bed.alice, id, { path: "/users", query: { $top: "60", $select: "id" }, consistencyLevelEventual: false, maxPages: 100 }));
    const progress = events.filter((e) => e.type === "progress");
    expect(progress.map((e) => e.items)).toEqual([60, 120, 180, 240, 250]);
    const done = events.at(-1)!;
    expect(done).toMatchObject({ type: "done", pages: 5, items: 250, complete: true, reason: null });
    expect((await loadSample(bed.deps, bed.alice, id, "/users")).summary).toMatchObject({ itemCount: 250, pages: 5, hasNextPage: false });
  });

  it("stops at the page limit and says more pages remain", async () => {
    const id = await demoProject();
    const events = await collect(fetchAllPages(bed.deps, bed.alice, id, { path: "/users", query: { $top: "50" }, consistencyLevelEventual: false, maxPages: 2 }));
    expect(events.at(-1)).toMatchObject({ type: "done", pages: 2, items: 100, complete: false, reason: expect.stringMatching(/limit of 2 pages/) });
    expect((await loadSample(bed.deps, bed.alice, id, "/users")).summary.hasNextPage).toBe(true);
  });

  it("cancels between pages and keeps what was read, saying so", async () => {
    const id = await demoProject();
    const controller = new AbortController();
    const events: FetchAllEvent[] = [];
    for await (const e of fetchAllPages(bed.deps, bed.alice, id, { path: "/users", query: { $top: "10" }, consistencyLevelEventual: false, maxPages: 100, signal: controller.signal })) {
      events.push(e);
      if (e.type === "progress" && e.pages === 3) controller.abort();
    }
    expect(events.at(-1)).toMatchObject({ type: "done", pages: 3, items: 30, complete: false, reason: "Cancelled after 3 pages." });
    expect((await loadSample(bed.deps, bed.alice, id, "/users")).summary.itemCount).toBe(30);
  });

  it("cancels by the project's run (the way DELETE explore/fetch-all does), ending with the count kept", async () => {
    const id = await demoProject();
    const run = startFetchAllRun(id);
    const events: FetchAllEvent[] = [];
    try {
      for await (const e of fetchAllPages(bed.deps, bed.alice, id, { path: "/users", query: { $top: "10" }, consistencyLevelEventual: false, maxPages: 100, signal: run.signal })) {
        events.push(e);
        if (e.type === "progress" && e.pages === 2) expect(cancelFetchAllRun(id)).toBe(true);
      }
    } finally {
      run.release();
    }
    expect(events.at(-1)).toMatchObject({ type: "done", pages: 2, items: 20, reason: "Cancelled after 2 pages." });
    expect(cancelFetchAllRun(id)).toBe(false);
    // A new run of the same project cancels the one before it.
    const first = startFetchAllRun(id);
    const second = startFetchAllRun(id);
    expect([first.signal.aborted, second.signal.aborted]).toEqual([true, false]);
    first.release();
    expect(cancelFetchAllRun(id)).toBe(true);
  });

  it("reports a fetch error as the last event and keeps the pages read before it", async () => {
    const id = await demoProject();
    bed.graph.faults.add({ path: "/users", fault: { type: "status", status: 403, code: "Authorization_RequestDenied" }, after: 2, times: 100 });
    try {
      const events = await collect(fetchAllPages(bed.deps, bed.alice, id, { path: "/users", query: { $top: "20" }, consistencyLevelEventual: false, maxPages: 100 }));
      const last = events.at(-1)!;
      expect(last.type).toBe("error");
      if (last.type === "error") expect(last.sample?.itemCount).toBe(last.items);
    } finally {
      bed.graph.faults.clear();
    }
  });

  it("answers another user's project as not found", async () => {
    const id = await demoProject();
    const error = await sendExplore(bed.deps, bed.bob, id, { path: "/users", query: {}, consistencyLevelEventual: false }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("project_not_found");
    expect(await listSamples(bed.deps, bed.bob, id).catch((e: unknown) => (isAppError(e) ? e.code : e))).toBe("project_not_found");
    expect(await deleteSample(bed.deps, bed.bob, id, "/users").catch((e: unknown) => (isAppError(e) ? e.code : e))).toBe("project_not_found");
  });
});

describe("fields of a sample", () => {
  it("infers types, presence and the default set over every kept item", async () => {
    const id = await demoProject();
    await collect(fetchAllPages(bed.deps, bed.alice, id, { path: "/users", query: { $top: "100", $select: "id,displayName,accountEnabled,signInActivity" }, consistencyLevelEventual: false, maxPages: 10 }));
    const answer = await inferSampleFields(bed.deps, bed.alice, id, "/users");
    expect(answer.inference.items).toBe(250);
    const byPath = new Map(answer.inference.fields.map((f) => [f.path, f]));
    expect(byPath.get(".accountEnabled")).toMatchObject({ type: "boolean", presence: 1, inDefaultSet: false });
    expect(byPath.get(".displayName")).toMatchObject({ type: "string", inDefaultSet: true });
    expect(byPath.get(".signInActivity.lastSignInDateTime")?.format).toBe("date-time");
    expect(byPath.has(".mail")).toBe(false);
  });
});

describe("sample bounds", () => {
  it("cuts at 5,000 items and says how much was kept", () => {
    const acc = new SampleAccumulator();
    acc.addAll(Array.from({ length: SAMPLE_MAX_ITEMS + 10 }, (_, i) => ({ id: String(i) })));
    expect(acc.items).toHaveLength(SAMPLE_MAX_ITEMS);
    expect(acc.truncated).toBe("Kept the first 5,000 items: a sample holds at most 5,000.");
  });

  it("cuts at 20 MB of JSON", () => {
    const acc = new SampleAccumulator();
    const big = { id: "x", blob: "y".repeat(1024 * 1024) };
    acc.addAll(Array.from({ length: 30 }, () => big));
    expect(acc.items).toHaveLength(19);
    expect(acc.bytes).toBeLessThanOrEqual(20 * 1024 * 1024);
    expect(acc.truncated).toMatch(/^Kept the first 19 items \(19\.0 MB\): a sample holds at most 20 MB\.$/);
  });
});

describe("step documents", () => {
  it("saves with a version and refuses a save based on an older one", async () => {
    const id = await bed.project();
    const empty = await getDocument(bed.deps, bed.alice, id, "fields");
    expect(empty).toMatchObject({ content: null, version: 0 });
    const content = { resources: { "/users": { picked: [".id", ".mail"], identifier: ".id", title: ".displayName" } } };
    const v1 = await saveDocument(bed.deps, bed.alice, id, "fields", 0, content);
    expect(v1.version).toBe(1);
    const stale = await saveDocument(bed.deps, bed.alice, id, "fields", 0, content).catch((e: unknown) => e);
    expect(isAppError(stale) && [stale.code, stale.status]).toEqual(["document_changed", 409]);
    expect((await getDocument(bed.deps, bed.alice, id, "fields")).content).toEqual(content);
  });

  it("refuses an invalid document with the path of the problem", async () => {
    const id = await bed.project();
    const error = await saveDocument(bed.deps, bed.alice, id, "fields", 0, { resources: { "/users": { picked: "x" } } }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("invalid_document");
    expect(isAppError(error) && error.message).toMatch(/^resources\.\/users\.picked: /);
  });
});
