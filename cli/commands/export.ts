/**
 * `npm run cli -- export --config port-app-config.yml --blueprints blueprints.json --out DIR`
 *
 * Writes every artefact of lib/export (mapping YAML, blueprints JSON, Helm command and
 * values.yaml, Docker one-off and env file, Secret manifest, Argo CD, GitHub Actions,
 * apply-to-port.sh, README) into DIR and lists them on stdout; warnings on stderr.
 *
 * Options: --region eu|us, --identifier NAME (default entra-id),
 * --graph-auth client-credentials|bearer-token, --cloud global|usgov|usgov-dod|china,
 * --tenant-id, --client-id, --secrets chart-secret|existing-secret|inline (default
 * chart-secret), --project <id or name> to export a saved project (database at
 * DATABASE_URL) instead of files. With inline, secret values come from PORT_CLIENT_ID,
 * PORT_CLIENT_SECRET, GRAPH_CLIENT_SECRET, GRAPH_TOKEN in the environment, else from the
 * project's stored connection; a missing one stays a placeholder.
 * Exit 0 written; 2 unusable input, with one line on stderr.
 */
import { walkFlags } from "../flags";
import { readText } from "../read-text";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError, isAppError } from "@/lib/errors";
import { DEFAULT_IDENTIFIER, exportProject, SECRET_HANDLINGS, SECRET_VARIABLES, type ExportInput, type GraphAuthSource, type SecretHandling, type SecretVariable } from "@/lib/export";
import { analyseImport, firstProblemLine } from "@/lib/export/import";
import type { CloudId } from "@/lib/graph/clouds";
import type { PortRegion } from "@/lib/port/regions";

export const CLOUD_FLAGS: Record<string, CloudId> = { global: "global", usgov: "usGovL4", "usgov-dod": "usGovL5", china: "china" };
const GRAPH_AUTH = ["client-credentials", "bearer-token"] as const;
const TENANT = /^[A-Za-z0-9][A-Za-z0-9.-]{0,255}$/;
const CLIENT = /^[A-Za-z0-9._-]{1,256}$/;

export interface ExportArgs {
  config?: string;
  blueprints?: string;
  out: string;
  region?: PortRegion;
  identifier: string;
  graphAuth?: (typeof GRAPH_AUTH)[number];
  cloud?: CloudId;
  tenantId?: string;
  clientId?: string;
  secrets: SecretHandling;
  project?: string;
}

const USAGE =
  "usage: export (--config <port-app-config.yml> --blueprints <blueprints.json> | --project <id or name>) --out <dir> [--region eu|us] [--identifier NAME] [--graph-auth client-credentials|bearer-token] [--cloud global|usgov|usgov-dod|china] [--tenant-id ID] [--client-id ID] [--secrets chart-secret|existing-secret|inline]";

const bad = (message: string) => new AppError("cli_usage", message);

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw bad(`${flag} must be one of ${allowed.join(", ")}, got "${value}"`);
  return value as T;
}

export function parseExportArgs(argv: string[]): ExportArgs {
  const out: Partial<ExportArgs> = { identifier: DEFAULT_IDENTIFIER, secrets: "chart-secret" };
  walkFlags(argv, USAGE, (flag, value) => {
    if (flag === "--config") out.config = value();
    else if (flag === "--blueprints") out.blueprints = value();
    else if (flag === "--out") out.out = value();
    else if (flag === "--region") out.region = oneOf(flag, value(), ["eu", "us"] as const);
    else if (flag === "--identifier") out.identifier = value();
    else if (flag === "--graph-auth") out.graphAuth = oneOf(flag, value(), GRAPH_AUTH);
    else if (flag === "--cloud") out.cloud = CLOUD_FLAGS[oneOf(flag, value(), Object.keys(CLOUD_FLAGS))];
    else if (flag === "--tenant-id") out.tenantId = value();
    else if (flag === "--client-id") out.clientId = value();
    else if (flag === "--secrets") out.secrets = oneOf(flag, value(), SECRET_HANDLINGS);
    else if (flag === "--project") out.project = value();
    else return false;
    return true;
  });
  if (!out.out) throw bad(`--out is required; ${USAGE}`);
  if (out.project && (out.config || out.blueprints)) throw bad("give --project or --config with --blueprints, not both");
  if (!out.project && (!out.config || !out.blueprints)) throw bad(`--config and --blueprints are required (or --project); ${USAGE}`);
  if (out.tenantId !== undefined && !TENANT.test(out.tenantId)) throw bad(`--tenant-id must be the tenant's GUID or domain, got "${out.tenantId}"`);
  if (out.clientId !== undefined && !CLIENT.test(out.clientId)) throw bad(`--client-id must be the application (client) ID, got "${out.clientId}"`);
  if (out.graphAuth === "bearer-token" && (out.tenantId || out.clientId)) throw bad("--tenant-id and --client-id apply to --graph-auth client-credentials only");
  return out as ExportArgs;
}


