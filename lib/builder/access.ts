/**
 * Every builder read and write starts here: the caller must own the project or have it
 * shared with them. A project the caller cannot see answers exactly like one that does
 * not exist (404), so ids cannot be probed; a read share asking to change it is a 403
 * that names the owner to ask.
 */
import { AppError } from "../errors";
import type { Db } from "../server/db";

/** What a route needs: "read" to look, "edit" to change the project or spend its secrets. */
export type AccessNeed = "read" | "edit";
/** What the caller has: their own project, or a share of it. */
export type ProjectAccess = "owner" | "edit" | "read";

export interface ProjectAccessGrant {
  access: ProjectAccess;
  ownerId: string;
  ownerName: string;
}

export function projectNotFound(projectId: string): AppError {
  return new AppError("project_not_found", `No project with id "${projectId}".`, {
    status: 404,
    hint: "It may have been deleted; go back to the projects list.",
  });
}

export function readOnlyError(ownerName: string): AppError {
  return new AppError("project_read_only", `You can view this project; ask its owner, ${ownerName}, for edit access.`, {
    status: 403,
    hint: "Viewers can look at every step; changes, and calls that use the project's connections (Graph requests, previews, syncs), need edit access. Nothing was changed.",
  });
}

/** The caller's access to the project (one query), or null when they have none. */
export async function projectAccessOf(db: Db, userId: string, projectId: string): Promise<ProjectAccessGrant | null> {
  const row = await db.project.findUnique({
    where: { id: projectId },
    select: { ownerId: true, owner: { select: { name: true } }, shares: { where: { userId }, select: { access: true } } },
  });
  if (!row) return null;
  if (row.ownerId === userId) return { access: "owner", ownerId: row.ownerId, ownerName: row.owner.name };
  const share = row.shares[0];
  if (!share) return null;
  return { access: share.access === "edit" ? "edit" : "read", ownerId: row.ownerId, ownerName: row.owner.name };
}

export async function assertProjectAccess(db: Db, userId: string, projectId: string, need: AccessNeed): Promise<ProjectAccessGrant> {
  const grant = await projectAccessOf(db, userId, projectId);
  if (!grant) throw projectNotFound(projectId);
  if (need === "edit" && grant.access === "read") throw readOnlyError(grant.ownerName);
  return grant;
}
