/**
 * Projects: the unit a user works in (a Graph connection, a Port connection, samples,
 * mappings and runs hang off it). A person sees their own projects and the ones shared
 * with them (lib/server/people/shares.ts); only the owner renames or deletes. A project
 * the caller cannot see answers like one that does not exist.
 */
import { z } from "zod";
import { assertProjectAccess, projectNotFound, type ProjectAccess } from "../builder/access";
import { AppError } from "../errors";
import type { Db } from "./db";

export const projectNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a project name")
  .max(80, "Use at most 80 characters");

export const createProjectSchema = z.object({ name: projectNameSchema });
export const renameProjectSchema = z.object({ name: projectNameSchema });

export interface ProjectSummary {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** The caller's access: their own project, or a share's level. */
  access: ProjectAccess;
  ownerName: string;
}

const select = { id: true, name: true, createdAt: true, updatedAt: true, ownerId: true, owner: { select: { name: true } } } as const;

type Row = { id: string; name: string; createdAt: Date; updatedAt: Date; ownerId: string; owner: { name: string } };

function toSummary(row: Row, access: ProjectAccess): ProjectSummary {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    access,
    ownerName: row.owner.name,
  };
}

export function ownerOnly(action: string, ownerName: string): AppError {
  return new AppError("owner_only", `Only the project's owner, ${ownerName}, can ${action}.`, {
    status: 403,
    hint: "Ask the owner to do it.",
  });
}

/** The caller's own projects and the ones shared with them, newest first. */
export async function listProjects(db: Db, userId: string): Promise<ProjectSummary[]> {
  const rows = await db.project.findMany({
    where: { OR: [{ ownerId: userId }, { shares: { some: { userId } } }] },
    orderBy: { createdAt: "desc" },
    select: { ...select, shares: { where: { userId }, select: { access: true } } },
  });
  return rows.map((row) => toSummary(row, row.ownerId === userId ? "owner" : row.shares[0]?.access === "edit" ? "edit" : "read"));
}

export async function getProject(db: Db, userId: string, id: string): Promise<ProjectSummary> {
  const grant = await assertProjectAccess(db, userId, id, "read");
  const row = await db.project.findUnique({ where: { id }, select });
  if (!row) throw projectNotFound(id);
  return toSummary(row, grant.access);
}

export async function createProject(db: Db, userId: string, name: string): Promise<ProjectSummary> {
  return toSummary(await db.project.create({ data: { name: projectNameSchema.parse(name), ownerId: userId }, select }), "owner");
}

/** The owner's project, or 404 (cannot see it) / 403 (a share of it). */
export async function assertProjectOwnedBy(db: Db, userId: string, id: string, action: string): Promise<void> {
  const grant = await assertProjectAccess(db, userId, id, "read");
  if (grant.access !== "owner") throw ownerOnly(action, grant.ownerName);
}

export async function renameProject(db: Db, userId: string, id: string, name: string): Promise<ProjectSummary> {
  const valid = projectNameSchema.parse(name);
  await assertProjectOwnedBy(db, userId, id, "rename it");
  const { count } = await db.project.updateMany({ where: { id, ownerId: userId }, data: { name: valid } });
  if (count === 0) throw projectNotFound(id);
  return getProject(db, userId, id);
}
