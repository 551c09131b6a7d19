import { describe, expect, it } from "vitest";
import type { PortEntity } from "@/lib/port";
import { contentJson, wireJson } from "./diff";

// The shapes the mapping builds (lib/mapping/evaluate.ts, less `blueprint`: map-page.ts):
// identifier, title, icon and team only when mapped, properties, relations.
const shapes: PortEntity[] = [
  { identifier: "u1", title: "Ada", properties: { mail: "ada@contoso.com", enabled: true, n: 3.5 }, relations: { manager: "u2", groups: ["g1", "g2"] } },
  { identifier: "u2", title: null, properties: {}, relations: {} },
  { identifier: "u3", title: "Zoë \u202e \"quoted\" \\ back", icon: "User", team: ["t1"], properties: { nested: { a: [1, { b: null }] }, empty: "" }, relations: { manager: null } },
  { identifier: "weird \u0000 id \ud83d\ude00", title: "x", icon: null, properties: { big: 1e21, neg: -0 }, relations: {} },
  { identifier: "u5", title: "only team", team: null, properties: { list: [] }, relations: {} },
];

describe("wireJson: the entity's upsert text from its stored content", () => {
  it.each(shapes.map((e) => [e.identifier, e] as const))("is exactly JSON.stringify of the entity (%s)", (_, entity) => {
    expect(wireJson(entity.identifier, contentJson(entity))).toBe(JSON.stringify(entity));
  });

  it("parses back to the entity", () => {
    for (const entity of shapes) expect(JSON.parse(wireJson(entity.identifier, contentJson(entity)))).toEqual(JSON.parse(JSON.stringify(entity)));
  });

  it("is valid JSON for content without keys", () => {
    expect(JSON.parse(wireJson("a", "{}"))).toEqual({ identifier: "a" });
  });
});
