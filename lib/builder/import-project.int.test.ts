import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOCUMENTATION_BLUEPRINTS_JSON, DOCUMENTATION_MAPPING_YAML } from "../export/fixtures/documentation-page";
import { getDocument, saveDocument } from "./documents";
import { importForOwner, importIntoProject } from "./import-project";
import { getMapping, saveMapping } from "./mapping-store";
import { createBuilderTestbed, type BuilderTestbed } from "./testing";

let bed: BuilderTestbed;
beforeAll(async () => {
  bed = await createBuilderTestbed();
});
afterAll(async () => bed.close());

const request = { configYaml: DOCUMENTATION_MAPPING_YAML, blueprintsJson: DOCUMENTATION_BLUEPRINTS_JSON };

describe("importIntoProject", () => {
  it("replaces the mapping and the blueprints together, keeps what Port was sent, and checkpoints the history", async () => {
    const projectId = await bed.project();
    await saveMapping(bed.deps, bed.alice, projectId, { version: 0, yaml: "resources: []\n" });
    await saveDocument(bed.deps, bed.alice, projectId, "blueprints", 0, {
      blueprints: [{ identifier: "entra-id-user", text: '{"identifier":"entra-id-user","title":"Old","schema":{"properties":{}}}' }],
      pushed: { "entra-id-user": { at: "2026-01-01T00:00:00.000Z", hash: "abc" } },
    });

    const answer = await importIntoProject(bed.deps.db, projectId, request);
    expect(answer.mapping.version).toBe(2);
    expect(answer.blueprints).toEqual({ version: 2, identifiers: ["entra-id-application", "entra-id-service-principal", "entra-id-user", "entra-id-group"] });
    expect(answer.lints.map((l) => l.code)).toContain("expand_member_cap");

    const mapping = await getMapping(bed.deps, bed.alice, projectId);
    expect(mapping.yaml).toBe(DOCUMENTATION_MAPPING_YAML);
    expect(mapping.lastValidYaml).toBe(DOCUMENTATION_MAPPING_YAML);
    const blueprints = await getDocument(bed.deps, bed.alice, projectId, "blueprints");
    expect(blueprints.content!.blueprints.map((b) => JSON.parse(b.text))).toEqual(JSON.parse(DOCUMENTATION_BLUEPRINTS_JSON));
    expect(blueprints.content!.pushed).toEqual({ "entra-id-user": { at: "2026-01-01T00:00:00.000Z", hash: "abc" } });
    const history = await bed.deps.db.mappingVersion.findMany({ where: { projectId, note: "imported" } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ version: 2, checkpoint: true, yaml: DOCUMENTATION_MAPPING_YAML });
  });

  it("changes nothing when a file is refused, and says where the problem is", async () => {
    const projectId = await bed.project();
    await importIntoProject(bed.deps.db, projectId, request);
    const before = await bed.deps.db.projectDocument.findMany({ where: { projectId }, orderBy: { kind: "asc" } });

    const broken = { configYaml: DOCUMENTATION_MAPPING_YAML, blueprintsJson: '[\n  {"identifier": "x",,}\n]' };
    await expect(importIntoProject(bed.deps.db, projectId, broken)).rejects.toMatchObject({
      code: "import_invalid",
      status: 400,
      message: expect.stringMatching(/^Nothing was imported: blueprints JSON \(line 2, column \d+\): /),
      location: { line: 2 },
    });
    const badYaml = { configYaml: "resources:\n  - kind: /users\n   selector: x\n", blueprintsJson: "[]" };
    await expect(importIntoProject(bed.deps.db, projectId, badYaml)).rejects.toMatchObject({ code: "import_invalid", location: { line: expect.any(Number) } });

    const after = await bed.deps.db.projectDocument.findMany({ where: { projectId }, orderBy: { kind: "asc" } });
    expect(after).toEqual(before);
    expect(await bed.deps.db.mappingVersion.count({ where: { projectId } })).toBe(1);
  });

  it("another person's project is not found, and its body is never read", async () => {
    const projectId = await bed.project();
    let read = false;
    await expect(
      importForOwner(bed.deps, bed.bob, projectId, async () => {
        read = true;
        return request;
      }),
    ).rejects.toMatchObject({ code: "project_not_found", status: 404 });
    expect(read).toBe(false);
  });
});
