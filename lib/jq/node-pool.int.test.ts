/**
 * The Node pool as production runs it: bundled (esbuild, jq-wasm left external, as
 * next.config.mjs's serverExternalPackages does) into a folder far from node_modules,
 * then loaded by a plain `node` child process with the repo root as its working
 * directory. No vitest or tsx transform; the workers must find jq-wasm from the root.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
let dir: string;

const SCRIPT = `
import { createNodeJqPool, compileBatch, evaluateBatch } from "./server.mjs";
const engine = createNodeJqPool({ size: 2, timeoutMs: 300 });
const out = {};
out.run = await engine.run({ program: ".a", input: '{"a":1}' });
const batch = await compileBatch(engine, { fields: [".id", "[.m[]?.id] | length", '.x | test("a"; "i")'] });
out.rows = await evaluateBatch(engine, batch, [{ id: 1, m: [{ id: "a" }], x: "A" }, { id: 2 }]);
out.loop = await engine.run({ program: "[repeat(1)]", input: "null" });
out.after = await engine.run({ program: ". + 1", input: "1" });
await engine.close();
process.stdout.write(JSON.stringify(out));
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "jq-pool-"));
  // The pool and the batch evaluator only: the main thread itself never loads jq-wasm
  // (in the app, Next resolves lib/jq/server.ts's own import of it), so jq-wasm is
  // found for the worker threads by resolveJqWasm or not at all.
  await build({
    stdin: {
      contents: 'export { createNodeJqPool } from "./lib/jq/node-pool";\nexport { compileBatch, evaluateBatch } from "./lib/jq/batch";\n',
      resolveDir: ROOT,
      loader: "ts",
    },
    outfile: path.join(dir, "server.mjs"),
    bundle: true,
    format: "esm",
    platform: "node",
    external: ["jq-wasm"],
    logLevel: "silent",
  });
  await writeFile(path.join(dir, "main.mjs"), SCRIPT);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("createNodeJqPool in a plain node process", () => {
  it("finds jq-wasm from the working directory, maps a page and stops a runaway program", async () => {
    const { stdout } = await run(process.execPath, [path.join(dir, "main.mjs")], { cwd: ROOT, timeout: 30_000 });
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(out.run).toEqual({ ok: true, stdout: "1" });
    expect(out.rows).toEqual([
      { fields: [{ kind: "value", value: 1 }, { kind: "value", value: 1 }, { kind: "value", value: true }] },
      { fields: [{ kind: "value", value: 2 }, { kind: "value", value: 0 }, { kind: "error", message: expect.stringContaining("cannot be matched") }] },
    ]);
    expect(out.loop).toEqual({ ok: false, reason: "timeout", timeoutMs: 300 });
    expect(out.after).toEqual({ ok: true, stdout: "2" });
  });

  it("fails at once with a clear message when jq-wasm cannot be found", async () => {
    const failing = run(process.execPath, [path.join(dir, "main.mjs")], { cwd: dir, timeout: 30_000 });
    await expect(failing).rejects.toMatchObject({ stderr: expect.stringContaining(`jq-wasm not found from ${dir}`) });
  });
});
