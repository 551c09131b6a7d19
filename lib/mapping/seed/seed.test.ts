import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JqEngine } from "@/lib/jq";
import { createNodeJqPool } from "@/lib/jq/server";
import { compileResource } from "../compile";
import { evaluatePage } from "../evaluate";
import { lintConfig } from "../lint";
import { parsePortAppConfig } from "../parse";
import { selectAssistant } from "../select-assistant";
import { seedConfigYaml, SEED_RESOURCES } from "./index";

describe("seed mappings", () => {
  const parsed = parsePortAppConfig(seedConfigYaml());
  let engine: JqEngine;
  beforeAll(() => {
    engine = createNodeJqPool({ size: 1 });
  });
  afterAll(async () => {
    await engine.close();
  });

  it("parse cleanly and pass every lint", () => {
    expect(parsed.issues).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.config!.resources.map((r) => r.kind)).toEqual(["/users", "/groups", "/applications", "/servicePrincipals", "/groups/{group_id}/members"]);
    expect(lintConfig(parsed.config!, { source: parsed.source, integration: { paginationType: "next_link" } })).toEqual([]);
    expect(Object.keys(SEED_RESOURCES)).toHaveLength(5);
  });

  it("select exactly what they read", () => {
    for (const r of parsed.config!.resources) {
      const selected = String(r.selector.query_params?.$select).split(",");
      expect(new Set(selectAssistant(r))).toEqual(new Set(selected));
    }
  });

  it("compile without syntax errors and map a Graph user and a membership", async () => {
    for (const [index, r] of parsed.config!.resources.entries()) {
      expect((await compileResource(engine, r, { index })).issues).toEqual([]);
    }
    const users = await compileResource(engine, parsed.config!.resources[0]!);
    const page = await evaluatePage(users, { value: [{ id: "u1", displayName: null, userPrincipalName: "ann_f.com#EXT#@c.onmicrosoft.com", userType: "Guest", accountEnabled: true }] }, { engine });
    expect(page.entities[0]).toMatchObject({ identifier: "u1", title: "ann_f.com#EXT#@c.onmicrosoft.com", blueprint: "entra-id-user", properties: { isGuest: true, mail: null } });
    const members = await compileResource(engine, parsed.config!.resources[4]!, { index: 4 });
    const mp = await evaluatePage(members, { value: [{ "@odata.type": "#microsoft.graph.user", id: "u1" }, { "@odata.type": "#microsoft.graph.device", id: "d1" }] }, { engine, pathParams: { group_id: "g1" } });
    expect(mp.entities).toEqual([{ identifier: "g1-u1", title: "g1-u1", blueprint: "entra-id-group-membership", properties: {}, relations: { group: "g1", member: "u1" } }]);
    expect(mp.dropped.map((d) => d.reason)).toEqual(["selector_false"]);
  });
});
