/**
 * The Mapping step in Chromium (Playwright), on the production build with the demo tenant:
 * - edit -> rendered preview: a project whose mapping is the seed user mapping over 1,000
 *   sampled users; 20 edits (5 with --quick), each one keystroke that changes a mapped
 *   value, timed in the page from the keydown to the frame after the preview re-rendered.
 *   Baseline: the same evaluation (components/mapping/preview-run.ts with the same engine
 *   and the same 1,000 users) run bare in a blank page with the jq Web Worker, bundled with
 *   esbuild; the ratio is what the UI adds (React, Monaco, the scheduler).
 * - JavaScript the projects page loads (compressed, as sent), and whether any of it is
 *   Monaco (it must load only on pages with an editor); the mapping page's for comparison.
 * Targets (issue 10): p95 under 150 ms; the first page under 400 KB.
 *
 * The app: BENCH_APP_URL when set (a running production server with the demo tenant; sign
 * in with BENCH_EMAIL and BENCH_PASSWORD), otherwise `scripts/start.ts` on a free port with a temporary data folder (it builds
 * first when the build is older than the sources).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { build } from "esbuild";
import { SEED_RESOURCES } from "@/lib/mapping";
import type { Bench } from "./report";

const ROOT = path.resolve(__dirname, "..");
/** The first-run admin of the bench's own server; BENCH_EMAIL / BENCH_PASSWORD for a server given by BENCH_APP_URL. */
const ADMIN = { name: "Bench Admin", email: process.env.BENCH_EMAIL ?? "bench@example.com", password: process.env.BENCH_PASSWORD ?? "bench password 123" };
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** The seed user mapping plus one numeric property that each edit lengthens by a digit. */
const mappingWith = (n: string) => `resources:\n${SEED_RESOURCES.users}            n: ${n}\n`;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startApp(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_APP_URL) return { url: process.env.BENCH_APP_URL.replace(/\/$/, ""), stop: async () => undefined };
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), "bench-mapping-ui-"));
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: `file:${dataDir}/app.db`, NEXTAUTH_URL: url, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  const deadline = Date.now() + 600_000; // a build may come first
  for (;;) {
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("the app did not start (scripts/start.ts)");
    await new Promise((r) => setTimeout(r, 1_000));
  }
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function signedInProject(page: Page, url: string): Promise<string> {
  await page.request.post(`${url}/api/setup`, { data: ADMIN });
  await page.goto(`${url}/signin`);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/projects$/);
  const headers = { origin: url };
  const created = await page.request.post(`${url}/api/projects`, { data: { name: `Bench ${Date.now()}` }, headers });
  const id = ((await created.json()) as { project: { id: string } }).project.id;
  await page.request.put(`${url}/api/projects/${id}/connections/graph`, { data: { mode: "demo" }, headers });
  await page.request.put(`${url}/api/projects/${id}/mapping`, { data: { version: 0, yaml: mappingWith("1") }, headers });
  return id;
}

/** Times from the keydown to the frame after the preview panel shows a new run. */
async function editTimes(page: Page, url: string, id: string, edits: number): Promise<number[]> {
  await page.goto(`${url}/projects/${id}/mapping`);
  await page.getByTestId("preview-resource").first().waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="preview-status"]')?.getAttribute("data-busy") === "false");
  await page.evaluate(() => {
    const w = window as unknown as { __t0: number | null; __times: number[] };
    w.__times = [];
    w.__t0 = null;
    window.addEventListener("keydown", () => (w.__t0 = performance.now()), true);
    const panel = document.querySelector('[data-testid="preview-panel"]')!;
    new MutationObserver(() => {
      const t0 = w.__t0;
      if (t0 === null) return;
      w.__t0 = null;
      requestAnimationFrame(() => setTimeout(() => w.__times.push(performance.now() - t0), 0));
    }).observe(panel, { attributes: true, attributeFilter: ["data-runs"] });
  });
  // The cursor after `n: 1`, the last line of the mapping.
  await page.getByTestId("mapping-editor").locator(".view-lines").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("End");
  for (let i = 0; i < edits; i++) {
    await page.keyboard.type(String((i % 9) + 1));
    await page.waitForFunction((n) => (window as unknown as { __times: number[] }).__times.length > n, i, { timeout: 30_000 });
    await page.waitForTimeout(100);
  }
  return page.evaluate(() => (window as unknown as { __times: number[] }).__times);
}

