/**
 * The people who can sign in, as an administrator manages them: list, change role, link
 * or unlink an Entra object id, remove. There is always an administrator: the last one
 * can be neither demoted nor removed, and an administrator cannot remove themself.
 */
import { AppError } from "../../errors";
import type { Db } from "../db";
import { personNotFound, requireAdmin } from "./admin";
import { entraIdTaken } from "./invitations";
import { changePersonSchema, type Role } from "./schemas";
import type { PersonView } from "./views";


function roleOf(value: string): Role {
  return value === "admin" ? "admin" : "member";
}

const personSelect = { id: true, name: true, email: true, role: true, entraObjectId: true, createdAt: true, _count: { select: { projects: true } } } as const;

export async function listPeople(db: Db, actorId: string): Promise<PersonView[]> {
  await requireAdmin(db, actorId);
  const rows = await db.user.findMany({ orderBy: { createdAt: "asc" }, select: personSelect });
  return rows.map(toView);
}

function toView(r: { id: string; name: string; email: string; role: string; entraObjectId: string | null; createdAt: Date; _count: { projects: number } }): PersonView {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    role: roleOf(r.role),
    entraLinked: r.entraObjectId !== null,
    entraObjectId: r.entraObjectId,
    projectCount: r._count.projects,
    createdAt: r.createdAt.toISOString(),
  };
}

function lastAdmin(action: string): AppError {
  return new AppError("last_admin", `This is the only administrator: you cannot ${action}.`, {
    status: 409,
    hint: "Make someone else an administrator first.",
  });
}

async function personOf(db: Db, personId: string) {
  const person = await db.user.findUnique({ where: { id: personId }, select: { id: true, name: true, role: true } });
  if (!person) throw personNotFound();
  return person;
}

/** Changes a role and/or the Entra object id (null clears it). */
export async function updatePerson(db: Db, actorId: string, personId: string, input: unknown): Promise<PersonView> {
  await requireAdmin(db, actorId);
  const change = changePersonSchema.parse(input);
  const person = await personOf(db, personId);
  const updated = await db.$transaction(async (tx) => {
    if (change.role === "member" && person.role === "admin") {
      // Counted inside the transaction: two admins demoting each other leave one.
      if ((await tx.user.count({ where: { role: "admin" } })) <= 1) throw lastAdmin("make them a member");
    }
    if (change.entraObjectId) {
      const holder = await tx.user.findUnique({ where: { entraObjectId: change.entraObjectId }, select: { id: true } });
      if (holder && holder.id !== personId) throw entraIdTaken();
    }
    return tx.user.update({
      select: personSelect,
      where: { id: personId },
      data: { ...(change.role ? { role: change.role } : {}), ...(change.entraObjectId !== undefined ? { entraObjectId: change.entraObjectId } : {}) },
    });
  });
  return toView(updated);
}

/**
 * Removes a person. Their projects move to the administrator who removed them (so no work
 * is lost), the shares they had are dropped, and their sessions stop working at once (the
 * session check reads the user row on every request).
 */
export async function removePerson(db: Db, actorId: string, personId: string): Promise<{ projectsMoved: number }> {
  const admin = await requireAdmin(db, actorId);
  if (personId === admin.id) {
    throw new AppError("cannot_remove_self", "You cannot remove yourself.", { status: 409, hint: "Ask another administrator to remove you." });
  }
  const person = await personOf(db, personId);
  return db.$transaction(async (tx) => {
    if (person.role === "admin" && (await tx.user.count({ where: { role: "admin" } })) <= 1) throw lastAdmin("remove them");
    const moved = await tx.project.findMany({ where: { ownerId: personId }, select: { id: true } });
    const movedIds = moved.map((p) => p.id);
    await tx.project.updateMany({ where: { ownerId: personId }, data: { ownerId: admin.id } });
    // The administrator now owns these: a share of their own project would be noise.
    await tx.projectShare.deleteMany({ where: { userId: admin.id, projectId: { in: movedIds } } });
    // Their own shares and invitations they sent go with the user row (foreign-key cascade).
    await tx.user.delete({ where: { id: personId } });
    return { projectsMoved: movedIds.length };
  });
}