/** The Graph auth: flags override what the project was connected with. */
export function graphFrom(args: ExportArgs, stored: GraphAuthSource | null): GraphAuthSource {
  const kind = args.graphAuth ? (args.graphAuth === "bearer-token" ? "bearer_token" : "client_credentials") : (stored?.kind ?? "client_credentials");
  const cloud = args.cloud ?? stored?.cloud ?? "global";
  if (kind === "bearer_token") return { kind, cloud };
  const fromStore = stored?.kind === "client_credentials" ? stored : null;
  return { kind, cloud, tenantId: args.tenantId ?? fromStore?.tenantId ?? null, clientId: args.clientId ?? fromStore?.clientId ?? null };
}

function inlineValues(stored: Partial<Record<SecretVariable, string>>): Partial<Record<SecretVariable, string>> {
  const out: Partial<Record<SecretVariable, string>> = {};
  for (const name of SECRET_VARIABLES) {
    const value = process.env[name] || stored[name];
    if (value) out[name] = value;
  }
  return out;
}

interface Prepared {
  input: ExportInput;
  region: PortRegion;
  storedSecrets: Partial<Record<SecretVariable, string>>;
}

async function fromFiles(args: ExportArgs): Promise<Prepared> {
  const [configYaml, blueprintsJson] = await Promise.all([readText(args.config!, "config"), readText(args.blueprints!, "blueprints")]);
  const analysis = analyseImport({ configYaml, blueprintsJson });
  if (!analysis.ok) {
    const first = analysis.problems.find((p) => p.severity === "error")!;
    throw new AppError("cli_bad_input", `${first.file === "config" ? args.config : args.blueprints}: ${firstProblemLine(analysis)}`);
  }
  return { input: { mapping: analysis.config!, blueprints: analysis.blueprints!, graph: graphFrom(args, null) }, region: args.region ?? "eu", storedSecrets: {} };
}

async function fromProject(args: ExportArgs): Promise<Prepared> {
  const [{ parseEnv }, { createDb }, { applyMigrations }, { findProject, loadExportSource }] = await Promise.all([
    import("@/lib/server/env"),
    import("@/lib/server/db"),
    import("@/lib/server/db/migrate"),
    import("@/lib/builder/import-cli-projects"),
  ]);
  const appEnv = parseEnv(process.env);
  applyMigrations(appEnv.databaseFile);
  const db = createDb(appEnv.DATABASE_URL);
  try {
    const project = await findProject(db, args.project!);
    if (!project) throw new AppError("cli_bad_input", `no project with id or name "${args.project}" in ${appEnv.DATABASE_URL}`);
    const source = await loadExportSource(db, project, args.secrets === "inline" ? appEnv.decryptionKeys : null);
    return {
      input: { mapping: source.mapping, blueprints: source.blueprints, graph: graphFrom(args, source.graph) },
      region: args.region ?? source.region ?? "eu",
      storedSecrets: source.storedSecrets,
    };
  } finally {
    await db.$disconnect();
  }
}

function oneLine(error: unknown): string {
  if (isAppError(error)) return `${error.message}${error.hint ? ` (${error.hint})` : ""}`;
  return error instanceof Error ? error.message : String(error);
}

export default async function run(argv: string[]): Promise<number> {
  let args: ExportArgs;
  let result;
  try {
    args = parseExportArgs(argv);
    const prepared = args.project ? await fromProject(args) : await fromFiles(args);
    result = exportProject(prepared.input, {
      region: prepared.region,
      identifier: args.identifier,
      secrets: args.secrets,
      inlineValues: args.secrets === "inline" ? inlineValues(prepared.storedSecrets) : undefined,
    });
  } catch (e) {
    process.stderr.write(`${oneLine(e).split("\n")[0]}\n`);
    return 2;
  }
  const dir = path.resolve(args.out);
  await mkdir(dir, { recursive: true });
  for (const a of result.artefacts) {
    const file = path.join(dir, a.fileName);
    // Files that may hold secret values are for the owner only.
    const shell = a.language === "shell";
    const mode = args.secrets === "inline" ? (shell ? 0o700 : 0o600) : shell ? 0o755 : 0o644;
    await writeFile(file, a.content, { mode });
    await chmod(file, mode);
    process.stdout.write(`${path.join(args.out, a.fileName)}\t${a.title}\n`);
  }
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  const placeholders = new Set(result.artefacts.flatMap((a) => [...a.content.matchAll(/<(PORT_CLIENT_ID|PORT_CLIENT_SECRET|GRAPH_CLIENT_SECRET|GRAPH_TOKEN|TENANT_ID|CLIENT_ID)>/g)].map((m) => m[0])));
  if (placeholders.size > 0) process.stderr.write(`to fill in: ${[...placeholders].join(", ")}\n`);
  return 0;
}
