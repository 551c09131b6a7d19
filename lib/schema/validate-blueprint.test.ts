import { describe, expect, it } from "vitest";
import { generateBlueprint } from "./blueprints";
import { seedBlueprints } from "./seed-blueprints";
import { validateBlueprintText } from "./validate-blueprint";

/** The text a problem underlines. */
function underlined(text: string, p: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (p.line !== p.endLine) throw new Error("multi-line range");
  return lines[p.line - 1]!.slice(p.column - 1, p.endColumn - 1);
}

describe("blueprint JSON validation", () => {
  it("accepts generated and seed blueprints, one or many", () => {
    const generated = generateBlueprint({ kind: "/users", fields: [{ path: ".mail", type: "string", format: "email" }] }).blueprint;
    expect(validateBlueprintText(JSON.stringify(generated, null, 2))).toEqual({ blueprints: [generated], problems: [] });
    const seeds = seedBlueprints();
    expect(validateBlueprintText(JSON.stringify(seeds, null, 2))).toEqual({ blueprints: seeds, problems: [] });
    // Port's defaults are applied.
    expect(validateBlueprintText('{"identifier":"x","title":"X","schema":{}}').blueprints).toEqual([{ identifier: "x", title: "X", schema: { properties: {}, required: [] }, relations: {} }]);
  });

  it("puts a JSON syntax error where it is", () => {
    const text = '{\n  "identifier": "entra-id-user",\n  "title": "User"\n  "schema": {}\n}';
    const { blueprints, problems } = validateBlueprintText(text);
    expect(blueprints).toBeNull();
    expect(problems).toEqual([{ code: "json_syntax", severity: "error", message: 'expected "," or "}", found "\\""', path: "", line: 4, column: 3, endLine: 4, endColumn: 4 }]);
    expect(validateBlueprintText('{"a": [1,]}').problems[0]).toMatchObject({ line: 1, column: 10 });
    expect(validateBlueprintText("").problems[0]).toMatchObject({ code: "json_syntax", line: 1, column: 1 });
  });

  it("underlines the offending key of a shape violation", () => {
    const text = [
      "{",
      '  "identifier": "entra id user",',
      '  "title": "User",',
      '  "schema": {',
      '    "properties": {',
      '      "mail": { "type": "strng", "format": "email" },',
      '      "tags": { "type": "array", "items": { "type": 5 } }',
      "    },",
      '    "required": ["mail", "nope"]',
      "  },",
      '  "relations": { "groups": { "target": "", "many": "yes" } }',
      "}",
    ].join("\r\n");
    const { blueprints, problems } = validateBlueprintText(text);
    expect(blueprints).toBeNull();
    expect(problems.map((p) => [p.code, p.path, p.line, underlined(text, p)])).toEqual([
      ["blueprint_shape", "identifier", 2, '"identifier"'],
      ["blueprint_shape", "schema.properties.mail.type", 6, '"type"'],
      ["blueprint_shape", "schema.properties.tags.items.type", 7, '"type"'],
      ["blueprint_shape", "relations.groups.target", 11, '"target"'],
      ["blueprint_shape", "relations.groups.many", 11, '"many"'],
    ]);
    expect(problems[0]!.message).toContain("letters, digits");
  });

  it("puts a missing key on the object that lacks it, and checks required names once the shape is right", () => {
    const missing = '[\n  {"identifier": "a", "title": "A", "schema": {}},\n  {"identifier": "b", "schema": {"properties": {}, "required": ["x"]}}\n]';
    const { problems } = validateBlueprintText(missing);
    expect(problems).toEqual([{ code: "blueprint_shape", severity: "error", message: "[1].title is missing", path: "[1].title", line: 3, column: 3, endLine: 3, endColumn: 4 }]);

    const unknownRequired = '{"identifier": "b", "title": "B", "schema": {"properties": {"x": {"type": "string"}}, "required": ["x", "y"]}}';
    const result = validateBlueprintText(unknownRequired);
    expect(result.blueprints).toBeNull();
    expect(result.problems.map((p) => [p.code, p.path, underlined(unknownRequired, p)])).toEqual([["unknown_required_property", "schema.required[1]", '"y"']]);
    expect(validateBlueprintText("42").problems.map((p) => [p.code, p.path])).toEqual([["blueprint_shape", ""]]);
  });

  it("says what is allowed in plain words, not zod's", () => {
    const text = JSON.stringify({ identifier: "x", title: "X", schema: { properties: { a: { type: "strin" }, b: { type: "string", title: 5 } } } }, null, 2);
    const messages = validateBlueprintText(text).problems.map((p) => p.message);
    expect(messages).toContain("schema.properties.a.type: must be one of string, number, boolean, object, array");
    expect(messages.some((m) => /Invalid option|expected one of/.test(m))).toBe(false);
  });

  it("warns about a key given twice without refusing the blueprint", () => {
    const text = '{"identifier": "a", "title": "A", "title": "B", "schema": {}}';
    const { blueprints, problems } = validateBlueprintText(text);
    expect(blueprints![0]!.title).toBe("B");
    expect(problems.map((p) => [p.code, p.severity, underlined(text, p)])).toEqual([["duplicate_key", "warning", '"title"']]);
  });
});
