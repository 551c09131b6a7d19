/**
 * A project's step documents (picked fields, blueprints), saved whole with a version: a
 * save based on an older version (another tab, another person) is refused with 409
 * instead of silently overwriting their work.
 */
import { AppError } from "../errors";
import { assertProjectAccess } from "./access";
import { DOCUMENT_SCHEMAS, type DocumentContent, type DocumentKind, type StoredDocument } from "./contracts";
import type { BuilderDeps } from "./deps";

function invalid(kind: DocumentKind, issue: { path: PropertyKey[]; message: string }): AppError {
  const where = issue.path.length ? issue.path.map(String).join(".") : kind;
  return new AppError("invalid_document", `${where}: ${issue.message}`, { status: 400, location: { path: where }, hint: "Correct it and save again." });
}

export async function getDocument<K extends DocumentKind>(deps: BuilderDeps, userId: string, projectId: string, kind: K): Promise<StoredDocument<K>> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  return readDocument(deps, projectId, kind);
}

/** The document of a project whose owner the caller has already checked. */
export async function readDocument<K extends DocumentKind>(deps: BuilderDeps, projectId: string, kind: K): Promise<StoredDocument<K>> {
  const row = await deps.db.projectDocument.findUnique({ where: { projectId_kind: { projectId, kind } } });
  if (!row) return { kind, content: null, version: 0, updatedAt: null };
  const parsed = DOCUMENT_SCHEMAS[kind].safeParse(JSON.parse(row.content));
  // A document written by an older version that no longer validates is shown as empty
  // rather than breaking the page; its text stays in the database until the next save.
  return { kind, content: parsed.success ? (parsed.data as DocumentContent<K>) : null, version: row.version, updatedAt: row.updatedAt.toISOString() };
}

export async function saveDocument<K extends DocumentKind>(
  deps: BuilderDeps,
  userId: string,
  projectId: string,
  kind: K,
  version: number,
  content: unknown,
): Promise<StoredDocument<K>> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  const parsed = DOCUMENT_SCHEMAS[kind].safeParse(content);
  if (!parsed.success) throw invalid(kind, parsed.error.issues[0]!);
  const text = JSON.stringify(parsed.data);
  const updated = await deps.db.$transaction(async (tx) => {
    const current = await tx.projectDocument.findUnique({ where: { projectId_kind: { projectId, kind } }, select: { version: true } });
    if ((current?.version ?? 0) !== version) return null;
    return current
      ? tx.projectDocument.update({ where: { projectId_kind: { projectId, kind } }, data: { content: text, version: version + 1 } })
      : tx.projectDocument.create({ data: { projectId, kind, content: text, version: 1 } });
  });
  if (!updated) {
    throw new AppError("document_changed", `The ${kind} of this project were changed elsewhere (another tab or person) since you loaded them.`, {
      status: 409,
      hint: "Reload the page to see the newer version; copy anything you want to keep first.",
    });
  }
  return { kind, content: parsed.data as DocumentContent<K>, version: updated.version, updatedAt: updated.updatedAt.toISOString() };
}
