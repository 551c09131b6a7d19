import { describe, expect, it } from "vitest";
import { DOCUMENTATION_BLUEPRINTS_JSON, DOCUMENTATION_INTEGRATION_CONFIG_YAML, DOCUMENTATION_MAPPING_YAML } from "./fixtures/documentation-page";
import { analyseImport, firstProblemLine } from "./import";
import { exportProject } from "./index";

const byId = <T extends { identifier: string }>(list: readonly T[]) => Object.fromEntries(list.map((b) => [b.identifier, b]));

describe("import", () => {
  it("round trip: the documentation page imported, exported and imported again is the same model", () => {
    const first = analyseImport({ configYaml: DOCUMENTATION_MAPPING_YAML, blueprintsJson: DOCUMENTATION_BLUEPRINTS_JSON });
    expect(first.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(first.ok).toBe(true);
    expect(first.config!.resources.map((r) => r.kind)).toEqual(["/users", "/groups", "/applications", "/servicePrincipals"]);

    const { artefacts } = exportProject(
      { mapping: first.config!, blueprints: first.blueprints!, graph: { kind: "bearer_token", cloud: "global" } },
      { region: "eu", identifier: "entra-id", secrets: "chart-secret" },
    );
    const file = (name: string) => artefacts.find((a) => a.fileName === name)!.content;
    const second = analyseImport({ configYaml: file("port-app-config.yml"), blueprintsJson: file("blueprints.json") });
    expect(second.ok).toBe(true);
    expect(second.config).toEqual(first.config);
    expect(byId(second.blueprints!)).toEqual(byId(first.blueprints!));
    expect(second.lints.map((l) => l.code).sort()).toEqual(first.lints.map((l) => l.code).sort());
  });

  it("the lints flag the documentation page's problems at once", () => {
    const analysis = analyseImport({
      configYaml: DOCUMENTATION_MAPPING_YAML,
      blueprintsJson: DOCUMENTATION_BLUEPRINTS_JSON,
      integrationConfig: DOCUMENTATION_INTEGRATION_CONFIG_YAML,
    });
    const codes = analysis.lints.map((l) => l.code);
    expect(codes).toContain("pagination_skip_token");
    expect(codes).toContain("expand_member_cap");
    const unselected = analysis.lints.filter((l) => l.code === "field_not_returned_by_default").map((l) => /reads \.(\w+)/.exec(l.message)![1]);
    expect(unselected.sort()).toEqual(["accountEnabled", "createdDateTime", "department", "userType"]);
    const skip = analysis.lints.find((l) => l.code === "pagination_skip_token")!;
    expect(skip.file).toBe("integration");
    const expand = analysis.lints.find((l) => l.code === "expand_member_cap")!;
    const expandLine = DOCUMENTATION_MAPPING_YAML.split("\n").findIndex((l) => l.includes("$expand:")) + 1;
    expect(expand.location).toMatchObject({ line: expandLine });
  });

  it("reads the integration config as values.yaml holds it too", () => {
    const analysis = analyseImport({
      configYaml: DOCUMENTATION_MAPPING_YAML,
      blueprintsJson: DOCUMENTATION_BLUEPRINTS_JSON,
      integrationConfig: "integration:\n  config:\n    paginationType: skip_token\n",
    });
    expect(analysis.lints.map((l) => l.code)).toContain("pagination_skip_token");
  });

  it("refuses broken files with the line and column of the problem, and keeps nothing", () => {
    const yaml = analyseImport({ configYaml: "resources:\n  - kind: /users\n    selector: [unclosed\n", blueprintsJson: "[]" });
    expect(yaml.ok).toBe(false);
    expect(yaml.config).toBeNull();
    expect(yaml.problems[0]).toMatchObject({ file: "config", severity: "error", location: { line: expect.any(Number), column: expect.any(Number) } });
    expect(firstProblemLine(yaml)).toMatch(/^mapping YAML \(line \d+, column \d+\): /);

    const json = analyseImport({ configYaml: DOCUMENTATION_MAPPING_YAML, blueprintsJson: '[\n  {"identifier": "x",\n   "title": }\n]' });
    expect(json.ok).toBe(false);
    expect(json.blueprintTexts).toEqual([]);
    expect(json.problems.find((p) => p.file === "blueprints")).toMatchObject({ code: "json_syntax", location: { line: 3, column: 13 } });

    const shape = analyseImport({ configYaml: DOCUMENTATION_MAPPING_YAML, blueprintsJson: '[{"identifier": "has space", "title": "T", "schema": {"properties": {}}}]' });
    expect(shape.problems.find((p) => p.file === "blueprints")).toMatchObject({ code: "blueprint_shape", location: { path: "[0].identifier", line: 1, column: 3 } });

    const missing = analyseImport({ configYaml: "resources:\n  - kind: /users\n    port: {}\n", blueprintsJson: "[]" });
    expect(missing.problems[0]!.message).toMatch(/selector/);
    expect(missing.problems[0]!.location?.line).toBe(2);
  });

  it("warns when the mapping writes a blueprint the file does not hold", () => {
    const analysis = analyseImport({ configYaml: DOCUMENTATION_MAPPING_YAML, blueprintsJson: JSON.stringify(JSON.parse(DOCUMENTATION_BLUEPRINTS_JSON).slice(0, 3)) });
    expect(analysis.ok).toBe(true);
    expect(analysis.problems).toEqual([expect.objectContaining({ code: "blueprint_not_imported", severity: "warning", message: expect.stringContaining("entra-id-group") })]);
  });
});
