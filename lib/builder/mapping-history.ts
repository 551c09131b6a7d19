/**
 * The history of a project's mapping: a MappingVersion row per saved version, written in
 * the save's own transaction. Autosaves a few seconds apart would make hundreds of rows
 * for one afternoon of typing, so an autosave within COALESCE_MS of the newest row
 * replaces that row; a checkpoint (Ctrl+S, a restore, the first version) always starts a
 * new row and is never replaced. At most MAX_VERSIONS rows are kept per project.
 */
import { AppError } from "../errors";
import { assertProjectAccess } from "./access";
import type { BuilderDeps } from "./deps";
import type { MappingVersionSummary, MappingVersionText } from "./mapping-contracts";

export const COALESCE_MS = 2 * 60_000;
export const MAX_VERSIONS = 100;

type Tx = Parameters<Parameters<BuilderDeps["db"]["$transaction"]>[0]>[0];

export interface SavedVersion {
  projectId: string;
  version: number;
  yaml: string;
  valid: boolean;
  savedAt: Date;
  checkpoint: boolean;
  note: string | null;
}

export async function recordVersion(tx: Tx, saved: SavedVersion): Promise<void> {
  const newest = await tx.mappingVersion.findFirst({ where: { projectId: saved.projectId }, orderBy: { version: "desc" } });
  const data = { version: saved.version, yaml: saved.yaml, valid: saved.valid, savedAt: saved.savedAt };
  if (newest && !newest.checkpoint && !saved.checkpoint && saved.savedAt.getTime() - newest.savedAt.getTime() < COALESCE_MS) {
    await tx.mappingVersion.update({ where: { id: newest.id }, data });
    return;
  }
  await tx.mappingVersion.create({ data: { projectId: saved.projectId, ...data, checkpoint: saved.checkpoint, note: saved.note } });
  const old = await tx.mappingVersion.findMany({ where: { projectId: saved.projectId }, orderBy: { version: "desc" }, skip: MAX_VERSIONS, select: { id: true } });
  if (old.length > 0) await tx.mappingVersion.deleteMany({ where: { id: { in: old.map((o) => o.id) } } });
}

const lines = (yaml: string) => (yaml === "" ? 0 : yaml.replace(/\n$/, "").split("\n").length);

export async function listVersions(deps: BuilderDeps, userId: string, projectId: string): Promise<MappingVersionSummary[]> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  const rows = await deps.db.mappingVersion.findMany({ where: { projectId }, orderBy: { version: "desc" } });
  return rows.map((r) => ({ version: r.version, savedAt: r.savedAt.toISOString(), lines: lines(r.yaml), valid: r.valid, note: r.note }));
}

export async function getVersion(deps: BuilderDeps, userId: string, projectId: string, version: number): Promise<MappingVersionText> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  const r = await deps.db.mappingVersion.findUnique({ where: { projectId_version: { projectId, version } } });
  if (!r) {
    throw new AppError("version_not_found", `The mapping has no saved version ${version}.`, {
      status: 404,
      hint: "Open the history again: older versions are pruned past the newest 100.",
    });
  }
  return { version: r.version, savedAt: r.savedAt.toISOString(), lines: lines(r.yaml), valid: r.valid, note: r.note, yaml: r.yaml };
}