/** The same evaluation in a blank page: preview-run + PreviewEngine + the jq worker, no UI. */
async function bareTimes(browser: Browser, sample: unknown, edits: number): Promise<number[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "bench-mapping-bare-"));
  const entry = path.join(dir, "entry.ts");
  await writeFile(
    entry,
    `import { BrowserJqClient } from ${JSON.stringify(path.join(ROOT, "lib/jq/browser-client.ts"))};
import { lintBlueprintSchema, parsePortAppConfig } from ${JSON.stringify(path.join(ROOT, "lib/mapping/index.ts"))};
import { seedBlueprints } from ${JSON.stringify(path.join(ROOT, "lib/schema/index.ts"))};
import { PreviewEngine } from ${JSON.stringify(path.join(ROOT, "components/mapping/preview-engine.ts"))};
import { runPreview } from ${JSON.stringify(path.join(ROOT, "components/mapping/preview-run.ts"))};
const engine = new PreviewEngine(() => new BrowserJqClient({ timeoutMs: 2000, createWorker: () => new Worker("/worker.js", { type: "module" }) as never }));
const blueprints = seedBlueprints().map((b) => lintBlueprintSchema.parse(b));
(window as unknown as { bare: unknown }).bare = async (yaml: string, sample: unknown) => {
  const parsed = parsePortAppConfig(yaml);
  const t0 = performance.now();
  await runPreview({ config: parsed.config!, source: parsed.source, samples: new Map([[0, { status: "ready", sample } as never]]), blueprints }, { engine: engine.scope().engine, timeoutMs: 2000 });
  return performance.now() - t0;
};
`,
  );
  let server: Server | null = null;
  try {
    await build({
      entryPoints: { entry, worker: path.join(ROOT, "lib/jq/worker.ts") },
      outdir: dir,
      bundle: true,
      format: "esm",
      platform: "browser",
      tsconfig: path.join(ROOT, "tsconfig.json"),
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "silent",
    });
    await mkdir(path.join(dir, "build"));
    await copyFile(path.join(ROOT, "node_modules/jq-wasm/dist/build/jq.wasm"), path.join(dir, "build/jq.wasm"));
    const types: Record<string, string> = { ".js": "text/javascript", ".wasm": "application/wasm" };
    server = createServer((req, res) => {
      if (req.url === "/") return void res.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><link rel="icon" href="data:,"><script type="module" src="/entry.js"></script>');
      const file = path.join(dir, path.normalize(req.url ?? "/"));
      readFile(file).then(
        (body) => res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" }).end(body),
        () => res.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => "bare" in window);
    const times: number[] = [];
    let n = "1";
    await page.evaluate(([yaml, s]) => (window as unknown as { bare: (y: string, s: unknown) => Promise<number> }).bare(yaml as string, s), [mappingWith(n), sample] as const); // warm-up
    for (let i = 0; i < edits; i++) {
      n += String((i % 9) + 1);
      times.push(await page.evaluate(([yaml, s]) => (window as unknown as { bare: (y: string, s: unknown) => Promise<number> }).bare(yaml as string, s), [mappingWith(n), sample] as const));
    }
    await page.close();
    return times;
  } finally {
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  }
}

/** Compressed bytes of the scripts a page loads, and how many of them hold Monaco. */
type Storage = Awaited<ReturnType<ReturnType<Page["context"]>["storageState"]>>;

async function pageScripts(browser: Browser, storage: Storage, url: string): Promise<{ bytes: number; monaco: number }> {
  const context = await browser.newContext({ storageState: storage });
  const page = await context.newPage();
  const scripts: Promise<{ bytes: number; monaco: boolean }>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push(
      Promise.all([response.request().sizes(), response.text().catch(() => "")]).then(([sizes, text]) => ({
        bytes: sizes.responseBodySize,
        monaco: text.includes("MonacoEnvironment"),
      })),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const all = await Promise.all(scripts);
  await context.close();
  return { bytes: all.reduce((s, x) => s + x.bytes, 0), monaco: all.filter((x) => x.monaco).length };
}

const bench: Bench = async ({ quick, report }) => {
  const edits = quick ? 5 : 20;
  const app = await startApp();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const id = await signedInProject(page, app.url);
    const ui = (await editTimes(page, app.url, id, edits)).sort((a, b) => a - b);

    const sampleResponse = await page.request.post(`${app.url}/api/projects/${id}/mapping/preview-sample`, {
      data: { kind: "/users", query_params: { $top: "999", $select: /\$select: (\S+)/.exec(SEED_RESOURCES.users)![1] } },
      headers: { origin: app.url },
    });
    const sample = await sampleResponse.json();
    const bare = (await bareTimes(browser, sample, edits)).sort((a, b) => a - b);

    report({ name: "mapping-ui edit -> rendered preview, 1,000 users, median", value: quantile(ui, 0.5), unit: "ms", baseline: { name: "bare evaluation in the worker", value: quantile(bare, 0.5) } });
    report({ name: "mapping-ui edit -> rendered preview, 1,000 users, p95 (target < 150)", value: quantile(ui, 0.95), unit: "ms", baseline: { name: "bare evaluation in the worker", value: quantile(bare, 0.95) } });

    const storage = await page.context().storageState();
    const projects = await pageScripts(browser, storage, `${app.url}/projects`);
    const mapping = await pageScripts(browser, storage, `${app.url}/projects/${id}/mapping`);
    report({ name: "projects page JavaScript, compressed (target < 400)", value: projects.bytes / 1024, unit: "KiB", baseline: { name: "mapping page", value: mapping.bytes / 1024 } });
    report({ name: "projects page scripts holding Monaco (target 0)", value: projects.monaco, unit: "scripts", baseline: { name: "mapping page", value: mapping.monaco } });
  } finally {
    await browser.close();
    await app.stop();
  }
};

export default bench;
