/**
 * Sharing a project with named people, read or edit. Only the owner shares, changes or
 * revokes; a share gives nothing to anyone else, and removing a person drops theirs.
 */
import { z } from "zod";
import { AppError } from "../../errors";
import { MAX_EMAIL_LENGTH } from "../auth/users";
import type { Db } from "../db";
import { assertProjectOwnedBy } from "../projects";
import type { ProjectShareView, ShareCandidate } from "./views";

export const shareAccessSchema = z.enum(["read", "edit"], { error: 'Choose "read" or "edit"' });

export const shareRequestSchema = z.object({
  email: z.string().trim().toLowerCase().max(MAX_EMAIL_LENGTH).pipe(z.email("Enter the email address of a person here")),
  access: shareAccessSchema,
});
export type ShareRequest = z.infer<typeof shareRequestSchema>;



export async function listShares(db: Db, userId: string, projectId: string): Promise<ProjectShareView[]> {
  await assertProjectOwnedBy(db, userId, projectId, "see who it is shared with");
  const rows = await db.projectShare.findMany({
    where: { projectId },
    orderBy: { createdAt: "asc" },
    select: { access: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((r) => ({ userId: r.user.id, name: r.user.name, email: r.user.email, access: r.access === "edit" ? "edit" : "read" }));
}

/** The people the owner can share with: everyone here but themself. */
export async function shareCandidates(db: Db, userId: string, projectId: string): Promise<ShareCandidate[]> {
  await assertProjectOwnedBy(db, userId, projectId, "share it");
  return db.user.findMany({ where: { id: { not: userId } }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
}

/** Shares with the person with that address, or changes their level when already shared. */
export async function shareProject(db: Db, userId: string, projectId: string, input: ShareRequest): Promise<ProjectShareView> {
  const { email, access } = shareRequestSchema.parse(input);
  await assertProjectOwnedBy(db, userId, projectId, "share it");
  const person = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
  if (!person) {
    throw new AppError("person_not_found", `No one here has the address ${email}.`, {
      status: 404,
      location: { path: "email" },
      hint: "Ask an administrator to invite them first.",
    });
  }
  if (person.id === userId) {
    throw new AppError("invalid_request", "You own this project already.", { status: 400, location: { path: "email" }, hint: "Pick someone else." });
  }
  await db.projectShare.upsert({
    where: { projectId_userId: { projectId, userId: person.id } },
    create: { projectId, userId: person.id, access },
    update: { access },
  });
  return { userId: person.id, name: person.name, email: person.email, access };
}

export async function revokeShare(db: Db, userId: string, projectId: string, personId: string): Promise<void> {
  await assertProjectOwnedBy(db, userId, projectId, "change who it is shared with");
  const { count } = await db.projectShare.deleteMany({ where: { projectId, userId: personId } });
  if (count === 0) {
    throw new AppError("share_not_found", "This project is not shared with that person.", { status: 404, hint: "Reload the list of people it is shared with." });
  }
}
