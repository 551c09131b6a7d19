import { describe, expect, it } from "vitest";
import { canonicalJson, entityFingerprint } from "./fingerprint";

const base = {
  identifier: "u1",
  title: "Adele Vance",
  icon: "Microsoft",
  team: ["platform"],
  properties: { mail: "adele@contoso.com", phones: ["+1 1", "+1 2"], extra: { b: 1, a: [{ y: 2, x: 1 }] } },
  relations: { groups: ["g2", "g1"], manager: "u0" },
};

describe("canonicalJson", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}');
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
  });
});

describe("entityFingerprint", () => {
  const fp = entityFingerprint(base);

  it("is short and stable", () => {
    expect(fp).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(entityFingerprint(structuredClone(base))).toBe(fp);
  });

  it("ignores key order, nulls versus absence, relation order and Port's bookkeeping", () => {
    const asPortHoldsIt = {
      relations: { manager: "u0", groups: ["g1", "g2", "g1"], owner: null, tags: [] },
      properties: { extra: { a: [{ x: 1, y: 2 }], b: 1 }, jobTitle: null, phones: ["+1 1", "+1 2"], mail: "adele@contoso.com" },
      team: "platform",
      icon: "Microsoft",
      title: "Adele Vance",
      identifier: "u1",
      createdAt: "2026-01-01T00:00:00Z",
      updatedBy: "x",
      blueprint: "entra-id-user",
    };
    expect(entityFingerprint(asPortHoldsIt)).toBe(fp);
    expect(entityFingerprint({ ...base, icon: null, team: [] })).toBe(entityFingerprint({ ...base, icon: undefined, team: null }));
  });

  it("changes with any written field", () => {
    const variants = [
      { ...base, identifier: "u2" },
      { ...base, title: "Adele" },
      { ...base, title: null },
      { ...base, icon: "User" },
      { ...base, team: ["platform", "sre"] },
      { ...base, properties: { ...base.properties, mail: "other@contoso.com" } },
      { ...base, properties: { ...base.properties, phones: ["+1 2", "+1 1"] } },
      { ...base, properties: { ...base.properties, extra: { b: "1", a: [{ y: 2, x: 1 }] } } },
      { ...base, properties: { ...base.properties, costCenter: "42" } },
      { ...base, relations: { ...base.relations, manager: "u9" } },
      { ...base, relations: { groups: ["g1"], manager: "u0" } },
      { ...base, relations: { groups: ["g1", "g2"] } },
    ];
    const prints = variants.map(entityFingerprint);
    expect(new Set([fp, ...prints]).size).toBe(variants.length + 1);
  });

  it("does not confuse a property value with a relation value", () => {
    expect(entityFingerprint({ identifier: "x", properties: { a: "b" } })).not.toBe(entityFingerprint({ identifier: "x", relations: { a: "b" } }));
  });
});
