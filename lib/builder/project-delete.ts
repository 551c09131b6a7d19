/**
 * Deleting a project (its owner only) with what its syncs left in the database: the
 * schedule (else the runner would keep starting runs of a project that is gone), the run
 * history and the entity state of its scope. The entities in Port stay: deleting a
 * project of the builder never deletes catalog data. Refused while a sync of it is queued
 * or running (cancel it first), so no run writes into rows that are being removed.
 */
import { AppError } from "../errors";
import type { Db } from "../server/db";
import { assertProjectOwnedBy } from "../server/projects";
import { projectScope } from "../sync/run-store";

export async function deleteProject(db: Db, userId: string, projectId: string): Promise<void> {
  await assertProjectOwnedBy(db, userId, projectId, "delete it");
  const scope = projectScope(projectId);
  if (await db.syncActiveRun.findUnique({ where: { scope }, select: { runId: true } })) {
    throw new AppError("sync_running", "A sync of this project is queued or running, so the project cannot be deleted now.", {
      status: 409,
      hint: "Cancel the sync on the Sync step (or wait for it to finish), then delete the project.",
    });
  }
  // One transaction: either the project and all of its sync data go, or nothing does.
  await db.$transaction([
    db.syncSchedule.deleteMany({ where: { projectId } }),
    db.syncRun.deleteMany({ where: { projectId } }),
    db.syncEntityState.deleteMany({ where: { scope } }),
    db.project.deleteMany({ where: { id: projectId, ownerId: userId } }),
  ]);
}
