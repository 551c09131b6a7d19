import { describe, expect, it } from "vitest";
import { cellText, DETAIL_JSON_MAX, detailJson } from "./preview-words";

describe("values shown in the preview", () => {
  it("reveals bidi and zero-width characters in a cell, and cuts it", () => {
    expect(cellText("user\u202Egpj.exe")).toBe("user\\u202Egpj.exe");
    expect(cellText({ a: "x".repeat(200) }, 10)).toBe('{"a":"xxx…');
  });

  it("cuts a detail panel's JSON past its bound, saying how long it was", () => {
    const shown = detailJson({ huge: "x".repeat(1_048_576), many: Array.from({ length: 100_000 }, (_, i) => i) });
    expect(shown.length).toBeLessThan(DETAIL_JSON_MAX + 50);
    expect(shown).toMatch(/… \([\d,]+ characters in all\)$/);
    expect(detailJson(undefined)).toBe("null");
  });
});
