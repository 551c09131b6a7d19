/**
 * Generative guard: random expressions from the fast path's grammar over random items,
 * the fast path against jq-wasm (outputs AND error messages), with a fixed seed.
 *
 * Items are written as JSON TEXT and read with JSON.parse, as they reach the engine (so
 * `1e1000` arrives as Infinity, `100000000000000000001` as 1e20, `"\ud800"` as a lone
 * surrogate); jq reads what the engine hands it, JSON.stringify of that value. The fast
 * path must give exactly jq's outcome or hand the item to jq (NEEDS_JQ), using the same
 * per-item protocol as evaluateBatch: screen the item once (readsBackAlike), then run.
 * jq runs many expressions over all items in one call (one page program), as the engine does.
 */
import { isDeepStrictEqual } from "node:util";
import { loadJq } from "jq-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { Rng } from "@/lib/simulators/graph/random";
import { compileFastPath, EMPTY, JqRuntimeError, NEEDS_JQ, type FastExpr } from "./fast-path";
import { readsBackAlike } from "./fast-input";
import { buildPageProgram, decodeOutcome, type FieldOutcome } from "./program";

const SEED = 0x5eed_1e8;
const EXPRESSIONS = 700;
const RANDOM_ITEMS = 36;
/** Expressions per jq call: one page program with that many fields. */
const PER_CALL = 35;

// Keys as they appear in items (JSON text) and the ways an expression names them.
const KEYS: { json: string; access: string[] }[] = [
  { json: '"a"', access: [".a", '."a"', '.["a"]'] },
  { json: '"b"', access: [".b", '.["b"]'] },
  { json: '"id"', access: [".id"] },
  { json: '"tags"', access: [".tags"] },
  { json: '"n"', access: [".n"] },
  { json: '"x-y"', access: ['."x-y"', '.["x-y"]'] },
  { json: '"@odata.type"', access: ['."@odata.type"'] },
  { json: '"aVeryLongPropertyNameWellBeyondThirtyCharacters"', access: [".aVeryLongPropertyNameWellBeyondThirtyCharacters"] },
  { json: '"ключ_длинный_ключ_кириллица"', access: ['."ключ_длинный_ключ_кириллица"'] },
  { json: '"é"', access: ['."é"', '."\\u00e9"'] },
  { json: '"😀k"', access: ['."😀k"', '."\\ud83d\\ude00k"'] },
  { json: '"del\\u007fkey"', access: ['."del\\u007fkey"'] },
  { json: '"ctl\\u0001\\nkey"', access: ['."ctl\\u0001\\nkey"'] },
  { json: '"€€€€€€€€€€€€"', access: ['."€€€€€€€€€€€€"'] },
  { json: '""', access: ['.""'] },
];

// Numbers as JSON text: decimal and exponent spellings, beyond 2^53, beyond the double range.
const NUMBER_TEXTS = ["0", "1", "2", "-2", "12", "1.0", "1.5", "0.1", "-2.5", "1e2", "1E2", "1e-7", "2.5e+20", "100000000000000000001", "9007199254740993", "123456789012345", "1e15", "1e1000", "-1e1000", "1e-1000", "-0", "0.30000000000000004"];
const STRING_TEXTS = ['"Unified"', '"b"', '"abc"', '"A"', '"héllo 😀 Z"', '"bad\\ud800"', '"\\udc00x"', '"\\ud83d\\ude00"', '"ctl\\u0001\\u007f"', '"tab\\tnl\\n"', '""', '"ключ"', '"ÀÉ"', '"a string that is longer than thirty characters"', '"ééééééééééééééééé"'];

// Literals as an expression spells them.
const NUMBER_LITERALS = ["0", "1", "2", "12", "1.0", "1.5", "0.0", "00", "1E2", "1e2", "1e-7", "1.000000000000000000001", "100000000000000000001", "100000000000000000000", "9007199254740993", "9007199254740992", "1e+21", "0.1", "1e1000", "123456789012345", "2.5e+20"];
const STRING_LITERALS = ['"x"', '"Unified"', '"b"', '"A"', '"\\u00e9"', '"😀"', '"a\\tb"', '"\\u007f"', '"abc"', '""', '"ключ"'];
const JOIN_SEPARATORS = ['","', '"-"', '""', '"é"'];

