import { describe, expect, it } from "vitest";
import { pathSegments } from "./format";

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
