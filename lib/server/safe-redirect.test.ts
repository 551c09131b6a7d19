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
    // Dot segments that normalise to a protocol-relative `//host`.
    ["/..//evil.com", "/projects"],
    ["/.//evil.com", "/projects"],
    ["/./\\evil.com", "/projects"],
    ["/.\\/evil.com", "/projects"],
    ["/a/../..//evil.com/x?y=1", "/projects"],
    ["/%2e%2e//evil.com", "/projects"],
    ["/%2E//evil.com", "/projects"],
    ["/.\t//evil.com", "/projects"],
    ["/.\n/\\evil.com", "/projects"],
    ["/\n\\evil.com", "/projects"],
    ["//\\evil.com", "/projects"],
    // Encoded separators stay inside one path segment: a path on this site.
    ["/%2F%2Fevil.com", "/%2F%2Fevil.com"],
    ["/.%2F/evil.com", "/.%2F/evil.com"],
    ["/a/../projects", "/projects"],
  ])("%j -> %j", (input, expected) => {
    expect(safeCallbackPath(input as string | string[] | undefined)).toBe(expected);
  });
});
