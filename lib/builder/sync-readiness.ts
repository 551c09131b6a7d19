/**
 * What stops a project's sync before it starts, each with the step that fixes it: the
 * same checks projectJobLoader (lib/sync/project-job.ts) makes when the run begins, made
 * early so the Sync page can say so next to "Sync now" instead of in a failed run.
 */
import { parsePortAppConfig } from "../mapping";
import { blueprintSchema } from "../port";
import type { BuilderDeps } from "./deps";
import { getDocument } from "./documents";
import { getMapping } from "./mapping-store";
import type { SyncProblem } from "./sync-contracts";

function blueprintProblems(texts: readonly { identifier: string; text: string }[]): SyncProblem[] {
  const invalid = texts.filter(({ text }) => {
    try {
      return !blueprintSchema.safeParse(JSON.parse(text)).success;
    } catch {
      return true;
    }
  });
  if (invalid.length === 0) return [];
  return [
    {
      step: "blueprints",
      code: "sync_invalid_blueprint",
      message: `Blueprint ${invalid.map((b) => b.identifier).join(", ")} is not valid JSON for Port.`,
      hint: "Fix it in the Blueprints step: a sync creates the project's blueprints before its entities.",
    },
  ];
}

function mappingProblems(yaml: string | null): SyncProblem[] {
  if (!yaml) {
    return [{ step: "mapping", code: "sync_no_mapping", message: "This project has no mapping yet.", hint: "Open the Mapping step, start from the blueprints (or the seed mappings) and save." }];
  }
  const parsed = parsePortAppConfig(yaml);
  const issue = parsed.issues[0];
  if (parsed.config && !issue) return [];
  const where = issue?.location?.line ? ` (line ${issue.location.line}${issue.location.column ? `, column ${issue.location.column}` : ""})` : "";
  return [
    {
      step: "mapping",
      code: "sync_invalid_mapping",
      message: `The saved mapping cannot run: ${issue?.message ?? "it is not a port-app-config"}${where}.`,
      hint: "Fix it in the Mapping step; a sync runs the text as last saved.",
    },
  ];
}

export async function syncProblems(deps: BuilderDeps, userId: string, projectId: string): Promise<SyncProblem[]> {
  const [graph, port, mapping, blueprints] = await Promise.all([
    deps.db.graphConnection.findUnique({ where: { projectId }, select: { mode: true } }),
    deps.db.portConnection.findUnique({ where: { projectId }, select: { mode: true } }),
    getMapping(deps, userId, projectId),
    getDocument(deps, userId, projectId, "blueprints"),
  ]);
  const problems: SyncProblem[] = [];
  if (!graph) problems.push({ step: "connect", code: "graph_not_connected", message: "This project has no Microsoft Graph connection yet.", hint: "Connect the demo tenant or your own tenant in the Connect step." });
  if (!port) problems.push({ step: "connect", code: "port_not_connected", message: "This project has no Port connection yet.", hint: "Connect the demo Port or your Port account in the Connect step." });
  if (!deps.demo && (graph?.mode === "demo" || port?.mode === "demo")) {
    problems.push({ step: "connect", code: "demo_off", message: "This project uses the demo services, which are off on this server.", hint: "Connect a real tenant and Port account in the Connect step, or start the server with SIMULATORS on." });
  }
  problems.push(...mappingProblems(mapping.yaml));
  problems.push(...blueprintProblems(blueprints.content?.blueprints ?? []));
  return problems;
}
