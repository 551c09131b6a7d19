/** Only administrators manage people: every function here starts with this check. */
import { AppError } from "../../errors";
import type { Db } from "../db";

export function adminOnlyError(): AppError {
  return new AppError("admin_only", "Only an administrator can manage people.", {
    status: 403,
    hint: "Ask an administrator to do this for you.",
  });
}

/** The acting administrator (read now, so a demotion applies at once), or 403. */
export async function requireAdmin(db: Db, actorId: string): Promise<{ id: string; name: string }> {
  const actor = await db.user.findUnique({ where: { id: actorId }, select: { id: true, name: true, role: true } });
  if (!actor || actor.role !== "admin") throw adminOnlyError();
  return { id: actor.id, name: actor.name };
}

export function personNotFound(): AppError {
  return new AppError("person_not_found", "There is no such person.", { status: 404, hint: "Reload the people list." });
}
