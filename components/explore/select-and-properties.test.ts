import { describe, expect, it } from "vitest";
import { KNOWN_PROPERTIES, knownPropertiesFor, resourceKindOf } from "./known-properties";
import { isSelected, parseSelect, toggleSelect, unknownSelected } from "./select-list";
import { GROUP_NON_DEFAULT_PROPERTIES, USER_DEFAULT_PROPERTIES } from "@/lib/mapping/graph-defaults";

describe("$select as text and as a list", () => {
  it("reads names in order, without blanks or case-insensitive repeats", () => {
    expect(parseSelect(" id, displayName,,ID , department ")).toEqual(["id", "displayName", "department"]);
    expect(parseSelect("")).toEqual([]);
  });

  it("toggles one name and keeps everything else the person wrote", () => {
    expect(toggleSelect("id,displayName", "department")).toBe("id,displayName,department");
    expect(toggleSelect("id, DisplayName ,manager/id", "displayName")).toBe("id,manager/id");
    expect(isSelected("id,Mail", "mail")).toBe(true);
  });

  it("names the selected properties the resource does not have, not paths or casts", () => {
    expect(unknownSelected("id,dispayName,manager/id,members($select=id)", KNOWN_PROPERTIES.user)).toEqual(["dispayName"]);
    expect(unknownSelected("anything", [])).toEqual([]);
  });
});

describe("known properties per endpoint", () => {
  it("knows which resource a path returns", () => {
    expect(resourceKindOf("/users")).toBe("user");
    expect(resourceKindOf("/users/abc")).toBe("user");
    expect(resourceKindOf("/servicePrincipals")).toBe("servicePrincipal");
    expect(resourceKindOf("/groups/g1/members")).toBe("member");
    expect(resourceKindOf("/directoryRoles")).toBe("directoryRole");
    expect(resourceKindOf("/users/abc/memberOf")).toBeNull();
    expect(resourceKindOf("/sites")).toBeNull();
  });

  it("marks exactly Graph's default set of a user as default", () => {
    const users = knownPropertiesFor("/users");
    expect(users.defaults).toBe("exact");
    expect(users.properties.filter((p) => p.isDefault).map((p) => p.name).sort()).toEqual([...USER_DEFAULT_PROPERTIES].sort());
    expect(users.properties.find((p) => p.name === "department")?.isDefault).toBe(false);
  });

  it("members are directory objects with the user properties, users' defaults marked", () => {
    const members = knownPropertiesFor("/groups/0000/members");
    expect(members.kind).toBe("member");
    expect(members.properties.map((p) => p.name)).toEqual(expect.arrayContaining(["id", "deletedDateTime", "userPrincipalName", "accountEnabled"]));
    expect(members.properties.filter((p) => p.isDefault).map((p) => p.name).sort()).toEqual([...USER_DEFAULT_PROPERTIES].sort());
  });

  it("groups: every listed property is default except the ones Graph returns only when selected", () => {
    const groups = knownPropertiesFor("/groups");
    expect(groups.defaults).toBe("all-but");
    const selectOnly = groups.properties.filter((p) => !p.isDefault).map((p) => p.name);
    expect(selectOnly.sort()).toEqual([...GROUP_NON_DEFAULT_PROPERTIES].filter((n) => KNOWN_PROPERTIES.group.includes(n)).sort());
    expect(selectOnly).toContain("allowExternalSenders");
  });

  it("lists no name twice and includes id for every resource", () => {
    for (const [kind, names] of Object.entries(KNOWN_PROPERTIES)) {
      expect(new Set(names).size, kind).toBe(names.length);
      expect(names, kind).toContain("id");
    }
  });
});
