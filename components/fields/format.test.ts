import { describe, expect, it } from "vitest";
import { formatExamples, pathSegments } from "./format";

describe("a field path cut for wrapping", () => {
  it("cuts before each property name, keeping array marks with their name", () => {
    expect(pathSegments(".accountEnabled")).toEqual([".accountEnabled"]);
    expect(pathSegments(".assignedLicenses[].disabledPlans[]")).toEqual([".assignedLicenses[]", ".disabledPlans[]"]);
    expect(pathSegments(".onPremisesExtensionAttributes.extensionAttribute1")).toEqual([".onPremisesExtensionAttributes", ".extensionAttribute1"]);
  });

  it("loses no character: the segments join back into the path", () => {
    for (const path of [".a.b[].c", ".x", "", "..y", ".@odata.type"]) expect(pathSegments(path).join("")).toBe(path);
  });
});

describe("hostile names and values", () => {
  it("reveals bidi and zero-width characters in paths and examples", () => {
    expect(pathSegments(".na\u202Eme.x")).toEqual([".na\\u202Eme", ".x"]);
    expect(formatExamples(["ad\u200Bmin", 3])).toBe('"ad\\u200Bmin", 3');
  });
});
