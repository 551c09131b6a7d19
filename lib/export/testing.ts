/**
 * For tests: runs a generated script through a real POSIX shell with stand-ins for helm,
 * kubectl and docker on PATH. Each stand-in records its arguments exactly (NUL-separated),
 * so a test sees what the real program would have received after the shell's quoting.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parsePortAppConfig } from "../mapping/parse";
import { seedConfigYaml } from "../mapping/seed";
import type { BlueprintInput } from "../port/schemas";
import type { ExportInput, GraphAuthSource } from "./types";

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** One entry per stand-in call, in order: [program, ...arguments]. */
  calls: string[][];
  /** The environment of each call (same order). */
  envs: Record<string, string>[];
}

const STUB = `#!/bin/sh
n=$(ls "$CALLS_DIR" | wc -l)
printf '%s\\0' "$(basename "$0")" "$@" > "$CALLS_DIR/$n"
env -0 > "$CALLS_DIR/env.$n"
`;

export interface RunOptions {
  /** The script's environment beyond PATH (nothing else is inherited). */
  env?: Record<string, string>;
  /** Programs to stand in for; default helm, kubectl, docker. */
  stubs?: readonly string[];
  /** Files written beside the script (ocean.env...). */
  files?: Record<string, string>;
}

interface Prepared {
  dir: string;
  work: string;
  env: Record<string, string>;
  collect(status: number | null, stdout: string, stderr: string): ScriptRun;
}

function prepare(script: string, options: RunOptions): Prepared {
  const dir = mkdtempSync(path.join(tmpdir(), "export-sh-"));
  const bin = path.join(dir, "bin");
  const calls = path.join(dir, "calls");
  const work = path.join(dir, "work");
  for (const d of [bin, calls, work]) mkdirSync(d);
  for (const name of options.stubs ?? ["helm", "kubectl", "docker"]) {
    writeFileSync(path.join(bin, name), STUB);
    chmodSync(path.join(bin, name), 0o755);
  }
  for (const [name, text] of Object.entries(options.files ?? {})) writeFileSync(path.join(work, name), text);
  writeFileSync(path.join(work, "script.sh"), script);
  return {
    dir,
    work,
    env: { PATH: `${bin}:/usr/bin:/bin`, CALLS_DIR: calls, ...options.env },
    collect(status, stdout, stderr) {
      const files = readdirSync(calls).filter((f) => /^\d+$/.test(f)).sort((a, b) => Number(a) - Number(b));
      const recorded = files.map((f) => readFileSync(path.join(calls, f), "utf8").split("\0").slice(0, -1));
      const envs = files.map((f) => {
        const entries = readFileSync(path.join(calls, `env.${f}`), "utf8").split("\0").slice(0, -1);
        return Object.fromEntries(entries.map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)]));
      });
      return { status, stdout, stderr, calls: recorded, envs };
    },
  };
}

/** Runs the script synchronously (nothing in this process needs to answer it). */
export function runScript(script: string, options: RunOptions = {}): ScriptRun {
  const p = prepare(script, options);
  try {
    const result = spawnSync("/bin/sh", ["script.sh"], { cwd: p.work, env: p.env as NodeJS.ProcessEnv, encoding: "utf8" });
    return p.collect(result.status, result.stdout, result.stderr);
  } finally {
    rmSync(p.dir, { recursive: true, force: true });
  }
}

/** Runs the script without blocking, so a server in this process (the demo Port) can answer it. */
export async function runScriptAsync(script: string, options: RunOptions = {}): Promise<ScriptRun> {
  const p = prepare(script, options);
  try {
    const child = spawn("/bin/sh", ["script.sh"], { cwd: p.work, env: p.env as NodeJS.ProcessEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const status = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    return p.collect(status, stdout, stderr);
  } finally {
    rmSync(p.dir, { recursive: true, force: true });
  }
}

/** `--set-literal a=b` / `--set a=b` / `-e A=B` pairs of an argument list. */
export function flagValues(args: readonly string[], flags: readonly string[]): { flag: string; key: string; value: string }[] {
  const out: { flag: string; key: string; value: string }[] = [];
  for (let i = 0; i < args.length - 1; i++) {
    if (!flags.includes(args[i]!)) continue;
    const pair = args[i + 1]!;
    const eq = pair.indexOf("=");
    out.push({ flag: args[i]!, key: eq < 0 ? pair : pair.slice(0, eq), value: eq < 0 ? "" : pair.slice(eq + 1) });
    i += 1;
  }
  return out;
}


/** The seed mapping (all five resources) with blueprints whose relations form a cycle. */
export function sampleInput(graph: GraphAuthSource = { kind: "client_credentials", cloud: "global", tenantId: "contoso.onmicrosoft.com", clientId: "11111111-2222-3333-4444-555555555555" }): ExportInput {
  const parsed = parsePortAppConfig(seedConfigYaml());
  if (!parsed.config) throw new Error("the seed mapping does not parse");
  const blueprints: BlueprintInput[] = [
    { identifier: "entra-id-group-membership", title: "Membership", schema: { properties: {} }, relations: { group: { target: "entra-id-group" }, member: { target: "entra-id-user" } } },
    { identifier: "entra-id-user", title: "User", schema: { properties: { mail: { type: "string", format: "email" } } }, relations: { manager: { target: "entra-id-user" } } },
    { identifier: "entra-id-group", title: "Group", schema: { properties: {} }, relations: { owners: { target: "entra-id-user", many: true } } },
    { identifier: "entra-id-application", title: "Application", schema: { properties: {} } },
    { identifier: "entra-id-service-principal", title: "Service principal", schema: { properties: {} }, relations: { application: { target: "entra-id-application" } } },
  ];
  return { mapping: parsed.config, blueprints, graph };
}
