import { describe, expect, it } from "vitest";
import { parsePortAppConfig } from "../mapping/parse";
import { seedConfigYaml } from "../mapping/seed";
import { leastPermissions } from "./differences";
import { DOCUMENTATION_MAPPING_YAML } from "./fixtures/documentation-page";
import { exportProject } from "./index";
import { sampleInput } from "./testing";

const config = (text: string) => parsePortAppConfig(text).config!;

describe("leastPermissions", () => {
  it("names one permission per endpoint family, a broader one covering a narrower one", () => {
    expect(leastPermissions(config(seedConfigYaml()))).toEqual(["User.Read.All", "Group.Read.All", "Application.Read.All"]);
    expect(leastPermissions(config(seedConfigYaml(["groupMembership"])))).toEqual(["GroupMember.Read.All"]);
    expect(leastPermissions(config(DOCUMENTATION_MAPPING_YAML))).not.toContain("Directory.Read.All");
  });
});

describe("differences", () => {
  it("says what the seed export does instead of the documentation page, for this export", () => {
    const { differences } = exportProject(sampleInput(), { region: "us", identifier: "entra-id", secrets: "existing-secret" });
    const by = Object.fromEntries(differences.map((d) => [d.topic, d]));
    expect(Object.keys(by)).toEqual(["Pagination", "Graph authentication", "$select", "Group membership", "Permissions", "Secrets", "Port API host"]);
    expect(by.Pagination!.builder).toBe("paginationType: next_link");
    expect(by["Graph authentication"]!.builder).toMatch(/authType: custom/);
    expect(by.$select!.builder).toBe("$select lists every property the mapping reads");
    expect(by["Group membership"]!.builder).toMatch(/\/groups\/\{group_id\}\/members/);
    expect(by.Secrets!.builder).toMatch(/entra-id-ocean-secrets/);
    expect(by["Port API host"]!.builder).toBe("https://api.us.port.io");
  });

  it("says so when the exported mapping keeps the documentation page's problems", () => {
    const input = { ...sampleInput({ kind: "bearer_token", cloud: "global" }), mapping: config(DOCUMENTATION_MAPPING_YAML) };
    const { differences } = exportProject(input, { region: "eu", identifier: "entra-id", secrets: "chart-secret" });
    const by = Object.fromEntries(differences.map((d) => [d.topic, d]));
    expect(by.$select!.builder).toMatch(/missing for 4 field/);
    expect(by["Group membership"]!.builder).toMatch(/still used in 1 resource/);
    expect(by["Graph authentication"]!.builder).toMatch(/bearer_token/);
  });
});