function jsonText(rng: Rng, depth: number): string {
  const r = rng.next();
  if (depth <= 0 || r < 0.55) {
    const s = rng.next();
    if (s < 0.15) return rng.pick(["null", "true", "false"]);
    if (s < 0.55) return rng.pick(NUMBER_TEXTS);
    return rng.pick(STRING_TEXTS);
  }
  if (r < 0.75) return `[${Array.from({ length: rng.int(5) }, () => jsonText(rng, depth - 1)).join(",")}]`;
  return objectText(rng, depth - 1, rng.int(5));
}

function objectText(rng: Rng, depth: number, size: number): string {
  const entries = new Map<string, string>();
  for (let i = 0; i < size; i++) entries.set(rng.pick(KEYS).json, jsonText(rng, depth));
  return `{${[...entries].map(([k, v]) => `${k}:${v}`).join(",")}}`;
}

/** Items as JSON text: random ones, plus each special number and string under every key shape. */
function itemTexts(rng: Rng): string[] {
  const out: string[] = ["null", "[1,2]", '"scalar"', "5"];
  for (const t of [...NUMBER_TEXTS, ...STRING_TEXTS]) out.push(`{"a":${t},"tags":[${t},"b"],${rng.pick(KEYS).json}:${t}}`);
  for (let i = 0; i < RANDOM_ITEMS; i++) out.push(objectText(rng, 3, 1 + rng.int(6)));
  return out;
}

function path(rng: Rng): string {
  let p = rng.chance(0.12) ? "." : rng.pick(rng.pick(KEYS).access);
  const steps = rng.int(3);
  for (let i = 0; i < steps; i++) {
    p += rng.pick(["[]", "[]?", "?", "[0]", "[-1]", "[1]", "[5]", `${rng.pick(rng.pick(KEYS).access)}`, '["a"]']);
  }
  return p;
}

function literal(rng: Rng): string {
  const r = rng.next();
  if (r < 0.45) return rng.pick(NUMBER_LITERALS);
  if (r < 0.85) return rng.pick(STRING_LITERALS);
  return rng.pick(["true", "false", "null", "empty"]);
}

const BUILTINS = ["length", "tostring", "ascii_downcase", "ascii_upcase", "min", "max", "not"];

function term(rng: Rng, depth: number): string {
  const r = rng.next();
  if (depth <= 0 || r < 0.4) return path(rng);
  if (r < 0.55) return literal(rng);
  if (r < 0.7) return `(${expression(rng, depth - 1)})`;
  if (r < 0.8) return `[${expression(rng, depth - 1)}]`;
  if (r < 0.9) return interpolation(rng, depth - 1);
  return rng.pick(BUILTINS);
}

function interpolation(rng: Rng, depth: number): string {
  const parts = 1 + rng.int(2);
  let s = '"';
  for (let i = 0; i < parts; i++) s += `${rng.pick(["", "-", "id:", "é"])}\\(${expression(rng, depth)})`;
  return `${s}${rng.pick(["", "!"])}"`;
}

function expression(rng: Rng, depth: number): string {
  const r = rng.next();
  if (depth <= 0 || r < 0.25) return term(rng, depth);
  if (r < 0.35) return `${term(rng, depth - 1)} // ${term(rng, depth - 1)}`;
  if (r < 0.5) return `${term(rng, depth - 1)} ${rng.pick(["==", "!="])} ${term(rng, depth - 1)}`;
  if (r < 0.7) return `${term(rng, depth - 1)} | ${rng.chance(0.6) ? rng.pick([...BUILTINS, `join(${rng.pick(JOIN_SEPARATORS)})`]) : expression(rng, depth - 1)}`;
  if (r < 0.78) return `${term(rng, depth - 1)}, ${term(rng, depth - 1)}`;
  if (r < 0.86) return `any(${term(rng, depth - 1)} == ${literal(rng)})`;
  if (r < 0.92) return `any(${path(rng)}; ${term(rng, depth - 1)})`;
  return `[${path(rng)}, ${path(rng)}] | ${rng.pick(["min", "max", "length", "tostring", 'join(",")'])}`;
}

