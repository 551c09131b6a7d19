/**
 * What the faults suite shares: the demo tenant and a demo Port served on loopback with a
 * hook on every Port answer (to count entity writes and act after the Nth), Ocean's
 * environment for `cli sync` in a child process, and what `cli map` predicts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parsePortAppConfig } from "@/lib/mapping";
import { DEMO_PORT_CREDENTIALS, DEMO_PORT_PATH, createPortClient, entityFingerprint, type PortClient } from "@/lib/port";
import type { ServedDemoTenant } from "@/lib/simulators/graph/testing";
import { createDemoPort, createMemoryStore, type DemoPort, type DemoPortOptions } from "@/lib/simulators/port";
import { serveFetchHandler } from "@/lib/simulators/serve";
import { demoOceanEnv } from "@/lib/sync/testing";

const ROOT = path.resolve(__dirname, "../..");

export interface WatchedPort {
  demo: DemoPort;
  baseUrl: string;
  /** Entity writes Port accepted (bulk or single upserts) and deletions it was asked for. */
  counts: { upserts: number; deletes: number };
  /** Identifiers Port was asked to delete, in order. */
  deleted: string[];
  /** Called after each accepted upsert, with the count so far (before the answer goes out). */
  onUpsert: ((count: number) => void) | null;
  client(): PortClient;
  /** blueprint -> identifier -> entityFingerprint, of what Port holds. */
  holdings(blueprint: string): Promise<Map<string, string>>;
  close(): Promise<void>;
}

const UPSERT = /\/blueprints\/[^/]+\/entities(\/bulk)?$/;
const BULK_DELETE = /\/blueprints\/[^/]+\/bulk\/entities\/delete$/;
const ONE_DELETE = /\/blueprints\/[^/]+\/entities\/([^/]+)$/;

export async function serveWatchedPort(options: Partial<DemoPortOptions> = {}): Promise<WatchedPort> {
  const demo = createDemoPort({ rateLimit: false, singleRateLimit: false, ...options, store: options.store ?? createMemoryStore() });
  const watched: WatchedPort = {
    demo,
    baseUrl: "",
    counts: { upserts: 0, deletes: 0 },
    deleted: [],
    onUpsert: null,
    client: () => createPortClient({ baseUrl: watched.baseUrl, ...DEMO_PORT_CREDENTIALS }),
    async holdings(blueprint) {
      const out = new Map<string, string>();
      for await (const page of watched.client().listEntities(blueprint, { pageSize: 1000 })) for (const e of page) out.set(e.identifier, entityFingerprint(e));
      return out;
    },
    close: async () => undefined,
  };
  const served = await serveFetchHandler(async (request) => {
    const { pathname } = new URL(request.url);
    if (request.method === "POST" && BULK_DELETE.test(pathname)) {
      const body = (await request.clone().json()) as { entities?: string[] };
      watched.counts.deletes += 1;
      watched.deleted.push(...(body.entities ?? []));
    } else if (request.method === "DELETE" && ONE_DELETE.test(pathname)) {
      watched.counts.deletes += 1;
      watched.deleted.push(decodeURIComponent(ONE_DELETE.exec(pathname)![1]!));
    }
    const response = await demo.handle(request);
    if (request.method === "POST" && UPSERT.test(pathname) && response.status < 300) {
      watched.counts.upserts += 1;
      watched.onUpsert?.(watched.counts.upserts);
    }
    return response;
  });
  watched.baseUrl = served.url + DEMO_PORT_PATH;
  watched.close = () => served.close();
  return watched;
}

/** Ocean's variables for `cli sync` against the demo tenant and a demo Port, state in `dataDir`, logs off. */
export function oceanEnv(tenant: ServedDemoTenant, portBaseUrl: string, dataDir: string, identifier = "entra-id-faults"): Record<string, string> {
  return { ...demoOceanEnv(tenant, portBaseUrl, dataDir, identifier), LOG_LEVEL: "silent" };
}

export interface CliRun {
  proc: ChildProcess;
  /** Exit code (null when killed) and signal, with what it printed. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** `npm run cli -- <argv>` in a child process of its own (a process that can really be killed). */
export function spawnCli(argv: string[], env: Record<string, string>): CliRun {
  const proc = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "cli/index.ts"), ...argv], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  proc.stdout!.on("data", (b: Buffer) => (stdout += b.toString()));
  proc.stderr!.on("data", (b: Buffer) => (stderr += b.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    proc.once("exit", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { proc, done };
}

export function writeFile(dir: string, name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

/**
 * What `cli map` predicts for `kind` (blueprint -> identifier -> fingerprint), from the
 * pages the tenant serves now: the command itself, run in this process on those pages.
 */
export async function cliMapPrediction(tenant: ServedDemoTenant, dir: string, config: string, kind: string, query: Record<string, string>): Promise<Map<string, Map<string, string>>> {
  const { default: mapCommand } = await import("@/cli/commands/map");
  const { demoGraphClient } = await import("@/lib/graph/testing");
  const pages: string[] = [];
  for await (const page of demoGraphClient(tenant).fetchAllPages(kind, { query })) pages.push(JSON.stringify(page.response.body));
  const input = writeFile(dir, `pages-${pages.length}-${Date.now()}.ndjson`, `${pages.join("\n")}\n`);
  let out = "";
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((s: string | Uint8Array) => ((out += String(s)), true)) as typeof process.stdout.write;
  let code: number;
  try {
    code = await mapCommand(["--config", config, "--kind", kind, "--input", input]);
  } finally {
    process.stdout.write = write;
  }
  if (code !== 0) throw new Error(`cli map exited with ${code}`);
  const predicted = new Map<string, Map<string, string>>();
  for (const e of (JSON.parse(out) as { entities: ({ blueprint: string } & Parameters<typeof entityFingerprint>[0])[] }).entities) {
    const bp = predicted.get(e.blueprint) ?? new Map<string, string>();
    bp.set(e.identifier, entityFingerprint(e));
    predicted.set(e.blueprint, bp);
  }
  return predicted;
}

/** The query parameters the first resource of `yaml` sends (what the sync reads), with `overrides`. */
export function queryOf(yaml: string, overrides: Record<string, string> = {}): Record<string, string> {
  const resource = parsePortAppConfig(yaml).config!.resources[0]!;
  return { ...Object.fromEntries(Object.entries(resource.selector.query_params ?? {}).map(([k, v]) => [k, String(v)])), ...overrides };
}

/** The fingerprint of what a state row says was written (its `content` JSON). */
export function stateRowFingerprint(row: { identifier: string; content: string }): string {
  return entityFingerprint({ identifier: row.identifier, ...(JSON.parse(row.content) as Omit<Parameters<typeof entityFingerprint>[0], "identifier">) });
}

export type Unreachable = "closed port" | "accepts and never answers" | "resets mid-body";

/** A loopback origin that fails the way `kind` says; `connections` counts who reached it. */
export async function serveUnreachable(kind: Unreachable): Promise<{ origin: string; connections: () => number; close(): Promise<void> }> {
  const net = await import("node:net");
  let connections = 0;
  const sockets = new Set<import("node:net").Socket>();
  const server = net.createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
    if (kind !== "resets mid-body") return; // silent: reads, never answers
    socket.once("data", () => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{"value":[{"id":"');
      setImmediate(() => socket.resetAndDestroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as import("node:net").AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  if (kind === "closed port") await close();
  return { origin: `http://127.0.0.1:${port}`, connections: () => connections, close: kind === "closed port" ? async () => undefined : close };
}
