import { describe, expect, it } from "vitest";
import { clipText, revealInvisible, shownText } from "./visible-text";

describe("visible text", () => {
  it("writes bidi controls and zero-width characters as escapes", () => {
    expect(revealInvisible("invoice\u202Efdp.exe")).toBe("invoice\\u202Efdp.exe");
    expect(revealInvisible("ad\u200Bmin\u200C\u200D\uFEFF\u2066x\u2069")).toBe("ad\\u200Bmin\\u200C\\u200D\\uFEFF\\u2066x\\u2069");
    expect(revealInvisible("Zoë Ångström 日本 العربية")).toBe("Zoë Ångström 日本 العربية");
  });

  it("cuts a long value, saying its length, never inside a surrogate pair", () => {
    expect(clipText("x".repeat(1_048_576))).toBe(`${"x".repeat(2_000)}… (1,048,576 characters in all)`);
    expect(clipText("ab😀cd", 3)).toBe("ab… (6 characters in all)");
    expect(shownText("\u202E".repeat(10), 12)).toBe("\\u202E\\u202E… (60 characters in all)");
  });
});
