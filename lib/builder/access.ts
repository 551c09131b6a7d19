/**
 * Every builder read and write starts here: the project must belong to the caller. A
 * project of someone else's answers exactly like one that does not exist (404), so ids
 * cannot be probed.
 */
import { AppError } from "../errors";
import type { Db } from "../server/db";

export async function assertProjectOwner(db: Db, ownerId: string, projectId: string): Promise<void> {
  const found = await db.project.findFirst({ where: { id: projectId, ownerId }, select: { id: true } });
  if (!found) {
    throw new AppError("project_not_found", `No project with id "${projectId}".`, {
      status: 404,
      hint: "It may have been deleted; go back to the projects list.",
    });
  }
}
