/**
 * Differential test: the engine (fast path + jq-wasm) against Debian's jq binary, with
 * the same rule (first output; no output or error -> null), over a few hundred
 * generated Graph-like items and 40 mapping expressions. Values and outcome kinds must
 * be identical; error wording may differ between jq 1.6 and 1.8 and is not compared.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileBatch, evaluateBatch, type JqEngine } from "@/lib/jq";
import { createNodeJqPool } from "@/lib/jq/server";

const JQ = "/usr/bin/jq";

export const EXPRESSIONS = [
  ".id",
  ".displayName // .userPrincipalName",
  "[.members[]?.id]",
  ".members[].id",
  ".age | tostring",
  '.tags[] | select(startswith("a"))',
  '"\\(.id)-\\(.mail)"',
  '"\\(.age)/\\(.score)"',
  'if .accountEnabled then "on" else "off" end',
  ".manager.displayName?",
  ".mail | ascii_downcase",
  '.mail | split("@") | .[1]',
  '.userPrincipalName | test("#EXT#")',
  'error("custom")',
  "empty",
  '.userType == "Guest"',
  ".accountEnabled != false",
  '."@odata.type"',
  ".tags[0]",
  ".tags[-1]",
  ".members | length",
  '[.members[]? | select(.type == "user") | .id]',
  ".age + 1",
  ".score * 2",
  // jq 1.6 returns a non-string unchanged from ltrimstr, 1.8 errors: keep the input a string.
  '(.displayName // "") | ltrimstr("User ")',
  ".createdDateTime[0:4]",
  '.nested.deep.value // "none"',
  '(.tags // []) | join(",")',
  ".members[0].id // empty",
  "{id, mail}",
  "[.tags[] | ascii_upcase]",
  '.department // .jobTitle // "unknown"',
  ".mail | length",
  ".missing.field",
  ".age > 30",
  '.tags | map(select(. != "b"))',
  '.accountEnabled and (.userType == "Member")',
  ".tags.x?",
  ".nested?.deep",
  ".score == .age",
  "'single' + (.id | tostring)",
  // Shapes the fast path covers beyond paths and literals, with inputs of every type.
  ".tags | length",
  ".age | length",
  ".accountEnabled | length",
  "[.members[].id]",
  ".members[]?.id",
  ".tags | tostring",
  ".age | tostring",
  ".members | tostring",
  '(.tags // []) | any(. == "b")',
  '.tags | any(. == "b")',
  'any(.members[]?; .type == "device")',
  '.tags | join("-")',
  "[.members[]?.id, .tags[]?] | min",
  "[.members[]?.id] | max",
  ".displayName | ascii_downcase",
  "[.tags[]? | ascii_upcase]",
  ".accountEnabled | not",
  "(.members // []) | length",
  ".tags[], .mail",
];

/** Deterministic Graph-like users with the odd shapes real data has. */
export function generateItems(n: number): unknown[] {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const guest = rnd() < 0.2;
    const item: Record<string, unknown> = {
      "@odata.type": pick(["#microsoft.graph.user", "#microsoft.graph.group", undefined]),
      id: i % 17 === 0 ? null : `u-${i}`,
      displayName: rnd() < 0.1 ? null : `User ${i}`,
      userPrincipalName: guest ? `ann${i}_fabrikam.com#EXT#@contoso.onmicrosoft.com` : `user${i}@contoso.com`,
      mail: pick([`User${i}@Contoso.com`, null, 5, undefined]),
      accountEnabled: pick([true, false, "yes", null]),
      userType: guest ? "Guest" : pick(["Member", null]),
      age: pick([20 + (i % 40), null, "old"]),
      score: pick([1.5, 2, 0.5, null]),
      tags: pick([["alpha", "b", "ab"], [], null, "not-a-list", ["b"]]),
      members: pick([[{ id: `m${i}`, type: "user" }, { id: `d${i}`, type: "device" }], [], null, [{ type: "user" }]]),
      createdDateTime: pick(["2024-05-01T10:00:00Z", null, 20240501]),
      department: pick(["Sales", null, undefined]),
      jobTitle: pick(["Engineer", null]),
      manager: pick([{ displayName: "Boss" }, null, "text", [1]]),
      nested: pick([{ deep: { value: 1 } }, { deep: null }, null, "str"]),
    };
    for (const k of Object.keys(item)) if (item[k] === undefined) delete item[k];
    return item;
  });
}

type Outcome = { kind: "value"; value: unknown } | { kind: "empty" } | { kind: "error" };

/** The reference: jq's binary, the rule written out independently of lib/jq. */
function viaJqBinary(exprs: string[], items: unknown[]): Outcome[][] {
  const wrapped = exprs
    .map((e) => e.replace(/'([^']*)'/g, '"$1"'))
    .map((e) => `(try ([limit(1; (\n${e}\n))] | if length == 0 then {k: "empty"} else {k: "value", v: .[0]} end) catch {k: "error"})`);
  const program = `[.[] | [${wrapped.join(",\n")}]]`;
  const out = execFileSync(JQ, ["-c", program], { input: JSON.stringify(items), maxBuffer: 64 * 1024 * 1024 }).toString();
  return (JSON.parse(out) as { k: string; v?: unknown }[][]).map((row) =>
    row.map((o) => (o.k === "value" ? { kind: "value", value: o.v ?? null } : o.k === "empty" ? { kind: "empty" } : { kind: "error" })),
  );
}

const hasJq = existsSync(JQ);
if (!hasJq) console.warn(`differential test skipped: ${JQ} is absent (apt-get install jq; CI installs it)`);

describe.skipIf(!hasJq)("differential: engine vs Debian's jq binary", () => {
  let engine: JqEngine;
  beforeAll(() => {
    engine = createNodeJqPool({ size: 2 });
  });
  afterAll(async () => {
    await engine.close();
  });

  it(`${EXPRESSIONS.length} expressions over 300 items give identical results`, async () => {
    expect(EXPRESSIONS.length).toBeGreaterThanOrEqual(30);
    const items = generateItems(300);
    const batch = await compileBatch(engine, { fields: EXPRESSIONS });
    expect(batch.fields.filter((f) => f.syntaxError)).toEqual([]);
    // Both sides of the engine are exercised: some expressions fast, some through jq.
    expect(batch.jqFields.length).toBeGreaterThan(10);
    expect(batch.fields.filter((f) => f.fast).length).toBeGreaterThan(10);
    const rows = await evaluateBatch(engine, batch, items);
    const reference = viaJqBinary(EXPRESSIONS, items);
    const mismatches: string[] = [];
    rows.forEach((row, i) => {
      row.fields!.forEach((o, k) => {
        const mine: Outcome = o.kind === "error" ? { kind: "error" } : o;
        if (JSON.stringify(mine) !== JSON.stringify(reference[i]![k])) {
          mismatches.push(`${EXPRESSIONS[k]} on item ${i} ${JSON.stringify(items[i])}: engine ${JSON.stringify(mine)}, jq ${JSON.stringify(reference[i]![k])}`);
        }
      });
    });
    expect([...new Set(mismatches.map((m) => m.split(" on item")[0]))]).toEqual([]);
  });
});
