/**
 * Import into a project: the mapping YAML and the blueprints replace the project's mapping
 * and blueprints documents together, in one transaction, or nothing changes. The files
 * are checked again here (the dialog checked them as they were typed; the server decides):
 * a refusal names the first problem with its file, line and column. The mapping history
 * gets a checkpoint "imported", so the text it replaced can be restored.
 */
import { AppError } from "../errors";
import { analyseImport, firstProblemLine, type ImportFinding, type ImportRequest } from "../export/import";
import type { Db } from "../server/db";
import { assertProjectAccess } from "./access";
import { blueprintsDocument, type BlueprintsDocument } from "./contracts";
import { MAPPING_DOCUMENT_KIND } from "./mapping-store";

export interface ImportAnswer {
  /** The documents' versions after the import (send them with the next save). */
  mapping: { version: number };
  blueprints: { version: number; identifiers: string[] };
  /** Warnings and lints of what was imported, shown at once. */
  warnings: ImportFinding[];
  lints: ImportFinding[];
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function writeDocument(tx: Tx, projectId: string, kind: string, content: unknown): Promise<number> {
  const where = { projectId_kind: { projectId, kind } };
  const current = await tx.projectDocument.findUnique({ where, select: { version: true } });
  const text = JSON.stringify(content);
  const row = current
    ? await tx.projectDocument.update({ where, data: { content: text, version: current.version + 1 } })
    : await tx.projectDocument.create({ data: { projectId, kind, content: text, version: 1 } });
  return row.version;
}

/** What Port was last sent for each blueprint is kept: the rail then says which imported ones differ. */
async function previousPushes(tx: Tx, projectId: string): Promise<BlueprintsDocument["pushed"]> {
  const row = await tx.projectDocument.findUnique({ where: { projectId_kind: { projectId, kind: "blueprints" } } });
  if (!row) return {};
  try {
    const parsed = blueprintsDocument.safeParse(JSON.parse(row.content));
    return parsed.success ? parsed.data.pushed : {};
  } catch {
    return {};
  }
}

/** Imports into `projectId` (the caller has checked that the person owns it). */
export async function importIntoProject(db: Db, projectId: string, request: ImportRequest): Promise<ImportAnswer> {
  const analysis = analyseImport(request);
  if (!analysis.ok) {
    const first = analysis.problems.find((p) => p.severity === "error");
    throw new AppError("import_invalid", `Nothing was imported: ${firstProblemLine(analysis) ?? "the files are not usable"}.`, {
      status: 400,
      location: first?.location,
      hint: first?.hint ?? "Correct the file and import again; the project is unchanged.",
    });
  }
  const document: BlueprintsDocument = { blueprints: analysis.blueprintTexts, pushed: {} };
  const { mappingVersion, blueprintsVersion } = await db.$transaction(async (tx) => {
    document.pushed = await previousPushes(tx, projectId);
    const checked = blueprintsDocument.parse(document);
    const mappingVersion = await writeDocument(tx, projectId, MAPPING_DOCUMENT_KIND, { yaml: request.configYaml, lastValidYaml: request.configYaml });
    const blueprintsVersion = await writeDocument(tx, projectId, "blueprints", checked);
    await tx.mappingVersion.create({
      data: { projectId, version: mappingVersion, yaml: request.configYaml, valid: true, savedAt: new Date(), checkpoint: true, note: "imported" },
    });
    return { mappingVersion, blueprintsVersion };
  });
  return {
    mapping: { version: mappingVersion },
    blueprints: { version: blueprintsVersion, identifiers: analysis.blueprintTexts.map((b) => b.identifier) },
    warnings: analysis.problems.filter((p) => p.severity !== "error"),
    lints: analysis.lints,
  };
}

/** The route's door: the owner is checked before the body is even read. */
export async function importForOwner(deps: { db: Db }, userId: string, projectId: string, readBody: () => Promise<ImportRequest>): Promise<ImportAnswer> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  return importIntoProject(deps.db, projectId, await readBody());
}
