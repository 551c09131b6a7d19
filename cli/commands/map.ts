/**
 * `npm run cli -- map --config port-app-config.yml --kind /users --input response.json`
 *
 * Applies every resource of that kind to the raw Graph response(s) in --input (one JSON
 * body, or NDJSON with one body per line, pages in order) and prints
 * `{"entities":[...],"dropped":[...],"diagnostics":[...]}` on stdout, entities in Port's
 * shape with null values kept. Exit 0 when it ran (even with diagnostics); 2 for unusable
 * input, with one line on stderr.
 *
 * Options: --param name=value (repeatable) injects `__name` like a nested endpoint;
 * --timeout-ms N limits each jq run (default 5000).
 */
import { walkFlags } from "../flags";
import { readText } from "../read-text";
import { AppError, isAppError } from "@/lib/errors";
import { createNodeJqPool } from "@/lib/jq/server";
import { compileResource, createRunState, evaluatePage, parsePortAppConfig, type Diagnostic, type DroppedItem, type PortEntity } from "@/lib/mapping";

interface MapArgs {
  config: string;
  kind: string;
  input: string;
  params: Record<string, string>;
  timeoutMs?: number;
}

const USAGE = "usage: map --config <port-app-config.yml> --kind <path> --input <response.json|.ndjson> [--param name=value] [--timeout-ms N]";

function parseArgs(argv: string[]): MapArgs {
  const out: Partial<MapArgs> & { params: Record<string, string> } = { params: {} };
  walkFlags(argv, USAGE, (flag, value) => {
    if (flag === "--config") out.config = value();
    else if (flag === "--kind") out.kind = value();
    else if (flag === "--input") out.input = value();
    else if (flag === "--timeout-ms") out.timeoutMs = Number(value());
    else if (flag === "--param") {
      const p = value();
      const eq = p.indexOf("=");
      if (eq <= 0) throw new AppError("cli_usage", `--param takes name=value, got "${p}"`);
      out.params[p.slice(0, eq)] = p.slice(eq + 1);
    } else return false;
    return true;
  });
  if (!out.config || !out.kind || !out.input) throw new AppError("cli_usage", USAGE);
  if (out.timeoutMs !== undefined && !(out.timeoutMs > 0)) throw new AppError("cli_usage", "--timeout-ms must be a positive number");
  return out as MapArgs;
}


/** One JSON body, or NDJSON: one body per non-empty line. */
export function parseBodies(text: string, path: string): unknown[] {
  try {
    return [JSON.parse(text)];
  } catch {
    // not one JSON document: try NDJSON
  }
  const bodies: unknown[] = [];
  text.split("\n").forEach((line, n) => {
    if (line.trim() === "") return;
    try {
      bodies.push(JSON.parse(line));
    } catch (e) {
      throw new AppError("cli_bad_input", `${path} line ${n + 1} is not JSON (${(e as Error).message}); give one JSON body or NDJSON, one body per line`);
    }
  });
  if (bodies.length === 0) throw new AppError("cli_bad_input", `${path} holds no JSON`);
  return bodies;
}

export default async function run(argv: string[]): Promise<number> {
  let args: MapArgs;
  let bodies: unknown[];
  let yaml: string;
  try {
    args = parseArgs(argv);
    [yaml, bodies] = await Promise.all([readText(args.config, "config"), readText(args.input, "input").then((t) => parseBodies(t, args.input))]);
  } catch (e) {
    process.stderr.write(`${isAppError(e) ? e.message : String(e)}\n`);
    return 2;
  }
  const parsed = parsePortAppConfig(yaml);
  if (!parsed.config) {
    const first = parsed.issues[0];
    const where = first?.location?.line ? ` (line ${first.location.line}, column ${first.location.column})` : "";
    process.stderr.write(`${args.config}: ${first?.message ?? "unusable configuration"}${where}\n`);
    return 2;
  }
  const resources = parsed.config.resources.map((r, index) => ({ r, index })).filter(({ r }) => r.kind === args.kind);
  if (resources.length === 0) {
    const kinds = parsed.config.resources.map((r) => r.kind).join(", ") || "none";
    process.stderr.write(`no resource of kind ${args.kind} in ${args.config} (kinds: ${kinds})\n`);
    return 2;
  }

  const engine = createNodeJqPool({ timeoutMs: args.timeoutMs });
  try {
    const entities: PortEntity[] = [];
    const dropped: (DroppedItem & { resource: number; page: number })[] = [];
    const diagnostics: (Diagnostic & { resource: number; page?: number })[] = [];
    for (const w of parsed.warnings) diagnostics.push({ resource: -1, field: w.location?.path ?? "config", code: w.code, severity: "warning", message: w.message, hint: w.hint, location: w.location });
    const state = createRunState();
    for (const { r, index } of resources) {
      const compiled = await compileResource(engine, r, { index, source: parsed.source });
      for (const [page, body] of bodies.entries()) {
        const result = await evaluatePage(compiled, body, { engine, state, pathParams: args.params, timeoutMs: args.timeoutMs });
        entities.push(...result.entities);
        for (const d of result.dropped) dropped.push({ resource: index, page, ...d });
        for (const d of result.diagnostics) {
          // Resource-level problems (syntax errors) are reported once, not once per page.
          if (d.index === undefined && page > 0) continue;
          diagnostics.push(d.index === undefined ? { resource: index, ...d } : { resource: index, page, ...d });
        }
      }
    }
    process.stdout.write(`${JSON.stringify({ entities, dropped, diagnostics })}\n`);
    return 0;
  } finally {
    await engine.close();
  }
}
