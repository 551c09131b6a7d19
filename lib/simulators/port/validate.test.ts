import { describe, expect, it } from "vitest";
import { blueprintSchema } from "../../port/schemas";
import { validateEntity } from "./validate";

const bp = blueprintSchema.parse({
  identifier: "user",
  title: "User",
  schema: {
    properties: {
      name: { type: "string" },
      mail: { type: "string", format: "email" },
      site: { type: "string", format: "url" },
      id: { type: "string", format: "uuid" },
      created: { type: "string", format: "date-time" },
      ip: { type: "string", format: "ipv4" },
      kind: { type: "string", enum: ["Member", "Guest"] },
      age: { type: "number" },
      enabled: { type: "boolean" },
      extra: { type: "object" },
      tags: { type: "array", items: { type: "string", format: "email" } },
    },
    required: ["enabled"],
  },
  relations: { manager: { target: "user" }, groups: { target: "group", many: true }, owner: { target: "user", required: true } },
});

const base = { identifier: "u1", properties: { enabled: true }, relations: { owner: "u0" } };
const check = (patch: Record<string, unknown>) => validateEntity(bp, { ...base, ...patch }, undefined, false);
const problem = (patch: Record<string, unknown>) => {
  const v = check(patch);
  return v.ok ? null : v.message;
};

describe("validateEntity", () => {
  it("accepts a valid entity", () => {
    const v = check({
      title: "U 1",
      properties: {
        enabled: false,
        name: "n",
        mail: "a@b.co",
        site: "https://x.example",
        id: "0b3f6a5e-4c1d-4e8a-9a8e-1f2b3c4d5e6f",
        created: "2024-02-03T04:05:06.789Z",
        ip: "10.0.0.1",
        kind: "Guest",
        age: 3.5,
        extra: { a: 1 },
        tags: ["a@b.co"],
      },
      relations: { owner: "u0", manager: "u2", groups: ["g1", "g2"] },
    });
    expect(v.ok).toBe(true);
  });

  it("refuses wrong types, formats and enum values", () => {
    expect(problem({ properties: { enabled: "yes" } })).toMatch(/"enabled" must be a boolean/);
    expect(problem({ properties: { enabled: true, age: "3" } })).toMatch(/"age" must be a number/);
    expect(problem({ properties: { enabled: true, mail: "nope" } })).toMatch(/email/);
    expect(problem({ properties: { enabled: true, site: "not a url" } })).toMatch(/URL/);
    expect(problem({ properties: { enabled: true, id: "123" } })).toMatch(/UUID/);
    expect(problem({ properties: { enabled: true, created: "2024-02-03" } })).toMatch(/date-time/);
    expect(problem({ properties: { enabled: true, ip: "999.1.1.1" } })).toMatch(/IPv4/);
    expect(problem({ properties: { enabled: true, kind: "Owner" } })).toMatch(/one of "Member", "Guest"/);
    expect(problem({ properties: { enabled: true, extra: [1] } })).toMatch(/object/);
    expect(problem({ properties: { enabled: true, tags: ["a@b.co", 5] } })).toMatch(/"tags" item 1 must be a string/);
  });

  it("refuses unknown properties and relations, and wrong relation shapes", () => {
    expect(problem({ properties: { enabled: true, shoe: 1 } })).toMatch(/"shoe" is not in blueprint "user"/);
    expect(problem({ relations: { owner: "u0", friend: "x" } })).toMatch(/relation "friend" is not in blueprint/);
    expect(problem({ relations: { owner: "u0", groups: "g1" } })).toMatch(/many/);
    expect(problem({ relations: { owner: ["u0"] } })).toMatch(/one identifier/);
  });

  it("refuses a missing required property or relation, and a bad identifier", () => {
    expect(problem({ properties: {} })).toMatch(/required property "enabled"/);
    expect(problem({ properties: { enabled: null } })).toMatch(/required property "enabled"/);
    expect(problem({ relations: {} })).toMatch(/required relation "owner"/);
    expect(problem({ identifier: "has space" })).toMatch(/identifier/);
    expect(problem({ identifier: 5 })).toMatch(/identifier/);
  });

  it("merges onto the existing entity, and null clears a property", () => {
    const existing = { identifier: "u1", title: "Old", properties: { enabled: true, name: "n", age: 3 }, relations: { owner: "u0", manager: "u9" } };
    const v = validateEntity(bp, { identifier: "u1", properties: { age: null, mail: "a@b.co" }, relations: { manager: null } }, existing, true);
    expect(v).toMatchObject({ ok: true, entity: { title: "Old", properties: { enabled: true, name: "n", mail: "a@b.co" }, relations: { owner: "u0" } } });
    if (v.ok) {
      expect(v.entity.properties).not.toHaveProperty("age");
      expect(v.entity.relations).not.toHaveProperty("manager");
    }
    // Without merge the entity is replaced, so the required property must be sent again.
    expect(validateEntity(bp, { identifier: "u1", properties: { name: "x" } }, existing, false).ok).toBe(false);
  });
});
