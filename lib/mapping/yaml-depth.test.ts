import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_YAML_DEPTH, offsetPastDepth, parseYamlBounded } from "./yaml-depth";

const flow = (depth: number) => `resources: ${"[".repeat(depth)}${"]".repeat(depth)}\n`;
const block = (depth: number) => `resources:\n${Array.from({ length: depth }, (_, i) => `${" ".repeat(i)}- `).join("\n")}x\n`;

describe("offsetPastDepth", () => {
  it("counts maps, lists, flow collections and compact nesting, up to the limit and one past it", () => {
    // The root map is level 1, `resources`' list level 2, so `depth` brackets reach depth + 1.
    expect(offsetPastDepth(flow(MAX_YAML_DEPTH - 1))).toBeNull();
    expect(offsetPastDepth(flow(MAX_YAML_DEPTH))).toBe("resources: ".length + MAX_YAML_DEPTH - 1);
    expect(offsetPastDepth(block(MAX_YAML_DEPTH - 1))).toBeNull();
    expect(offsetPastDepth(block(MAX_YAML_DEPTH))).not.toBeNull();
    expect(offsetPastDepth(`resources:\n${"- ".repeat(MAX_YAML_DEPTH - 1)}x\n`)).toBeNull();
    expect(offsetPastDepth(`resources:\n${"- ".repeat(MAX_YAML_DEPTH)}x\n`)).toBe("resources:\n".length + 2 * (MAX_YAML_DEPTH - 1));
    expect(offsetPastDepth(`a: ${"{k: ".repeat(MAX_YAML_DEPTH)}1${"}".repeat(MAX_YAML_DEPTH)}\n`)).not.toBeNull();
    // Keys are nodes too (a complex key holding the nesting).
    expect(offsetPastDepth(`? ${"[".repeat(MAX_YAML_DEPTH)}${"]".repeat(MAX_YAML_DEPTH)}\n: v\n`)).not.toBeNull();
  });

  it("brackets inside quoted or plain scalars are text, not nesting", () => {
    const deepLooking = "[".repeat(500);
    expect(offsetPastDepth(`a: "${deepLooking}"\nb: '${deepLooking}'\nc: .x${deepLooking}\n`)).toBeNull();
  });

  it("looks into every document of a stream, and reads 500,000 levels without a stack of its own", () => {
    expect(offsetPastDepth(`a: 1\n---\n${flow(MAX_YAML_DEPTH)}`)).toBe("a: 1\n---\n".length + "resources: ".length + MAX_YAML_DEPTH - 1);
    expect(offsetPastDepth(flow(500_000))).toBe("resources: ".length + MAX_YAML_DEPTH - 1);
  });
});

describe("parseYamlBounded", () => {
  it("composes what is within the limit and says where the text passes it, 1-based", () => {
    const ok = parseYamlBounded("a:\n  b: [1, 2]\n");
    expect(ok.doc?.toJS()).toEqual({ a: { b: [1, 2] } });
    const deep = parseYamlBounded(`x: 1\n${block(200)}`);
    expect(deep.doc).toBeNull();
    // Line 1 is `x: 1`, line 2 `resources:`; the list on line 3 + i is level i + 2.
    expect(deep.tooDeep).toEqual({ limit: MAX_YAML_DEPTH, line: 3 + MAX_YAML_DEPTH - 1, column: MAX_YAML_DEPTH });
  });

  it("keeps a process alive through hostile nesting parsed after GCs (V8 aborted it in the 5th round before)", () => {
    const child = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", path.join(import.meta.dirname, "fixtures/deep-yaml-after-gc.ts"), "12"], { encoding: "utf8", timeout: 120_000 });
    expect(child.stderr).not.toMatch(/FATAL ERROR/);
    expect({ status: child.status, signal: child.signal }).toEqual({ status: 0, signal: null });
    const rounds = child.stdout.trim().split("\n").map((l) => JSON.parse(l) as { code: string; location: { line: number } });
    expect(rounds).toHaveLength(12);
    for (const r of rounds) expect(r).toMatchObject({ code: "yaml_too_deep", location: { line: 2 + MAX_YAML_DEPTH - 1 } });
  }, 120_000);
});
