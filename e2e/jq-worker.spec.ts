/**
 * lib/jq/worker.ts and BrowserJqClient in real Chromium, without the Next app: both are
 * bundled with esbuild into a temp folder with jq-wasm's wasm beside them, served on
 * 127.0.0.1 by node:http (wasm as application/wasm), and driven through window.jq.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { build } from "esbuild";

const ROOT = path.resolve(__dirname, "..");
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
let dir: string;
let server: Server;
let origin: string;

interface JqApi {
  evaluate(fields: string[], items: unknown[]): Promise<{ fields?: unknown[] }[]>;
  syntax(expr: string): Promise<unknown>;
  run(program: string, input: string, timeoutMs?: number): Promise<unknown>;
  started(): number;
}
declare const window: { jq: JqApi };

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "jq-worker-"));
  await build({
    entryPoints: { entry: path.join(ROOT, "e2e/fixtures/jq-worker/entry.ts"), worker: path.join(ROOT, "lib/jq/worker.ts") },
    outdir: dir,
    bundle: true,
    format: "esm",
    platform: "browser",
    logLevel: "silent",
  });
  // jq-wasm's browser build fetches new URL("./build/jq.wasm", import.meta.url): beside worker.js.
  await mkdir(path.join(dir, "build"));
  await copyFile(path.join(ROOT, "node_modules/jq-wasm/dist/build/jq.wasm"), path.join(dir, "build/jq.wasm"));
  server = createServer((req, res) => {
    const name = req.url === "/" ? "/index.html" : (req.url ?? "/");
    if (name === "/index.html") {
      res.writeHead(200, { "content-type": TYPES[".html"] });
      res.end('<!doctype html><link rel="icon" href="data:,"><script type="module" src="/entry.js"></script>');
      return;
    }
    const file = path.join(dir, path.normalize(name));
    if (!file.startsWith(dir)) return void res.writeHead(404).end();
    readFile(file).then(
      (body) => res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

test("jq-wasm runs in a real Web Worker: batches, syntax errors, and a runaway program stopped", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${origin}/`);
  await expect(page).toHaveTitle("jq-worker ready");

  // A page of items, every field through jq in the worker: first output, no output, error.
  const rows = await page.evaluate(() =>
    window.jq.evaluate([".id", "[.m[]?.id]", ".m[].id", "empty", '.x | test("a"; "i")'], [{ id: 1, m: [{ id: "a" }, { id: "b" }], x: "A" }, { id: 2 }]),
  );
  expect(rows).toEqual([
    { fields: [{ kind: "value", value: 1 }, { kind: "value", value: ["a", "b"] }, { kind: "value", value: "a" }, { kind: "empty" }, { kind: "value", value: true }] },
    {
      fields: [
        { kind: "value", value: 2 },
        { kind: "value", value: [] },
        { kind: "error", message: "Cannot iterate over null (null)" },
        { kind: "empty" },
        { kind: "error", message: "null (null) cannot be matched, as it is not a string" },
      ],
    },
  ]);

  // A syntax error comes back with its position inside the expression.
  expect(await page.evaluate(() => window.jq.syntax(".a |\n  foo(1)"))).toEqual({ message: "foo/1 is not defined", line: 2, column: 3 });

  // A program that never ends is stopped; the worker is replaced and the next call works.
  expect(await page.evaluate(() => window.jq.started())).toBe(1);
  const t0 = Date.now();
  expect(await page.evaluate(() => window.jq.run("[repeat(1)]", "null", 500))).toEqual({ ok: false, reason: "timeout", timeoutMs: 500 });
  expect(Date.now() - t0).toBeLessThan(5_000);
  expect(await page.evaluate(() => window.jq.run(". + 1", "41"))).toEqual({ ok: true, stdout: "42" });
  expect(await page.evaluate(() => window.jq.started())).toBe(2);
  expect(errors).toEqual([]);
});
