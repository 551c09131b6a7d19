import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { seedConfigYaml } from "../mapping/seed";
import { seedBlueprints } from "../schema";
import { saveMapping } from "./mapping-store";
import { pushBlueprints } from "./blueprint-push";
import { saveGraphConnection, savePortConnection } from "./connections";
import { saveDocument } from "./documents";
import { projectStatus } from "./step-status";
import { createBuilderTestbed, type BuilderTestbed } from "./testing";

let bed: BuilderTestbed;
beforeAll(async () => {
  bed = await createBuilderTestbed();
});
afterAll(() => bed.close());

const texts = () => seedBlueprints().map((b) => ({ identifier: b.identifier, text: JSON.stringify(b, null, 2) }));
const blueprintStep = async (id: string) => (await projectStatus(bed.deps, bed.alice, id)).steps.find((s) => s.id === "blueprints")!;

describe("Create in Port", () => {
  it("creates the seed blueprints in the demo Port, then finds them unchanged; the rail follows", async () => {
    const id = await bed.project();
    await savePortConnection(bed.deps, bed.alice, id, { mode: "demo" });
    await saveDocument(bed.deps, bed.alice, id, "blueprints", 0, { blueprints: texts(), pushed: {} });
    expect((await blueprintStep(id)).summary).toBe("5 blueprints, 5 not yet in Port");

    const first = await pushBlueprints(bed.deps, bed.alice, id);
    expect(first.report.created.sort()).toEqual(texts().map((b) => b.identifier).sort());
    expect(first.document.version).toBe(2);
    expect(Object.keys(first.document.content!.pushed).sort()).toEqual(texts().map((b) => b.identifier).sort());
    expect(await blueprintStep(id)).toMatchObject({ state: "done", summary: "5 blueprints, all in Port" });

    const again = await pushBlueprints(bed.deps, bed.alice, id);
    expect(again.report.created).toEqual([]);
    expect(again.report.unchanged).toHaveLength(5);

    // An edit makes that one blueprint "not yet in Port" again.
    const edited = again.document.content!.blueprints.map((b, i) => (i === 0 ? { ...b, text: b.text.replace('"title": "', '"title": "Edited ') } : b));
    await saveDocument(bed.deps, bed.alice, id, "blueprints", again.document.version, { ...again.document.content!, blueprints: edited });
    expect((await blueprintStep(id)).summary).toBe("5 blueprints, 1 not yet in Port");
  });

  it("refuses invalid JSON or an invalid blueprint before calling Port, saying which", async () => {
    const id = await bed.project();
    await savePortConnection(bed.deps, bed.alice, id, { mode: "demo" });
    await saveDocument(bed.deps, bed.alice, id, "blueprints", 0, { blueprints: [{ identifier: "x", text: "{ not json" }], pushed: {} });
    const syntax = await pushBlueprints(bed.deps, bed.alice, id).catch((e: unknown) => e);
    expect(isAppError(syntax) && [syntax.code, syntax.location?.path]).toEqual(["invalid_blueprint", "blueprints[0]"]);
    const requests = bed.port.stats.requests;
    await saveDocument(bed.deps, bed.alice, id, "blueprints", 1, { blueprints: [{ identifier: "x", text: JSON.stringify({ identifier: "has space", title: "X", schema: { properties: {} } }) }], pushed: {} });
    const shape = await pushBlueprints(bed.deps, bed.alice, id).catch((e: unknown) => e);
    expect(isAppError(shape) && shape.code).toBe("invalid_blueprint");
    expect(isAppError(shape) && shape.message).toMatch(/^Blueprint x: identifier: /);
    expect(bed.port.stats.requests).toBe(requests);
  });

  it("says so when there is nothing to create", async () => {
    const id = await bed.project();
    const error = await pushBlueprints(bed.deps, bed.alice, id).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("no_blueprints");
  });
});

describe("the rail's Mapping and Export steps", () => {
  it("follow the saved mapping: none, valid, then a broken text over a valid one", async () => {
    const id = await bed.project();
    const step = async (which: string) => (await projectStatus(bed.deps, bed.alice, id)).steps.find((s) => s.id === which)!;
    expect(await step("mapping")).toMatchObject({ state: "waiting", summary: "connect Graph first" });
    expect(await step("export")).toMatchObject({ state: "waiting" });
    expect(await step("sync")).toMatchObject({ state: "waiting", summary: "connect Graph and Port first" });
    const saved = await saveMapping(bed.deps, bed.alice, id, { version: 0, yaml: seedConfigYaml() });
    expect(await step("mapping")).toMatchObject({ state: "done", summary: "5 resources" });
    expect((await step("export")).state).toBe("ready");
    await saveGraphConnection(bed.deps, bed.alice, id, { mode: "demo" });
    await savePortConnection(bed.deps, bed.alice, id, { mode: "demo" });
    expect(await step("sync")).toMatchObject({ state: "ready", summary: "no sync yet: plan it first" });
    await saveMapping(bed.deps, bed.alice, id, { version: saved.version, yaml: `${seedConfigYaml()}\n  - kind: [` });
    expect(await step("mapping")).toMatchObject({ state: "ready", summary: "5 resources; the saved text has an error (the last valid one is kept)" });
  });
});
