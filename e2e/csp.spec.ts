/**
 * The builder's Content-Security-Policy against what its pages run: Monaco (editor and
 * JSON language workers) and jq-wasm in a Web Worker, bundled from this repository with
 * esbuild and served on 127.0.0.1 by node:http under exactly the policy proxy.ts sends
 * (workers too, which is stricter than the app, whose static files carry none).
 */
import { copyFile, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { build } from "esbuild";
import { newNonce, pageContentSecurityPolicy } from "../lib/server/security-headers";

const ROOT = path.resolve(__dirname, "..");
const TYPES: Record<string, string> = { ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".ttf": "font/ttf" };
let dir: string;
let server: Server;
let origin: string;

interface CspApi {
  markers(): string[];
  run(program: string, input: string): Promise<{ ok: boolean; stdout?: string; message?: string }>;
}
declare const window: { csp: CspApi };

/** The policy for one response; `withoutWasm` drops 'wasm-unsafe-eval' (the control case). */
function policy(nonce: string, withoutWasm: boolean): string {
  const csp = pageContentSecurityPolicy(nonce, { dev: false });
  return withoutWasm ? csp.replace(" 'wasm-unsafe-eval'", "") : csp;
}

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "csp-"));
  await build({
    entryPoints: {
      entry: path.join(ROOT, "e2e/fixtures/csp/entry.ts"),
      "editor.worker": path.join(ROOT, "node_modules/monaco-editor/esm/vs/editor/editor.worker.js"),
      "json.worker": path.join(ROOT, "node_modules/monaco-editor/esm/vs/language/json/json.worker.js"),
      "jq.worker": path.join(ROOT, "lib/jq/worker.ts"),
    },
    outdir: dir,
    bundle: true,
    format: "esm",
    platform: "browser",
    loader: { ".ttf": "file" },
    logLevel: "silent",
  });
  // jq-wasm's browser build fetches new URL("./build/jq.wasm", import.meta.url): beside jq.worker.js.
  await mkdir(path.join(dir, "build"));
  await copyFile(path.join(ROOT, "node_modules/jq-wasm/dist/build/jq.wasm"), path.join(dir, "build/jq.wasm"));
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const withoutWasm = url.searchParams.has("without-wasm") || url.pathname.startsWith("/without-wasm/");
    const name = url.pathname.replace(/^\/without-wasm/, "");
    const nonce = newNonce();
    const headers = { "content-security-policy": policy(nonce, withoutWasm) };
    if (name === "/") {
      const prefix = withoutWasm ? "/without-wasm" : "";
      res.writeHead(200, { ...headers, "content-type": "text/html" });
      res.end(
        `<!doctype html><html><head><link rel="icon" href="data:,"><link rel="stylesheet" href="${prefix}/entry.css"></head>` +
          `<body><div id="editor" style="width:600px;height:300px"></div>` +
          // No nonce: the policy must block this one (the proof that it is enforced).
          `<script>document.body.dataset.inline = "ran"</script>` +
          `<script type="module" nonce="${nonce}" src="${prefix}/entry.js"></script></body></html>`,
      );
      return;
    }
    const file = path.join(dir, path.normalize(name));
    if (!file.startsWith(dir)) return void res.writeHead(404).end();
    readFile(file).then(
      (body) => res.writeHead(200, { ...headers, "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body),
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

/** Every CSP violation the page and its workers report, and every console error. */
function watch(page: Page): { violations: string[]; errors: string[] } {
  const seen = { violations: [] as string[], errors: [] as string[] };
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    (/Content Security Policy|CSP/.test(m.text()) ? seen.violations : seen.errors).push(m.text());
  });
  page.on("pageerror", (e) => seen.errors.push(e.message));
  return seen;
}

test("Monaco with its workers and jq-wasm in a worker run under the builder's policy; inline scripts do not", async ({ page }) => {
  const seen = watch(page);
  await page.goto(`${origin}/`);
  await expect(page).toHaveTitle("csp ready");
  // The JSON worker validated the model against its schema.
  await expect.poll(() => page.evaluate(() => window.csp.markers())).toEqual([expect.stringContaining('Expected "string"')]);
  await expect(page.locator(".monaco-editor .view-lines")).toContainText('"name": 1');
  expect(await page.evaluate(() => window.csp.run(". + 1", "41"))).toEqual({ ok: true, stdout: "42" });
  // The un-nonced inline script was blocked, and it is the only thing that was.
  expect(await page.evaluate(() => document.body.dataset.inline ?? "blocked")).toBe("blocked");
  expect(seen.violations).toHaveLength(1);
  expect(seen.violations[0]).toMatch(/inline script/);
  expect(seen.errors).toEqual([]);
});

test("control: without 'wasm-unsafe-eval' jq-wasm cannot start, so the policy needs it", async ({ page }) => {
  const seen = watch(page);
  await page.goto(`${origin}/?without-wasm`);
  await expect(page).toHaveTitle("csp ready");
  const result = await page.evaluate(() => window.csp.run(". + 1", "41"));
  expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/WebAssembly.*Content Security Polic/) });
  // The page itself still ran (only the inline script was blocked there).
  expect(seen.violations).toHaveLength(1);
  expect(seen.errors).toEqual([]);
});
