import { describe, expect, it } from "vitest";
import { eachPath, formatPath, keyPath, parsePath, ROOT_PATH } from "./paths";

describe("jq paths", () => {
  it("write identifiers bare and every other key quoted", () => {
    expect(keyPath(ROOT_PATH, "id")).toBe(".id");
    expect(keyPath(".signInActivity", "lastSignInDateTime")).toBe(".signInActivity.lastSignInDateTime");
    expect(keyPath(eachPath(".passwordCredentials"), "endDateTime")).toBe(".passwordCredentials[].endDateTime");
    expect(keyPath(ROOT_PATH, "@odata.type")).toBe('."@odata.type"');
    expect(eachPath(ROOT_PATH)).toBe(".[]");
  });

  it("parse back to the same segments", () => {
    const cases = [
      [],
      [{ key: "id" }],
      [{ key: "a" }, { each: true }, { each: true }, { key: "b c" }],
      [{ each: true }, { key: "x" }],
      [{ key: '"q"\\' }, { key: "\t名\ud800" }, { key: "." }, { key: "" }],
    ];
    for (const segments of cases) expect(parsePath(formatPath(segments as never))).toEqual(segments);
  });

  it("refuse what they did not write", () => {
    for (const bad of ["id", ".a b", '."open', ".[", ".a[0]", "..", ".1"]) expect(parsePath(bad), bad).toBeNull();
  });
});
