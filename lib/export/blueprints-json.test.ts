import { describe, expect, it } from "vitest";
import { blueprintsExport } from "./blueprints-json";
import { DOCUMENTATION_BLUEPRINTS } from "./fixtures/documentation-page";
import { sampleInput } from "./testing";

describe("blueprintsExport", () => {
  it("orders relation targets before the blueprints that point at them", () => {
    const { ordered, split } = blueprintsExport(DOCUMENTATION_BLUEPRINTS);
    const ids = ordered.map((b) => b.identifier);
    expect(ids.indexOf("entra-id-user")).toBeLessThan(ids.indexOf("entra-id-group"));
    expect(ids).toHaveLength(4);
    expect(split).toBeNull();
  });

  it("splits cyclic relations into create-then-patch, and both passes keep every relation", () => {
    const { blueprints } = sampleInput();
    const { ordered, split } = blueprintsExport(blueprints);
    expect(split).not.toBeNull();
    const created = new Set<string>();
    for (const b of split!.create) {
      // Each create only points at blueprints that exist by then (or at itself never).
      for (const r of Object.values(b.relations ?? {})) expect(created.has((r as { target: string }).target)).toBe(true);
      created.add(b.identifier);
    }
    expect(split!.patchRelations).toEqual([{ identifier: "entra-id-user", relations: { manager: { target: "entra-id-user" } } }]);
    const user = split!.create.find((b) => b.identifier === "entra-id-user")!;
    expect(user.relations).toEqual({});
    // The ordered list is the input, reordered: nothing dropped or changed.
    expect([...ordered].sort((a, b) => a.identifier.localeCompare(b.identifier))).toEqual([...blueprints].sort((a, b) => a.identifier.localeCompare(b.identifier)));
  });
});
