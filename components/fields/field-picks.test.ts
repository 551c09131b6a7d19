import { describe, expect, it } from "vitest";
import { inferFields, type InferredField } from "@/lib/schema";
import {
  defaultSetLabel,
  filterFields,
  missingPicks,
  needsSelect,
  pickRange,
  resourceOf,
  selectWarnings,
  selectedProperties,
  setPicked,
  stringFieldPaths,
  topLevelProperty,
  updateResource,
} from "./field-picks";
import { formatExamples, formatPercent } from "./format";

// Users as Graph returns them with a $select that names department (not in the default set).
const users = [
  { id: "1", displayName: "Ann", mail: "ann@contoso.com", department: "Sales", signInActivity: { lastSignInDateTime: "2024-01-02T03:04:05Z" }, businessPhones: ["1"] },
  { id: "2", displayName: "Bob", mail: null, department: null, signInActivity: null, businessPhones: [] },
];
const fields = inferFields(users, { kind: "/users" }).fields;
const field = (path: string): InferredField => fields.find((f) => f.path === path)!;

describe("which fields need $select", () => {
  it("knows from the default set that department is left out, and mail is not", () => {
    expect(field(".department").inDefaultSet).toBe(false);
    expect(field(".mail").inDefaultSet).toBe(true);
    expect(needsSelect(field(".department"), null)).toBe(true);
    expect(needsSelect(field(".mail"), null)).toBe(false);
  });

  it("reads the sample's $select case-insensitively, nested fields by their top-level property", () => {
    const select = selectedProperties(" id, Department ,signInActivity");
    expect(needsSelect(field(".department"), select)).toBe(false);
    expect(needsSelect(field(".signInActivity.lastSignInDateTime"), select)).toBe(false);
    expect(needsSelect(field(".signInActivity.lastSignInDateTime"), selectedProperties("id"))).toBe(true);
    expect(selectedProperties("  ")).toBeNull();
  });

  it("warns once per property, only for picked fields", () => {
    const picked = [".department", ".signInActivity", ".signInActivity.lastSignInDateTime", ".mail"];
    const warnings = selectWarnings(fields, picked, selectedProperties("id,mail"));
    expect(warnings.map((w) => w.property)).toEqual(["department", "signInActivity"]);
    expect(warnings[0]!.message).toBe(
      "Graph returns department only when selected: the mapping's $select must list it (the Mapping step can write it for you).",
    );
    expect(selectWarnings(fields, [".mail"], null)).toEqual([]);
  });

  it("names the top-level property of quoted and array paths", () => {
    expect(topLevelProperty('."@odata.type"')).toBe("@odata.type");
    expect(topLevelProperty(".passwordCredentials[].endDateTime")).toBe("passwordCredentials");
    expect(topLevelProperty("not a path")).toBeNull();
  });

  it("says the default column in words", () => {
    expect([true, false, null].map(defaultSetLabel)).toEqual(["yes", "not returned unless selected", "unknown"]);
  });
});

describe("filters", () => {
  it("combines the path text, the default-set toggle and the picked toggle", () => {
    const picked = new Set([".department", ".mail"]);
    const paths = (f: InferredField[]) => f.map((x) => x.path);
    expect(paths(filterFields(fields, { text: "MAIL", defaultOnly: false, pickedOnly: false }, picked))).toEqual([".mail"]);
    expect(paths(filterFields(fields, { text: "", defaultOnly: false, pickedOnly: true }, picked))).toEqual([".department", ".mail"]);
    expect(paths(filterFields(fields, { text: "", defaultOnly: true, pickedOnly: true }, picked))).toEqual([".mail"]);
  });
});

describe("picking", () => {
  it("adds new picks at the end once, and removes them", () => {
    expect(setPicked([".id", ".mail"], [".mail", ".surname", ".surname"], true)).toEqual([".id", ".mail", ".surname"]);
    expect(setPicked([".id", ".mail", ".surname"], [".mail", ".other"], false)).toEqual([".id", ".surname"]);
  });

  it("a shift-click sets every shown path between the anchor and the target, in either direction", () => {
    const shown = [".a", ".b", ".c", ".d", ".e"];
    expect(pickRange([], shown, ".b", ".d", true)).toEqual([".b", ".c", ".d"]);
    expect(pickRange([".a", ".b", ".c", ".d", ".e"], shown, ".e", ".c", false)).toEqual([".a", ".b"]);
    // The anchor was filtered away: only the target changes.
    expect(pickRange([], shown, ".zzz", ".c", true)).toEqual([".c"]);
    expect(pickRange([], shown, null, ".c", true)).toEqual([".c"]);
  });
});

describe("the endpoint's entry", () => {
  it("starts from the suggested identifier and title, and keeps what the person chose", () => {
    expect(resourceOf({ resources: {} }, "/users", "/users", fields)).toEqual({ picked: [], identifier: ".id", title: ".displayName // .userPrincipalName" });
    const doc = updateResource({ resources: {} }, "/users", "/users", fields, (r) => ({ ...r, picked: [".mail"] }));
    expect(doc.resources["/users"]).toEqual({ picked: [".mail"], identifier: ".id", title: ".displayName // .userPrincipalName" });
    const renamed = updateResource(doc, "/users", "/users", fields, (r) => ({ ...r, title: ".mail" }));
    expect(renamed.resources["/users"]).toEqual({ picked: [".mail"], identifier: ".id", title: ".mail" });
    expect(resourceOf(renamed, "/groups", "/groups", [])).toMatchObject({ identifier: ".id", title: ".displayName" });
  });

  it("offers only scalar strings as identifier or title", () => {
    expect(stringFieldPaths(fields)).toEqual(expect.arrayContaining([".id", ".displayName", ".mail", ".department", ".signInActivity.lastSignInDateTime"]));
    expect(stringFieldPaths(fields)).not.toContain(".businessPhones");
    expect(stringFieldPaths(fields).some((p) => p.includes("[]"))).toBe(false);
  });
});

describe("numbers", () => {
  it("shows shares as readable percentages", () => {
    expect([0, 1, 0.5, 0.985, 0.0004, 0.9996, 1 / 3].map(formatPercent)).toEqual(["0%", "100%", "50%", "98.5%", "<0.1%", ">99.9%", "33.3%"]);
  });

  it("quotes string examples", () => {
    expect(formatExamples(["a", 1, true])).toBe('"a", 1, true');
  });
});

describe("picks the sample no longer has", () => {
  it("names the picked paths without a field, in pick order, and nothing when all are there", () => {
    // The same users sampled again with $select=id,displayName: mail and department are gone.
    const narrower = inferFields(users.map(({ id, displayName }) => ({ id, displayName })), { kind: "/users" }).fields;
    const picked = [".mail", ".id", ".department", ".displayName"];
    expect(missingPicks(narrower, picked)).toEqual([".mail", ".department"]);
    expect(missingPicks(fields, picked)).toEqual([]);
    expect(setPicked(picked, missingPicks(narrower, picked), false)).toEqual([".id", ".displayName"]);
  });
});
