/**
 * `npm start` (and `npm run dev` with --dev): validate the environment, build when there
 * is no production build or the sources are newer than it, then serve on PORT (default
 * 3000); the server applies pending migrations as it starts. The server's PID is held
 * so Ctrl-C or a kill ends it too.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { EnvError, env } from "../lib/server/env";

const root = path.resolve(__dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const SOURCES = ["app", "components", "lib", "public", "prisma", "proxy.ts", "instrumentation.ts", "next.config.mjs", "package-lock.json"];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) {
    if (entry === "node_modules" || entry === "generated") continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(root, s)) <= built);
}

function main(): void {
  const dev = process.argv.includes("--dev");
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // Migrations are applied by the server itself at start-up (instrumentation.ts), so a
  // bare `next start` gets them too.

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(config.PORT),
    DATA_DIR: config.dataDir,
    DATABASE_URL: config.DATABASE_URL,
    NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`,
  };

  if (!dev && !buildIsCurrent()) {
    console.log("building the production bundle (first start or sources changed)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env: childEnv, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const server = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(config.PORT), "-H", config.HOST], {
    cwd: root,
    env: childEnv,
    stdio: "inherit",
  });
  const shown = config.HOST === "127.0.0.1" || config.HOST === "0.0.0.0" ? "localhost" : config.HOST;
  console.log(`entra-port-builder on http://${shown}:${config.PORT} (listening on ${config.HOST}, server pid ${server.pid})`);
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  process.on("SIGHUP", stop);
  // `npm start` runs us under `sh -c`; a kill aimed at npm ends the shell but not us.
  // When our parent goes away we stop the server too, so no orphan keeps the port.
  const parent = process.ppid;
  const watchdog = setInterval(() => {
    if (process.ppid !== parent) stop("SIGTERM");
  }, 1000);
  watchdog.unref();
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main();
