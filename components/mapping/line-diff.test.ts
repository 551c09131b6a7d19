import { describe, expect, it } from "vitest";
import { diffCounts, lineDiff, withContext } from "./line-diff";

const render = (before: string, after: string) => lineDiff(before, after).map((l) => `${l.kind === "same" ? " " : l.kind === "added" ? "+" : "-"}${l.text}`);

describe("lineDiff", () => {
  it("shows changed lines between common ones, with line numbers on both sides", () => {
    expect(render("a\nb\nc\nd", "a\nc\nx\nd")).toEqual([" a", "-b", " c", "+x", " d"]);
    const lines = lineDiff("a\nb\nc", "a\nB\nc");
    expect(lines.find((l) => l.kind === "removed")).toMatchObject({ text: "b", oldLine: 2, newLine: null });
    expect(lines.find((l) => l.kind === "added")).toMatchObject({ text: "B", oldLine: null, newLine: 2 });
    expect(diffCounts(lines)).toEqual({ added: 1, removed: 1 });
  });

  it("gives the least change (a moved block is a removal and an addition, the rest stays)", () => {
    expect(render("x\n1\n2\n3\ny", "1\n2\n3\nx\ny")).toEqual(["-x", " 1", " 2", " 3", "+x", " y"]);
    expect(diffCounts(lineDiff("same\n".repeat(5000), "same\n".repeat(5000)))).toEqual({ added: 0, removed: 0 });
  });

  it("cuts long unchanged stretches to the context around changes", () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join("\n");
    const after = before.replace("l10", "L10");
    const shown = withContext(lineDiff(before, after), 2);
    expect(shown.map((l) => (l ? l.text : "…"))).toEqual(["…", "l8", "l9", "l10", "L10", "l11", "l12", "…"]);
  });
});
