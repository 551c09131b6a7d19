/**
 * The project's mapping document: the port-app-config YAML as the person wrote it, saved
 * whole with a version and kept in the history of versions (a save based on an older version is refused with 409, as for the
 * other step documents), beside the last text that was a valid configuration, so a YAML
 * error never loses the last good one. Kept in ProjectDocument under kind "mapping".
 */
import { z } from "zod";
import { AppError } from "../errors";
import { parsePortAppConfig } from "../mapping/parse";
import { createFieldInference } from "../schema";
import { assertProjectAccess } from "./access";
import { blueprintsDocument, fieldsDocument } from "./contracts";
import type { BuilderDeps } from "./deps";
import { kindForEndpoint } from "./fields";
import { MAPPING_MAX_CHARS, type MappingStart, type StoredMapping } from "./mapping-contracts";
import { recordVersion } from "./mapping-history";
import { buildStartingMapping, startBlueprintOf, type PickedEndpoint, type StartBlueprint } from "./mapping-start";
import { loadSample } from "./samples";

export const MAPPING_DOCUMENT_KIND = "mapping";

const mappingContent = z.object({ yaml: z.string().max(MAPPING_MAX_CHARS), lastValidYaml: z.string().max(MAPPING_MAX_CHARS).nullable() });
type MappingContent = z.infer<typeof mappingContent>;

/** Whether a text is a configuration Ocean would run (parses, validates, no errors). */
export function isValidMapping(yaml: string): boolean {
  const parsed = parsePortAppConfig(yaml);
  return parsed.config !== null && parsed.issues.length === 0;
}

async function readRow(deps: BuilderDeps, projectId: string) {
  return deps.db.projectDocument.findUnique({ where: { projectId_kind: { projectId, kind: MAPPING_DOCUMENT_KIND } } });
}

function contentOf(text: string): MappingContent | null {
  try {
    const parsed = mappingContent.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The picked endpoints of the Fields step with the inference of their samples (types for the generated expressions). */
async function pickedEndpoints(deps: BuilderDeps, userId: string, projectId: string): Promise<PickedEndpoint[]> {
  const row = await deps.db.projectDocument.findUnique({ where: { projectId_kind: { projectId, kind: "fields" } } });
  const doc = row ? fieldsDocument.safeParse(JSON.parse(row.content)) : null;
  if (!doc?.success) return [];
  const out: PickedEndpoint[] = [];
  for (const [endpoint, r] of Object.entries(doc.data.resources)) {
    if (r.picked.length === 0) continue;
    const kind = kindForEndpoint(endpoint);
    const sample = await loadSample(deps, userId, projectId, endpoint).catch(() => null);
    if (!sample) continue;
    const inference = createFieldInference({ kind });
    for (const item of sample.items) inference.addItem(item);
    out.push({ endpoint, kind, picked: r.picked, identifier: r.identifier, title: r.title, fields: inference.result().fields });
  }
  return out;
}

async function projectBlueprints(deps: BuilderDeps, projectId: string): Promise<StartBlueprint[]> {
  const row = await deps.db.projectDocument.findUnique({ where: { projectId_kind: { projectId, kind: "blueprints" } } });
  const doc = row ? blueprintsDocument.safeParse(JSON.parse(row.content)) : null;
  if (!doc?.success) return [];
  return doc.data.blueprints.flatMap((b) => startBlueprintOf(b.text) ?? []);
}

export async function mappingStart(deps: BuilderDeps, userId: string, projectId: string): Promise<MappingStart> {
  const blueprints = await projectBlueprints(deps, projectId);
  const endpoints = blueprints.length > 0 ? await pickedEndpoints(deps, userId, projectId) : [];
  return buildStartingMapping(blueprints, endpoints);
}

export async function getMapping(deps: BuilderDeps, userId: string, projectId: string): Promise<StoredMapping> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  const row = await readRow(deps, projectId);
  const content = row ? contentOf(row.content) : null;
  if (!row || !content) {
    return { yaml: null, lastValidYaml: null, version: row?.version ?? 0, updatedAt: row?.updatedAt.toISOString() ?? null, start: await mappingStart(deps, userId, projectId) };
  }
  return { yaml: content.yaml, lastValidYaml: content.lastValidYaml, version: row.version, updatedAt: row.updatedAt.toISOString(), start: null };
}

/**
 * Saves the whole text based on `request.version`, and records it in the history in the
 * same transaction (mapping-history.ts). The first version is always its own entry.
 */
export async function saveMapping(
  deps: BuilderDeps,
  userId: string,
  projectId: string,
  request: { version: number; yaml: string; checkpoint?: boolean; note?: string },
): Promise<StoredMapping> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  const valid = isValidMapping(request.yaml);
  const updated = await deps.db.$transaction(async (tx) => {
    const where = { projectId_kind: { projectId, kind: MAPPING_DOCUMENT_KIND } };
    const current = await tx.projectDocument.findUnique({ where });
    if ((current?.version ?? 0) !== request.version) return null;
    const previous = current ? contentOf(current.content) : null;
    const content: MappingContent = { yaml: request.yaml, lastValidYaml: valid ? request.yaml : (previous?.lastValidYaml ?? null) };
    const text = JSON.stringify(content);
    const row = current
      ? await tx.projectDocument.update({ where, data: { content: text, version: request.version + 1 } })
      : await tx.projectDocument.create({ data: { projectId, kind: MAPPING_DOCUMENT_KIND, content: text, version: 1 } });
    await recordVersion(tx, {
      projectId,
      version: row.version,
      yaml: request.yaml,
      valid,
      savedAt: row.updatedAt,
      checkpoint: request.checkpoint === true || request.version === 0,
      note: request.note ?? (request.version === 0 ? "first version" : null),
    });
    return { row, content };
  });
  if (!updated) {
    throw new AppError("document_changed", "The mapping of this project was changed elsewhere (another tab or person) since you loaded it.", {
      status: 409,
      hint: "Copy your text if you want to keep it, then reload the page to see the newer version.",
    });
  }
  return { yaml: updated.content.yaml, lastValidYaml: updated.content.lastValidYaml, version: updated.row.version, updatedAt: updated.row.updatedAt.toISOString(), start: null };
}
