/**
 * `npm run cli -- sync --config port-app-config.yml [--blueprints blueprints.json] [--dry-run] [--verify]`
 *
 * The sync engine (lib/sync) from a pipeline, configured with Ocean's own environment
 * variable names (OCEAN__PORT__*, OCEAN__INTEGRATION__IDENTIFIER,
 * OCEAN__INTEGRATION__CONFIG__*, OCEAN__INITIALIZE_PORT_RESOURCES; see lib/sync/ocean-env.ts),
 * so it runs what the Docker one-off would. State lives in the database at DATABASE_URL,
 * keyed by the integration identifier; hosts beyond Microsoft's and Port's only through
 * EXTRA_ALLOWED_HOSTS. Progress on stderr (a bar on a terminal, lines otherwise), the JSON
 * summary on stdout. Exit 0 success, 1 failure (or refused: a sync of this integration is
 * already running), 3 partial (written, but with errors, so nothing deleted), 2 unusable input.
 * Ctrl-C cancels: what was written stays, nothing is deleted.
 */
import { walkFlags } from "../flags";
import { readText } from "../read-text";
import { AppError, isAppError } from "@/lib/errors";
import { createNodeJqPool } from "@/lib/jq/server";
import { parsePortAppConfig } from "@/lib/mapping";
import { blueprintSchema, type BlueprintInput } from "@/lib/port";
import { createDb } from "@/lib/server/db";
import { applyMigrations } from "@/lib/server/db/migrate";
import { EnvError, parseEnv } from "@/lib/server/env";
import { createProgressPrinter, summaryLines } from "@/lib/sync/progress-text";
import { createRunStore, executeRun, integrationScope, leaseOwnerId, oceanClients, parseOceanEnv, type SyncSummary } from "@/lib/sync";

interface SyncArgs {
  config: string;
  blueprints?: string;
  dryRun: boolean;
  verify: boolean;
}

const USAGE = "usage: sync --config <port-app-config.yml> [--blueprints <blueprints.json>] [--dry-run] [--verify]";

function parseArgs(argv: string[]): SyncArgs {
  const out: Partial<SyncArgs> = { dryRun: false, verify: false };
  walkFlags(argv, USAGE, (flag, value) => {
    if (flag === "--config") out.config = value();
    else if (flag === "--blueprints") out.blueprints = value();
    else if (flag === "--dry-run") out.dryRun = true;
    else if (flag === "--verify") out.verify = true;
    else return false;
    return true;
  });
  if (!out.config) throw new AppError("cli_usage", USAGE);
  return out as SyncArgs;
}


/** A blueprints file: an array of blueprints, or `{"blueprints": [...]}` (the builder's export). */
export function parseBlueprints(text: string, path: string): BlueprintInput[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new AppError("cli_bad_input", `${path} is not JSON (${(e as Error).message})`);
  }
  const list = Array.isArray(json) ? json : (json as { blueprints?: unknown } | null)?.blueprints;
  if (!Array.isArray(list)) throw new AppError("cli_bad_input", `${path} must hold an array of blueprints (or {"blueprints": [...]})`);
  return list.map((b, i) => {
    const parsed = blueprintSchema.safeParse(b);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError("cli_bad_input", `${path} [${i}].${issue.path.join(".") || "blueprint"}: ${issue.message}`);
    }
    return parsed.data;
  });
}

const exitCode = (s: SyncSummary) => (s.status === "succeeded" ? 0 : s.status === "partial" ? 3 : 1);

function explain(error: unknown): string {
  if (error instanceof EnvError) return error.message;
  if (isAppError(error)) return `${error.message}${error.hint ? `\nhint: ${error.hint}` : ""}`;
  return String(error);
}

export default async function run(argv: string[]): Promise<number> {
  let args: SyncArgs;
  let prepared;
  try {
    args = parseArgs(argv);
    const yaml = await readText(args.config, "config");
    const parsed = parsePortAppConfig(yaml);
    const issue = parsed.issues[0];
    if (!parsed.config || issue) {
      const where = issue?.location?.line ? ` (line ${issue.location.line}, column ${issue.location.column})` : "";
      throw new AppError("cli_bad_input", `${args.config}: ${issue?.message ?? "unusable configuration"}${where}`);
    }
    const blueprints = args.blueprints ? parseBlueprints(await readText(args.blueprints, "blueprints"), args.blueprints) : null;
    const settings = parseOceanEnv(process.env);
    const appEnv = parseEnv(process.env);
    prepared = { parsed: { config: parsed.config, source: parsed.source }, blueprints, settings, appEnv };
  } catch (e) {
    process.stderr.write(`${explain(e)}\n`);
    return 2;
  }
  const { settings, appEnv } = prepared;
  if (prepared.blueprints && !settings.initializePortResources) {
    process.stderr.write("OCEAN__INITIALIZE_PORT_RESOURCES is false: the blueprints are not created or updated; they must exist in Port.\n");
  }

  const engine = createNodeJqPool();
  let clients;
  try {
    clients = oceanClients(settings, { extraAllowedHosts: appEnv.EXTRA_ALLOWED_HOSTS, engine });
  } catch (e) {
    await engine.close();
    process.stderr.write(`${explain(e)}\n`);
    return 2;
  }
  applyMigrations(appEnv.databaseFile);
  const db = createDb(appEnv.DATABASE_URL);
  const cancel = new AbortController();
  const onSignal = () => {
    process.stderr.write("cancelling: what was written stays, nothing is deleted\n");
    cancel.abort(new Error("cancelled from the command line"));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const runs = createRunStore(db);
    const owner = leaseOwnerId("cli");
    let record;
    try {
      record = await runs.start({ scope: integrationScope(settings.identifier), trigger: "cli", dryRun: args.dryRun, verify: args.verify }, owner);
    } catch (e) {
      process.stderr.write(`${explain(e)}\n`);
      return 1;
    }
    const printer = createProgressPrinter((t) => process.stderr.write(t), { tty: Boolean(process.stderr.isTTY) });
    const summary = await executeRun({
      db,
      runs,
      run: record,
      owner,
      signal: cancel.signal,
      onEvent: (e) => printer.onEvent(e),
      databaseFile: appEnv.databaseFile,
      job: {
        scope: record.scope,
        graph: clients.graph,
        port: clients.port,
        engine,
        config: prepared.parsed.config,
        source: prepared.parsed.source,
        blueprints: settings.initializePortResources ? prepared.blueprints : null,
        fetch: { paginate: settings.paginate, nextLinkKey: settings.nextLinkPath, concurrency: settings.maxConcurrentRequests },
      },
    });
    printer.end();
    process.stderr.write(`${summaryLines(summary).join("\n")}\n`);
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return exitCode(summary);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await engine.close();
    await db.$disconnect();
  }
}
