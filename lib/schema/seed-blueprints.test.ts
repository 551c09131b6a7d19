import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JqEngine } from "@/lib/jq/engine";
import { createNodeJqPool } from "@/lib/jq/server";
import { lint, parsePortAppConfig, seedConfigYaml } from "@/lib/mapping";
import { orderBlueprints } from "@/lib/port/blueprint-order";
import { blueprintSchema } from "@/lib/port/schemas";
import { demoRecords } from "@/lib/simulators/graph/data";
import { groupMembershipBlueprint, seedBlueprints } from "./seed-blueprints";

describe("seed blueprints", () => {
  const parsed = parsePortAppConfig(seedConfigYaml());
  const config = parsed.config!;
  let engine: JqEngine;
  beforeAll(() => {
    engine = createNodeJqPool({ size: 1 });
  });
  afterAll(async () => {
    await engine.close();
  });

  it("are valid Port blueprints, one per seed resource, with exactly the properties and relations the seed mappings write", () => {
    const blueprints = seedBlueprints();
    expect(blueprints.map((b) => b.identifier)).toEqual(["entra-id-user", "entra-id-group", "entra-id-application", "entra-id-service-principal", "entra-id-group-membership"]);
    for (const [i, b] of blueprints.entries()) {
      expect(blueprintSchema.safeParse(JSON.parse(JSON.stringify(b))).success).toBe(true);
      expect(b.icon).toBe("Microsoft");
      const mappings = config.resources[i]!.port.entity.mappings;
      expect(JSON.parse(String(mappings.blueprint))).toBe(b.identifier);
      expect(Object.keys(b.schema.properties).sort()).toEqual(Object.keys(mappings.properties ?? {}).sort());
      expect(Object.keys(b.relations).sort()).toEqual(Object.keys(mappings.relations ?? {}).sort());
    }
    expect(groupMembershipBlueprint().relations).toEqual({
      group: { target: "entra-id-group", title: "Group", many: false, required: false },
      member: { target: "entra-id-user", title: "Member", many: false, required: false },
    });
    // Fresh objects: a caller editing one does not change the next.
    blueprints[0]!.schema.properties.mail!.title = "changed";
    expect(seedBlueprints()[0]!.schema.properties.mail!.title).toBe("Mail");
  });

  it("are created targets first, without cycles", () => {
    const { order, cycles } = orderBlueprints(seedBlueprints());
    expect(cycles).toEqual([]);
    expect(order.indexOf("entra-id-application")).toBeLessThan(order.indexOf("entra-id-service-principal"));
    expect(order.indexOf("entra-id-group-membership")).toBe(order.length - 1);
  });

  it("accept every value the seed mappings produce from the demo tenant", async () => {
    const samples = {
      "/users": [{ value: [...demoRecords("users", 400)] }],
      "/groups": [{ value: [...demoRecords("groups", 200)] }],
      "/applications": [{ value: [...demoRecords("applications", 200)] }],
      "/servicePrincipals": [{ value: [...demoRecords("servicePrincipals", 200)] }],
    };
    const findings = await lint(config, { source: parsed.source, samples, blueprints: seedBlueprints(), engine, integration: { paginationType: "next_link" } });
    expect(findings).toEqual([]);
  });
});
