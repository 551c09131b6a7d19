import { describe, expect, it } from "vitest";
import { orderBlueprints } from "./blueprint-order";

const bp = (identifier: string, relations: Record<string, string> = {}) => ({
  identifier,
  relations: Object.fromEntries(Object.entries(relations).map(([name, target]) => [name, { target }])),
});

describe("orderBlueprints", () => {
  it("creates targets before the blueprints that relate to them", () => {
    const order = orderBlueprints([bp("sp", { application: "app" }), bp("app")]);
    expect(order.order).toEqual(["app", "sp"]);
    expect(order.cycles).toEqual([]);
    expect(order.steps.every((s) => s.kind === "create" && s.deferredRelations.length === 0)).toBe(true);
  });

  it("breaks the user/group cycle: both created without the cyclic relations, then patched", () => {
    const order = orderBlueprints([
      bp("user", { groups: "group", manager: "user" }),
      bp("group", { members: "user" }),
      bp("membership", { group: "group", member: "user" }),
    ]);
    expect(order.cycles).toEqual([["user", "group"]]);
    expect(order.order.indexOf("membership")).toBe(2);
    expect(order.steps).toEqual([
      { kind: "create", identifier: "user", deferredRelations: ["groups", "manager"] },
      { kind: "create", identifier: "group", deferredRelations: ["members"] },
      { kind: "create", identifier: "membership", deferredRelations: [] },
      { kind: "add-relations", identifier: "user", relations: ["groups", "manager"] },
      { kind: "add-relations", identifier: "group", relations: ["members"] },
    ]);
  });

  it("treats a self-relation as a cycle and ignores targets outside the set", () => {
    const order = orderBlueprints([bp("user", { manager: "user", team: "_team" })]);
    expect(order.cycles).toEqual([["user"]]);
    expect(order.steps[0]).toEqual({ kind: "create", identifier: "user", deferredRelations: ["manager"] });
  });
});
