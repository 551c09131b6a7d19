import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { parsePortAppConfig } from "../mapping/parse";
import { seedBlueprints } from "../schema";
import { saveGraphConnection } from "./connections";
import { saveDocument } from "./documents";
import { sendExplore } from "./explore";
import { getVersion, listVersions, MAX_VERSIONS } from "./mapping-history";
import { getMapping, saveMapping } from "./mapping-store";
import { createBuilderTestbed, type BuilderTestbed } from "./testing";

let bed: BuilderTestbed;
beforeAll(async () => {
  bed = await createBuilderTestbed();
});
afterAll(() => bed.close());

const kindsOf = (yaml: string) => parsePortAppConfig(yaml).config!.resources.map((r) => r.kind);

describe("mapping document", () => {
  it("offers the seed mappings to a project without a mapping, saves with versions, refuses a stale save", async () => {
    const id = await bed.project();
    const empty = await getMapping(bed.deps, bed.alice, id);
    expect(empty).toMatchObject({ yaml: null, version: 0 });
    expect(kindsOf(empty.start!.yaml)).toEqual(["/users", "/groups", "/applications", "/servicePrincipals", "/groups/{group_id}/members"]);

    const v1 = await saveMapping(bed.deps, bed.alice, id, { version: 0, yaml: empty.start!.yaml });
    expect(v1).toMatchObject({ version: 1, yaml: empty.start!.yaml, lastValidYaml: empty.start!.yaml, start: null });
    expect(await getMapping(bed.deps, bed.alice, id)).toMatchObject({ version: 1, yaml: empty.start!.yaml, start: null });

    const stale = await saveMapping(bed.deps, bed.alice, id, { version: 0, yaml: "resources: []\n" }).catch((e: unknown) => e);
    expect(isAppError(stale) && [stale.status, stale.code]).toEqual([409, "document_changed"]);
    expect((await getMapping(bed.deps, bed.alice, id)).yaml).toBe(empty.start!.yaml);
  });

  it("keeps the last valid text when a broken one is saved", async () => {
    const id = await bed.project();
    const good = "resources:\n  - kind: /users\n    selector:\n      query: 'true'\n    port:\n      entity:\n        mappings:\n          identifier: .id\n          blueprint: '\"u\"'\n";
    await saveMapping(bed.deps, bed.alice, id, { version: 0, yaml: good });
    const broken = await saveMapping(bed.deps, bed.alice, id, { version: 1, yaml: `${good}  - kind: [\n` });
    expect(broken).toMatchObject({ version: 2, yaml: `${good}  - kind: [\n`, lastValidYaml: good });
    const fixed = await saveMapping(bed.deps, bed.alice, id, { version: 2, yaml: good.replace(".id", ".userPrincipalName") });
    expect(fixed.lastValidYaml).toContain(".userPrincipalName");
  });

  it("is another user's 404", async () => {
    const id = await bed.project();
    const read = await getMapping(bed.deps, bed.bob, id).catch((e: unknown) => e);
    const write = await saveMapping(bed.deps, bed.bob, id, { version: 0, yaml: "resources: []\n" }).catch((e: unknown) => e);
    expect([read, write].map((e) => isAppError(e) && e.status)).toEqual([404, 404]);
    expect((await getMapping(bed.deps, bed.alice, id)).version).toBe(0);
  });

  it("starts from the project's blueprints: seed mappings cut to their properties, generated ones from the picked fields", async () => {
    const id = await bed.project();
    await saveGraphConnection(bed.deps, bed.alice, id, { mode: "demo" });
    await sendExplore(bed.deps, bed.alice, id, { path: "/devices", query: { $top: "50" }, consistencyLevelEventual: false });
    await saveDocument(bed.deps, bed.alice, id, "fields", 0, {
      resources: { "/devices": { picked: [".displayName", ".operatingSystem", ".accountEnabled"], identifier: ".id", title: ".displayName" } },
    });
    const user = seedBlueprints()[0]!;
    user.schema.properties = { mail: user.schema.properties.mail!, accountEnabled: user.schema.properties.accountEnabled! };
    const device = {
      identifier: "entra-id-device",
      title: "Device",
      schema: { properties: { displayName: { type: "string" }, operatingSystem: { type: "string" } }, required: [] },
      relations: {},
    };
    await saveDocument(bed.deps, bed.alice, id, "blueprints", 0, {
      blueprints: [user, device].map((b) => ({ identifier: b.identifier, text: JSON.stringify(b) })),
      pushed: {},
    });
    const { start } = await getMapping(bed.deps, bed.alice, id);
    const parsed = parsePortAppConfig(start!.yaml);
    expect(parsed.issues).toEqual([]);
    const [users, devices] = parsed.config!.resources;
    expect(users!.port.entity.mappings.properties).toEqual({ mail: ".mail", accountEnabled: ".accountEnabled" });
    expect(users!.selector.query_params).toEqual({ $top: "999", $select: "id,displayName,userPrincipalName,mail,accountEnabled" });
    expect(devices!.kind).toBe("/devices");
    // accountEnabled was picked but is not in the project's device blueprint: left out, and said so.
    expect(devices!.port.entity.mappings.properties).toEqual({ displayName: ".displayName", operatingSystem: ".operatingSystem" });
    expect(start!.notes.join("\n")).toMatch(/entra-id-device: left out accountEnabled/);
  });

  it("keeps a history: the first version, autosaves merged into the newest entry, checkpoints on their own", async () => {
    const id = await bed.project();
    const text = (n: number) => `resources: []\n# edit ${n}\n`;
    let v = 0;
    for (const n of [1, 2, 3]) v = (await saveMapping(bed.deps, bed.alice, id, { version: v, yaml: text(n) })).version;
    v = (await saveMapping(bed.deps, bed.alice, id, { version: v, yaml: text(4), checkpoint: true })).version;
    v = (await saveMapping(bed.deps, bed.alice, id, { version: v, yaml: text(5) })).version;
    v = (await saveMapping(bed.deps, bed.alice, id, { version: v, yaml: text(1), checkpoint: true, note: "restored version 1" })).version;
    const versions = await listVersions(bed.deps, bed.alice, id);
    expect(versions.map((x) => [x.version, x.note])).toEqual([
      [6, "restored version 1"],
      [5, null],
      [4, null],
      [3, null],
      [1, "first version"],
    ]);
    // Version 3 holds the merged autosaves 2 and 3: the newest text.
    expect((await getVersion(bed.deps, bed.alice, id, 3)).yaml).toBe(text(3));
    expect((await getVersion(bed.deps, bed.alice, id, 1)).yaml).toBe(text(1));
    expect(versions[0]).toMatchObject({ lines: 2, valid: true });
    const missing = await getVersion(bed.deps, bed.alice, id, 2).catch((e: unknown) => e);
    expect(isAppError(missing) && missing.status).toBe(404);
    const other = await listVersions(bed.deps, bed.bob, id).catch((e: unknown) => e);
    expect(isAppError(other) && other.status).toBe(404);
  });

  it("keeps at most the newest versions", async () => {
    const id = await bed.project();
    let v = 0;
    for (let n = 0; n < MAX_VERSIONS + 3; n++) v = (await saveMapping(bed.deps, bed.alice, id, { version: v, yaml: `# ${n}\n`, checkpoint: true })).version;
    const versions = await listVersions(bed.deps, bed.alice, id);
    expect(versions).toHaveLength(MAX_VERSIONS);
    expect(versions[0]!.version).toBe(MAX_VERSIONS + 3);
    expect(versions[versions.length - 1]!.version).toBe(4);
  });
});
