/**
 * The Port client's deleteEntities against the demo Port's all-or-nothing bulk delete,
 * over real HTTP: a refused batch is retried entity by entity, what can be deleted is,
 * and each entity that blocks is reported with Port's status and message.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serveDemoPort, type ServedDemoPort } from "../simulators/port/testing";
import { createPortClient, type PortClient } from "./client";
import type { BlueprintInput } from "./schemas";

const group: BlueprintInput = { identifier: "group", title: "Group", schema: { properties: {} } };
const membership: BlueprintInput = { identifier: "membership", title: "Membership", schema: { properties: {} }, relations: { group: { target: "group", required: true } } };
/** A tree whose every node needs its parent (a root is its own parent). */
const node: BlueprintInput = { identifier: "node", title: "Node", schema: { properties: {} }, relations: { parent: { target: "node", required: true } } };
const pin: BlueprintInput = { identifier: "pin", title: "Pin", schema: { properties: {} }, relations: { node: { target: "node", required: true } } };

const entity = (identifier: string, relations: Record<string, string> = {}) => ({ identifier, properties: {}, relations });

let served: ServedDemoPort;
let c: PortClient;

beforeEach(async () => {
  served = await serveDemoPort();
  c = createPortClient({ baseUrl: served.baseUrl, ...served.credentials });
  await c.ensureBlueprints([group, membership, node, pin]);
});
afterEach(async () => {
  await served.close();
});

describe("deleteEntities", () => {
  it("deletes what it can from a refused batch and reports the entity that blocks, with Port's reason", async () => {
    await c.upsertEntities("group", ["g1", "g2", "g3"].map((id) => entity(id)));
    await c.upsertEntities("membership", [entity("m1", { group: "g1" })]);
    served.demo.resetStats();
    const result = await c.deleteEntities("group", ["g2", "g1", "gone", "g3"]);
    expect(result).toMatchObject({ deleted: ["g2", "g3"], written: 2, missing: 1, failed: 1 });
    expect(result.failures).toEqual([
      {
        identifier: "g1",
        status: 422,
        error: "has_dependents",
        message: expect.stringContaining('Entity "g1" of blueprint "group" has dependents: "m1" of blueprint "membership"'),
      },
    ]);
    // The refused batch, one request per entity, and g1 once more: g3 went after g1 was refused.
    expect(result.requests).toBe(6);
    expect(served.demo.stats.requests).toBe(6);
    expect([...(await served.demo.store.existingIdentifiers("group", ["g1", "g2", "g3"]))]).toEqual(["g1"]);
  });

  it("sends delete_dependents and needs no retry when the batch may take its dependents along", async () => {
    await c.upsertEntities("group", ["g1", "g2"].map((id) => entity(id)));
    await c.upsertEntities("membership", [entity("m1", { group: "g1" })]);
    const result = await c.deleteEntities("group", ["g1", "g2"], { deleteDependents: true });
    expect(result).toMatchObject({ deleted: ["g1", "g2"], failed: 0, requests: 1 });
    expect(await served.demo.store.existingIdentifiers("membership", ["m1"])).toEqual(new Set());
  });

  it("retries the entities still blocked once another entity of the batch is gone", async () => {
    // r1 is blocked by k1 only while k1 exists; r2 is blocked by a pin outside the batch.
    await c.upsertEntities("node", [entity("r1", { parent: "r1" }), entity("k1", { parent: "r1" }), entity("r2", { parent: "r2" })]);
    await c.upsertEntities("pin", [entity("p", { node: "r2" })]);
    const result = await c.deleteEntities("node", ["r1", "k1", "r2"]);
    expect(result.deleted).toEqual(["k1", "r1"]);
    expect(result.failures.map((f) => f.identifier)).toEqual(["r2"]);
    expect(result.failed).toBe(1);
    // The refused batch, a pass over r1, k1, r2, then r1 again (refused before k1 went);
    // r2 was refused after the last deletion: nothing could have unblocked it.
    expect(result.requests).toBe(1 + 3 + 1);
  });

  it("reports each batch's progress, and stops with what was deleted when Port fails", async () => {
    await c.upsertEntities("group", Array.from({ length: 150 }, (_, i) => entity(`g${i}`)));
    served.demo.faults.add({ kind: "status", status: 500, match: /^POST .*\/bulk\/entities\/delete/, times: 100 });
    const progress: number[] = [];
    const run = c.deleteEntities("group", Array.from({ length: 150 }, (_, i) => `g${i}`), { onProgress: (p) => progress.push(p.written) });
    await expect(run).rejects.toMatchObject({ code: "port_request_failed", partial: { written: 0, deleted: [] } });
    served.demo.faults.clear();
    const again = await c.deleteEntities("group", Array.from({ length: 150 }, (_, i) => `g${i}`), { onProgress: (p) => progress.push(p.written) });
    expect(again).toMatchObject({ written: 150, missing: 0, requests: 2 });
    expect(progress.at(-1)).toBe(150);
  });
});
