/**
 * Projects: the unit a user works in (a Graph connection, a Port connection, samples,
 * mappings and runs hang off it in later steps). Every read and write is scoped to the
 * owner, so one user can never see or change another's project.
 */
import { z } from "zod";
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
}

const select = { id: true, name: true, createdAt: true, updatedAt: true } as const;

function toSummary(row: { id: string; name: string; createdAt: Date; updatedAt: Date }): ProjectSummary {
  return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

function notFound(id: string): AppError {
  return new AppError("project_not_found", `No project with id "${id}".`, {
    status: 404,
    hint: "It may have been deleted; go back to the projects list.",
  });
}

export async function listProjects(db: Db, ownerId: string): Promise<ProjectSummary[]> {
  const rows = await db.project.findMany({ where: { ownerId }, orderBy: { createdAt: "desc" }, select });
  return rows.map(toSummary);
}

export async function getProject(db: Db, ownerId: string, id: string): Promise<ProjectSummary> {
  const row = await db.project.findFirst({ where: { id, ownerId }, select });
  if (!row) throw notFound(id);
  return toSummary(row);
}

export async function createProject(db: Db, ownerId: string, name: string): Promise<ProjectSummary> {
  return toSummary(await db.project.create({ data: { name: projectNameSchema.parse(name), ownerId }, select }));
}

export async function renameProject(db: Db, ownerId: string, id: string, name: string): Promise<ProjectSummary> {
  const { count } = await db.project.updateMany({ where: { id, ownerId }, data: { name: projectNameSchema.parse(name) } });
  if (count === 0) throw notFound(id);
  return getProject(db, ownerId, id);
}

export async function deleteProject(db: Db, ownerId: string, id: string): Promise<void> {
  const { count } = await db.project.deleteMany({ where: { id, ownerId } });
  if (count === 0) throw notFound(id);
}
