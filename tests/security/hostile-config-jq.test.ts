/**
 * Hostile jq in a mapping: programs that never end or allocate without bound are stopped
 * (time limit, wasm memory abort, a cap on the output copied to the server's thread) with
 * a message that says why, and the pool answers the next request. No program sees the
 * builder's own environment: `$ENV` and `env` are `{}` in every mapping expression (as
 * Ocean defines them), and even a raw program on the pool sees only jq-wasm's stand-in
 * environment, never process.env.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileBatch, evaluateBatch, MAX_OUTPUT_CHARS, type JqEngine } from "@/lib/jq";
import { createNodeJqPool } from "@/lib/jq/server";

const CANARY = "SECRET_CANARY_value_h23_7f3a";
const LIMIT_MS = 1_500;
let pool: JqEngine;

beforeAll(() => {
  process.env.SECRET_CANARY = CANARY;
  pool = createNodeJqPool({ size: 2, timeoutMs: LIMIT_MS });
});
afterAll(async () => {
  delete process.env.SECRET_CANARY;
  await pool.close();
});

const NEVER_ENDS = ["def f: f; f", "[repeat(1)]", "[range(1e9)]", "last(range(1e12))"];
const UNBOUNDED = ["[range(1e8)] | tostring", 'reduce range(40) as $i ("ab"; . + .)', '"x" * 100000000'];

async function stillAnswers(): Promise<void> {
  expect(await pool.run({ program: ".a + 1", input: '{"a":1}' })).toEqual({ ok: true, stdout: "2" });
}

describe("jq that never ends or allocates without bound", () => {
  it.each([...NEVER_ENDS, ...UNBOUNDED])("the pool stops %s with a clear reason, then answers the next request", async (program) => {
    const result = await pool.run({ program, input: "null" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    if (result.reason === "timeout") expect(result.timeoutMs).toBe(LIMIT_MS);
    else {
      expect(result.reason).toBe("crash");
      if (result.reason !== "crash") return;
      expect(result.message).toMatch(/^jq ran out of memory|^jq's output is \d+ M characters; at most 32 M are read/);
      expect(result.message).not.toMatch(/ASSERTIONS/);
    }
    await stillAnswers();
  }, 60_000);

  it("an output over the limit is never copied to the server's thread", async () => {
    // Its own time limit: this is about the output cap, and building 40 M characters can take
    // longer than LIMIT_MS on a busy machine (it timed out once with both cores taken).
    const result = await pool.run({ program: '"x" * 40000000', input: "null", timeoutMs: 30_000 });
    expect(result).toEqual({ ok: false, reason: "crash", message: expect.stringMatching(/^jq's output is 38 M characters; at most 32 M are read/) });
    expect(40_000_000).toBeGreaterThan(MAX_OUTPUT_CHARS);
    await stillAnswers();
  }, 60_000);

  it("in the batch path (a mapping's fields), each runaway field is its own error and the others keep their values", async () => {
    const batch = await compileBatch(pool, { fields: [".id", ...NEVER_ENDS.slice(0, 2), UNBOUNDED[0]!] });
    const rows = await evaluateBatch(pool, batch, [{ id: "u1" }], { timeoutMs: LIMIT_MS });
    const texts = JSON.stringify(rows);
    expect(texts).not.toMatch(/ASSERTIONS/);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.fields![0]).toEqual({ kind: "value", value: "u1" });
    for (const field of rows[0]!.fields!.slice(1)) expect(field).toMatchObject({ kind: "error", message: expect.stringMatching(/stopped after|out of memory|output is/) });
    const next = await evaluateBatch(pool, await compileBatch(pool, { fields: [".id"] }), [{ id: "u2" }]);
    expect(next[0]!.fields![0]).toEqual({ kind: "value", value: "u2" });
  }, 120_000);
});

describe("jq never reveals the builder's environment", () => {
  const PROBES = [
    "$ENV", "env", "$ENV.SECRET_CANARY", "env.SECRET_CANARY", "$ENV | tostring", "[env[]]", "env | keys", "$ENV.PATH", "env.HOME",
    "$__loc__", "input", "[inputs]", "input_filename", "get_search_list", 'getpath(["SECRET_CANARY"])', "[paths]", "$__prog_args",
    'import "env" as e; .', 'include "/proc/self/environ"; .', '"\\(env)"', "@sh \"\\($ENV)\"", "builtins | length", "input_line_number",
  ];
  const ownEnvironmentValues = () => Object.values(process.env).filter((v): v is string => typeof v === "string" && v.length >= 6 && !/^(true|false|test|production|development)$/i.test(v));

  it("in mapping expressions: $ENV and env are {}, and no output or error holds a value of process.env", async () => {
    const batch = await compileBatch(pool, { fields: PROBES });
    const rows = await evaluateBatch(pool, batch, [{ id: "u1" }], { timeoutMs: LIMIT_MS });
    const byProbe = Object.fromEntries(PROBES.map((p, i) => [p, rows[0]!.fields![i]]));
    expect(byProbe.$ENV).toEqual({ kind: "value", value: {} });
    expect(byProbe.env).toEqual({ kind: "value", value: {} });
    expect(byProbe["$ENV.SECRET_CANARY"]).toEqual({ kind: "value", value: null });
    expect(byProbe.input).toMatchObject({ kind: "error", message: "No more inputs" });
    const compileErrors = [batch.fields, batch.selector].flat().map((f) => f?.syntaxError?.message ?? "");
    const everything = JSON.stringify([rows, compileErrors]);
    expect(everything).not.toContain(CANARY);
    for (const value of ownEnvironmentValues()) expect(everything, "a value of process.env").not.toContain(value);
  }, 60_000);

  it("even a raw program on the pool (no mapping prelude) sees jq-wasm's stand-in environment, not process.env", async () => {
    const outputs: string[] = [];
    for (const program of PROBES) outputs.push(JSON.stringify(await pool.run({ program, input: "{}" })));
    const everything = outputs.join("\n");
    expect(everything).not.toContain(CANARY);
    // jq-wasm's stand-in: USER web_user, PATH /, HOME /home/web_user, LANG C.UTF-8 (which
    // this machine's LANG may equal by chance).
    const standIn = new Set(["web_user", "/home/web_user", "C.UTF-8", "./this.program"]);
    for (const value of ownEnvironmentValues().filter((v) => !standIn.has(v))) expect(everything, "a value of process.env").not.toContain(value);
    expect(JSON.parse(outputs[1]!)).toMatchObject({ ok: true });
    expect(Object.keys(JSON.parse((JSON.parse(outputs[1]!) as { stdout: string }).stdout) as object)).not.toContain("SECRET_CANARY");
  }, 60_000);
});
