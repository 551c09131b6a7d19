/**
 * The preview is Ocean-exact in the same way as the command line: for the same
 * configuration and the same Graph pages, the preview's entities and drops equal what
 * `npm run cli -- map` prints. Pages come from the demo tenant through the preview-sample
 * route's own code (real HTTP on loopback); the command line runs as its own process.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveGraphConnection } from "@/lib/builder/connections";
import { previewSampleRequest, type PreviewSample } from "@/lib/builder/mapping-contracts";
import { fetchPreviewSample } from "@/lib/builder/mapping-preview-samples";
import { createBuilderTestbed, type BuilderTestbed } from "@/lib/builder/testing";
import type { JqEngine } from "@/lib/jq";
import { createNodeJqPool } from "@/lib/jq/server";
import { parsePortAppConfig, type PortEntity } from "@/lib/mapping";
import { runPreview, type SampleState } from "./preview-run";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");

const CONFIG = `resources:
  - kind: /users
    selector:
      query: .userType == "Member"
      data_path: .value
      query_params:
        $top: "999"
        $select: id,displayName,userPrincipalName,userType,accountEnabled,department,businessPhones
    port:
      entity:
        mappings:
          identifier: .id
          title: .displayName // .userPrincipalName
          blueprint: '"entra-id-user"'
          properties:
            enabled: .accountEnabled
            department: .department
            lower: .department | ascii_downcase
            phone: .businessPhones[0]
            firstPhone: .businessPhones[]
  - kind: /users
    selector:
      query: 'true'
      data_path: .value
      query_params:
        $top: "999"
        $select: id,displayName,userPrincipalName,userType,accountEnabled,department,businessPhones
    port:
      entity:
        mappings:
          identifier: if .userType == "Guest" then .id else null end
          blueprint: '"guest"'
  - kind: /groups/{group_id}/members
    selector:
      query: '."@odata.type" == "#microsoft.graph.user"'
      data_path: .value
      query_params:
        $top: "999"
        $select: id
      path_parameters:
        group_id: {endpoint: /groups, data_path: .value, field: .id}
    port:
      entity:
        mappings:
          identifier: '"\\(.__group_id)-\\(.id)"'
          blueprint: '"entra-id-group-membership"'
          relations:
            group: .__group_id
            member: .id
`;

let bed: BuilderTestbed;
let engine: JqEngine;
let dir: string;
let project: string;

beforeAll(async () => {
  bed = await createBuilderTestbed();
  engine = createNodeJqPool({ size: 1 });
  dir = mkdtempSync(path.join(tmpdir(), "preview-cli-"));
  project = await bed.project();
  await saveGraphConnection(bed.deps, bed.alice, project, { mode: "demo" });
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
  await bed.close();
});

async function cliMap(kind: string, pages: unknown[], params: Record<string, string> = {}): Promise<{ entities: PortEntity[]; dropped: { reason: string }[] }> {
  const name = `${Math.random().toString(36).slice(2)}`;
  const config = path.join(dir, `${name}.yml`);
  const input = path.join(dir, `${name}.ndjson`);
  writeFileSync(config, CONFIG);
  writeFileSync(input, pages.map((p) => JSON.stringify(p)).join("\n"));
  const args = ["cli/index.ts", "map", "--config", config, "--kind", kind, "--input", input, ...Object.entries(params).flatMap(([k, v]) => ["--param", `${k}=${v}`])];
  const { stdout } = await run(path.join(ROOT, "node_modules/.bin/tsx"), args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as { entities: PortEntity[]; dropped: { reason: string }[] };
}

const fetchSample = (request: Parameters<typeof previewSampleRequest.parse>[0]) =>
  fetchPreviewSample(bed.deps, bed.alice, project, previewSampleRequest.parse(request));

describe("preview and cli map", () => {
  it("give the same entities and drops for the same configuration and pages", async () => {
    const parsed = parsePortAppConfig(CONFIG);
    expect(parsed.issues).toEqual([]);
    const [users, , members] = parsed.config!.resources;
    const usersSample = await fetchSample({ kind: "/users", query_params: users!.selector.query_params });
    const groups = await fetchSample({ kind: "/groups", query_params: { $select: "id" } });
    const groupIds = (groups.pages[0]!.body as { value: { id: string }[] }).value.map((g) => g.id).slice(0, 3);
    const membersSample = await fetchSample({ kind: members!.kind, query_params: members!.selector.query_params, parent: { param: "group_id", values: groupIds } });
    const ready = (sample: PreviewSample): SampleState => ({ status: "ready", sample });
    const samples = new Map<number, SampleState>([[0, ready(usersSample)], [1, ready(usersSample)], [2, ready(membersSample)]]);

    const { result } = await runPreview({ config: parsed.config!, source: parsed.source, samples, blueprints: [] }, { engine });
    const [memberUsers, guests, memberships] = result.resources;

    const cliUsers = await cliMap("/users", usersSample.pages.map((p) => p.body));
    expect([...memberUsers!.entities, ...guests!.entities].map((e) => e.entity)).toEqual(cliUsers.entities);
    const previewDrops = [memberUsers!, guests!].flatMap((r) => Object.entries(r.dropped).flatMap(([reason, d]) => Array<string>(d.count).fill(reason)));
    expect(previewDrops.sort()).toEqual(cliUsers.dropped.map((d) => d.reason).sort());
    // Not a vacuous match: the sample has members, guests, nulls and per-field errors.
    expect(memberUsers!.entities.length).toBeGreaterThan(100);
    expect(guests!.entities.length).toBeGreaterThan(0);
    expect(memberUsers!.fields.find((f) => f.name === "properties.lower")!.errors!.count).toBeGreaterThan(0);

    const cliMembers = [];
    for (const id of groupIds) {
      const pages = membersSample.pages.filter((p) => p.pathParams?.group_id === id).map((p) => p.body);
      cliMembers.push(...(await cliMap(members!.kind, pages, { group_id: id })).entities);
    }
    expect(memberships!.entities.map((e) => e.entity)).toEqual(cliMembers);
    expect(memberships!.entities.length).toBeGreaterThan(0);
  }, 60_000);
});
