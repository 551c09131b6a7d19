import { describe, expect, it } from "vitest";
import { mergeBlueprint } from "./blueprint-merge";
import { blueprintSchema, type BlueprintInput } from "./schemas";

const make = (b: Partial<BlueprintInput> & { identifier: string }) => blueprintSchema.parse({ title: b.identifier, schema: {}, ...b });

describe("mergeBlueprint", () => {
  it("adds missing properties and relations and keeps what a user added in Port", () => {
    const existing = make({
      identifier: "user",
      icon: "Custom",
      schema: { properties: { mail: { type: "string", format: "email" }, costCenter: { type: "string" } }, required: ["mail"] },
      relations: { buddy: { target: "user" } },
    });
    const desired = make({
      identifier: "user",
      schema: { properties: { mail: { type: "string", format: "email" }, jobTitle: { type: "string" } }, required: ["jobTitle"] },
      relations: { manager: { target: "user" } },
    });
    const m = mergeBlueprint(existing, desired);
    expect(m.conflicts).toEqual([]);
    expect(m.addedProperties).toEqual(["jobTitle"]);
    expect(m.addedRelations).toEqual(["manager"]);
    expect(Object.keys(m.merged.schema.properties)).toEqual(["mail", "costCenter", "jobTitle"]);
    expect(Object.keys(m.merged.relations)).toEqual(["buddy", "manager"]);
    expect(m.merged.icon).toBe("Custom");
    // Not extended: existing entities would fail the new requirement.
    expect(m.merged.schema.required).toEqual(["mail"]);
  });

  it("reports a property of another type, another format, and a relation to another target", () => {
    const existing = make({
      identifier: "user",
      schema: { properties: { mail: { type: "number" }, created: { type: "string", format: "email" }, tags: { type: "array", items: { type: "number" } } } },
      relations: { manager: { target: "group" } },
    });
    const desired = make({
      identifier: "user",
      schema: { properties: { mail: { type: "string" }, created: { type: "string", format: "date-time" }, tags: { type: "array", items: { type: "string" } } } },
      relations: { manager: { target: "user" } },
    });
    const m = mergeBlueprint(existing, desired);
    expect(m.conflicts.map((c) => c.field)).toEqual(["properties.mail", "properties.created", "properties.tags", "relations.manager"]);
    expect(m.conflicts[0]!.message).toBe('Blueprint "user" in Port has property "mail" of type number; the mapping writes string.');
  });

  it("accepts a formatted desired property over an unformatted existing string", () => {
    const existing = make({ identifier: "u", schema: { properties: { when: { type: "string" } } } });
    const desired = make({ identifier: "u", schema: { properties: { when: { type: "string", format: "date-time" } } } });
    expect(mergeBlueprint(existing, desired).conflicts).toEqual([]);
  });
});
