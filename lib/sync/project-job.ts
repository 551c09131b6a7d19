/**
 * A project's run, as the server's runner needs it: the project's Graph and Port clients
 * (its stored connections, demo or real: lib/builder), its Mapping step's YAML, and the
 * blueprints of its Blueprints step. Anything missing or invalid fails the run with a message that says
 * which step to fix.
 */
import { AppError } from "@/lib/errors";
import type { JqEngine } from "@/lib/jq";
import { parsePortAppConfig } from "@/lib/mapping";
import { blueprintSchema, type BlueprintInput } from "@/lib/port";
import { graphForProject, portForProject } from "@/lib/builder/clients";
import type { BuilderDeps } from "@/lib/builder/deps";
import { blueprintTextHash, notePushedTexts } from "@/lib/builder/blueprint-push";
import { getDocument } from "@/lib/builder/documents";
import { getMapping } from "@/lib/builder/mapping-store";
import type { SyncJob } from "./pipeline";
import { projectScope } from "./run-store";
import { type SyncRunRecord } from "./run-record";

export interface ProjectJobOptions {
  deps: BuilderDeps;
  engine: JqEngine;
  /** The project's port-app-config YAML, or null when it has none yet; default: the Mapping step's document. */
  mappingYaml?(projectId: string): Promise<string | null>;
}

/** The Blueprints step's blueprints, and which texts they are (to note them pushed after). */
async function projectBlueprints(deps: BuilderDeps, ownerId: string, projectId: string): Promise<{ blueprints: BlueprintInput[]; used: { identifier: string; hash: string }[] }> {
  const doc = await getDocument(deps, ownerId, projectId, "blueprints");
  const entries = doc.content?.blueprints ?? [];
  const blueprints = entries.map(({ identifier, text }) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = blueprintSchema.safeParse(json);
    if (!parsed.success) {
      throw new AppError("sync_invalid_blueprint", `Blueprint ${identifier} of this project is not valid JSON for Port.`, { status: 409, hint: "Fix it in the Blueprints step, then sync again." });
    }
    return parsed.data;
  });
  return { blueprints, used: entries.map((b) => ({ identifier: b.identifier, hash: blueprintTextHash(b.text) })) };
}

export function projectJobLoader(options: ProjectJobOptions): (run: SyncRunRecord) => Promise<SyncJob> {
  const { deps } = options;
  return async (run) => {
    const projectId = run.projectId;
    const project = projectId ? await deps.db.project.findUnique({ where: { id: projectId }, select: { ownerId: true } }) : null;
    if (!projectId || !project) throw new AppError("project_not_found", "The project of this sync no longer exists.", { status: 404, hint: "Its schedule can be removed." });
    // The text as the person last saved it: a run never falls back to an older version.
    const yaml = options.mappingYaml ? await options.mappingYaml(projectId) : (await getMapping(deps, project.ownerId, projectId)).yaml;
    if (!yaml) throw new AppError("sync_no_mapping", "This project has no mapping yet.", { status: 409, hint: "Write the mapping in the Mapping step, then sync." });
    const parsed = parsePortAppConfig(yaml);
    const issue = parsed.issues[0];
    if (!parsed.config || issue) {
      throw new AppError("sync_invalid_mapping", `The mapping cannot run: ${issue?.message ?? "it is not a port-app-config"}.`, { status: 409, location: issue?.location, hint: "Fix it in the Mapping step, then sync." });
    }
    const [graph, port, { blueprints, used }] = await Promise.all([
      graphForProject(deps, project.ownerId, projectId),
      portForProject(deps, project.ownerId, projectId),
      projectBlueprints(deps, project.ownerId, projectId),
    ]);
    return {
      scope: projectScope(projectId),
      graph: graph.client,
      port,
      engine: options.engine,
      config: parsed.config,
      source: parsed.source,
      blueprints,
      onBlueprintsEnsured: () => notePushedTexts(deps, project.ownerId, projectId, used),
    };
  };
}
