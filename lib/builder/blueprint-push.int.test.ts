import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { seedBlueprints } from "../schema";
import { pushBlueprints } from "./blueprint-push";
import { savePortConnection } from "./connections";
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
