import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PortEntity } from "@/lib/port";
import { createTestDatabase, type TestDatabase } from "@/lib/server/db/test-db";
import { contentJson, propertyChanges } from "./diff";
import { planPage } from "./plan";
import { sqliteStateSql, type StateSql } from "./state-sql";
import { createStateStore, type StateStore } from "./state-store";

let t: TestDatabase;
let store: StateStore;
let sql: StateSql | undefined;
afterEach(async () => {
  await sql?.close();
  await t.cleanup();
});

const user = (id: string, patch: Partial<PortEntity> = {}): PortEntity => ({
  identifier: id,
  title: `User ${id}`,
  properties: { mail: `${id}@contoso.com`, jobTitle: null },
  relations: { groups: ["g1", "g2"] },
  ...patch,
});

async function written(...entities: PortEntity[]) {
  await store.saveWritten("u", entities.map((e) => ({ identifier: e.identifier, content: contentJson(e), kind: "/users" })), "run-1");
}

// The state's statements through Prisma (raw SQL) and through the store's own connection.
describe.each(["prisma", "sqlite"] as const)("planPage against the stored state (%s)", (path) => {
  beforeEach(async () => {
    t = await createTestDatabase();
    sql = path === "sqlite" ? sqliteStateSql(t.file) : undefined;
    store = createStateStore(t.db, "integration:test", { sql });
  });

  it("unchanged when the content is the same, even written differently; an update when a value changed; a create when never written", async () => {
    await written(user("a"), user("b"), user("c"));
    const reordered = user("a", { relations: { groups: ["g2", "g1"] }, properties: { jobTitle: null, mail: "a@contoso.com" } });
    const changed = user("b", { properties: { mail: "b@contoso.com", jobTitle: "Engineer" } });
    const plan = await planPage(store, "run-2", "u", "/users", [reordered, changed, user("c"), user("d")]);
    expect(plan.unchanged).toBe(2);
    expect(plan.writes.map((w) => [w.identifier, w.isNew])).toEqual([["b", false], ["d", true]]);
    expect(propertyChanges(JSON.parse(plan.writes[0]!.previous!), JSON.parse(plan.writes[0]!.content))).toEqual([{ path: "properties.jobTitle", before: null, after: "Engineer" }]);
    // The unchanged ones now count as produced by run-2: reconciliation keeps them.
    expect(await store.staleCounts("run-2")).toEqual(new Map([["u", 1]]));
    expect(plan.duplicates).toEqual([]);
  });

  it("stale counts per blueprint are the rows of this scope produced by any other run, older or newer in order", async () => {
    const row = (id: string) => ({ identifier: id, content: contentJson(user(id)), kind: "/users" });
    await store.saveWritten("u", [row("a"), row("b")], "run-1");
    await store.saveWritten("u", [row("c")], "run-5");
    await store.saveWritten("g", [row("d"), row("e")], "run-9");
    await store.saveWritten("g", [row("f")], "run-5");
    const other = createStateStore(t.db, "integration:other", { sql });
    await other.saveWritten("u", [row("x"), row("y")], "run-1");
    await other.flush();
    await store.flush();
    expect(await other.staleCounts("run-5")).toEqual(new Map([["u", 2]]));
    expect(await store.staleCounts("run-5")).toEqual(new Map([["u", 2], ["g", 2]]));
    expect(await store.staleCounts("run-0")).toEqual(new Map([["u", 3], ["g", 3]]));
  });

  it("an entity whose state was invalidated (drift) is written again though nothing changed; a second time in the run is a duplicate", async () => {
    await written(user("a"));
    await store.invalidate("u", ["a"]);
    const first = await planPage(store, "run-2", "u", "/users", [user("a")]);
    expect(first.writes.map((w) => w.identifier)).toEqual(["a"]);
    await store.saveWritten("u", first.writes.map((w) => ({ identifier: "a", content: w.content, kind: "/users" })), "run-2");
    const again = await planPage(store, "run-2", "u", "/users", [user("a")]);
    expect(again).toMatchObject({ unchanged: 1, writes: [], duplicates: ["a"] });
  });

  it("a create recorded before it is sent is written again until Port confirms it; the confirmation keeps its content", async () => {
    await store.recordIntent("u", [{ identifier: "a", content: contentJson(user("a")), kind: "/users" }], "run-1");
    // On disk at once (committed before Port is asked), unconfirmed.
    expect((await createStateStore(t.db, "integration:test").load("u", ["a"])).get("a")).toMatchObject({ confirmed: false, seenRunId: "run-1" });
    const again = await planPage(store, "run-2", "u", "/users", [user("a")]);
    expect(again.writes.map((w) => [w.identifier, w.isNew])).toEqual([["a", false]]);
    await store.recordIntent("u", [{ identifier: "b", content: contentJson(user("b")), kind: "/users" }], "run-2");
    await store.confirm("u", ["b"]);
    expect((await store.load("u", ["b"])).get("b")).toMatchObject({ confirmed: true }); // from the buffer
    await store.flush();
    expect((await createStateStore(t.db, "integration:test").load("u", ["b"])).get("b")).toEqual({ confirmed: true, content: contentJson(user("b")), kind: "/users", seenRunId: "run-2" });
    expect((await planPage(store, "run-3", "u", "/users", [user("b")])).unchanged).toBe(1);
  });

  it("rows written by earlier versions (an entity fingerprint in the column) count as confirmed", async () => {
    await t.db.syncEntityState.create({ data: { scope: "integration:test", blueprint: "u", identifier: "a", fingerprint: "0123456789abcdefghijkl", content: contentJson(user("a")), kind: "/users", seenRunId: "run-1" } });
    expect((await planPage(store, "run-2", "u", "/users", [user("a")])).unchanged).toBe(1);
  });

  it("the store keeps identifiers of any script and pages through what a run did not produce", async () => {
    const ids = ["ünïcödé", "名前", "a'b\"c", ...Array.from({ length: 600 }, (_, i) => `id-${String(i).padStart(3, "0")}`)];
    await written(...ids.map((id) => user(id)));
    expect([...(await store.load("u", ["名前", "a'b\"c", "missing"])).keys()].sort()).toEqual(["a'b\"c", "名前"]);
    await store.markSeen("u", ids.slice(0, 100), "run-2", "/users");
    const stale: string[] = [];
    for (let after: string | null = null; ; ) {
      const page = await store.stalePage("u", "run-2", after);
      if (page.length === 0) break;
      stale.push(...page.map((r) => r.identifier));
      after = page.at(-1)!.identifier;
    }
    expect(stale).toHaveLength(ids.length - 100);
    await store.remove("u", stale);
    expect(await store.count()).toBe(100);
  });

  it("buffers state writes: read back at once, on disk when the buffer fills, or its time is up, or at flush", async () => {
    let now = 0;
    const buffered = createStateStore(t.db, "integration:buffer", { sql, bufferRows: 3, bufferMs: 1_000, now: () => now });
    const onDisk = createStateStore(t.db, "integration:buffer");
    const row = (id: string) => ({ identifier: id, content: `{"title":"${id}"}`, kind: "/users" });
    await buffered.saveWritten("u", [row("a"), row("b")], "run-1");
    expect([...(await buffered.load("u", ["a", "b"])).keys()]).toEqual(["a", "b"]);
    expect((await onDisk.load("u", ["a", "b"])).size).toBe(0);
    await buffered.markSeen("u", ["a"], "run-2", "/users"); // the third row: the buffer is full
    expect(await onDisk.load("u", ["a", "b"])).toEqual(new Map([
      ["a", { confirmed: true, content: '{"title":"a"}', kind: "/users", seenRunId: "run-2" }],
      ["b", { confirmed: true, content: '{"title":"b"}', kind: "/users", seenRunId: "run-1" }],
    ]));
    await buffered.saveWritten("u", [row("c")], "run-2");
    expect((await onDisk.load("u", ["c"])).size).toBe(0);
    now += 1_000;
    await buffered.markSeen("u", ["b"], "run-2", "/users"); // old enough: written
    expect((await onDisk.load("u", ["b", "c"])).get("b")!.seenRunId).toBe("run-2");
    await buffered.saveWritten("u", [row("d")], "run-2");
    expect(await buffered.count()).toBe(4); // reads of the whole scope flush first
  });
});

