import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it.each([
    ["/projects/abc?tab=1", "/projects/abc?tab=1"],
    ["/demo-catalog#x", "/demo-catalog#x"],
    [undefined, "/projects"],
    ["", "/projects"],
    ["https://evil.com/", "/projects"],
    ["//evil.com/x", "/projects"],
    ["/\\evil.com", "/projects"],
    ["/\t/evil.com", "/projects"],
    ["/%5Cevil.com", "/%5Cevil.com"],
    ["javascript:alert(1)", "/projects"],
    [["/a", "/b"], "/a"],
  ])("%j -> %j", (input, expected) => {
    expect(safeCallbackPath(input as string | string[] | undefined)).toBe(expected);
  });
});