type Decision = FieldOutcome | "needs-jq";

/** The fast path's answer for one item, by evaluateBatch's protocol. */
function decide(f: FastExpr, item: unknown): Decision {
  if (!readsBackAlike(item)) return "needs-jq";
  try {
    const v = f(item);
    return v === EMPTY ? { kind: "empty" } : { kind: "value", value: v };
  } catch (e) {
    if (e === NEEDS_JQ) return "needs-jq";
    if (e instanceof JqRuntimeError) return { kind: "error", message: e.message };
    throw e;
  }
}

describe("fast path vs jq-wasm on generated expressions and items", () => {
  let jq: Awaited<ReturnType<typeof loadJq>>;
  beforeAll(async () => {
    jq = await loadJq();
  });

  it("decides at least 10,000 cases, each exactly as jq does (outputs and error messages)", () => {
    const rng = new Rng(SEED);
    const items = itemTexts(rng).map((t) => JSON.parse(t) as unknown);
    // What jq reads is JSON.stringify of the engine's value; some items it cannot read at all.
    const readable = items.map((item) => jq.raw(JSON.stringify(item), ".", ["-c"]).exitCode === 0);
    const readableItems = items.filter((_, i) => readable[i]);
    expect(readable.filter((r) => !r).length).toBeGreaterThan(0); // the lone-surrogate items

    const candidates = [...new Set(Array.from({ length: EXPRESSIONS }, () => expression(rng, 3)))];
    const fast = candidates.flatMap((source) => {
      const f = compileFastPath(source);
      return f ? [{ source, f }] : [];
    });
    // jq's outcomes, PER_CALL expressions per call; an expression jq does not compile is
    // never handed to the fast path (compileBatch checks syntax first): leave it out.
    const expected = new Map<string, FieldOutcome[]>();
    const runPage = (sources: string[]): FieldOutcome[][] | null => {
      const r = jq.raw(JSON.stringify(readableItems), buildPageProgram(sources), ["-c"]);
      if (r.exitCode !== 0) return null;
      return (JSON.parse(r.stdout) as unknown[][]).map((row) => row.map(decodeOutcome));
    };
    for (let c = 0; c < fast.length; c += PER_CALL) {
      const group = fast.slice(c, c + PER_CALL).map((x) => x.source);
      const rows = runPage(group);
      group.forEach((source, k) => {
        const column = rows ? rows.map((row) => row[k]!) : runPage([source])?.map((row) => row[0]!);
        if (column) expected.set(source, column);
      });
    }

    let decided = 0;
    let handedToJq = 0;
    const mismatches: string[] = [];
    for (const { source, f } of fast) {
      const column = expected.get(source);
      if (!column) continue;
      let n = 0;
      items.forEach((item, i) => {
        const got = decide(f, item);
        const want: FieldOutcome | "unreadable" = readable[i] ? column[n++]! : "unreadable";
        if (got === "needs-jq") {
          handedToJq++;
          return;
        }
        decided++;
        if (!isDeepStrictEqual(got, want)) {
          mismatches.push(`${source} on ${JSON.stringify(item)}: fast ${JSON.stringify(got)}, jq ${JSON.stringify(want)}`);
        }
      });
    }
    expect(mismatches.slice(0, 15)).toEqual([]);
    expect(decided).toBeGreaterThanOrEqual(10_000);
    // Handing over is allowed, but the fast path must still do most of the work.
    expect(handedToJq).toBeLessThan(decided);
    expect(fast.length).toBeGreaterThan(candidates.length / 2);
  });
});
