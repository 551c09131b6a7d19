import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../server/db/test-db";
import { createProject } from "../server/projects";
import { projectScope } from "../sync/run-store";
import { deleteProject } from "./project-delete";

let t: TestDatabase;
let owner: string;
beforeAll(async () => {
  t = await createTestDatabase();
  owner = (await t.db.user.create({ data: { email: "owner@example.com", name: "Owner" } })).id;
});
afterAll(() => t.cleanup());

/** A project with one of each thing its syncs leave in the database. */
async function projectWithSyncData(name: string): Promise<string> {
  const { id } = await createProject(t.db, owner, name);
  const scope = projectScope(id);
  await t.db.syncSchedule.create({ data: { projectId: id, intervalMinutes: 30, nextRunAt: new Date() } });
  await t.db.syncRun.create({ data: { id: `run-${id}`, scope, projectId: id, status: "succeeded", trigger: "button" } });
  await t.db.syncEntityState.create({ data: { scope, blueprint: "entra-id-user", identifier: "u1", fingerprint: "content", content: "{}", kind: "/users", seenRunId: `run-${id}` } });
  return id;
}

async function syncRowsOf(projectId: string) {
  return {
    schedules: await t.db.syncSchedule.count({ where: { projectId } }),
    runs: await t.db.syncRun.count({ where: { projectId } }),
    state: await t.db.syncEntityState.count({ where: { scope: projectScope(projectId) } }),
    project: await t.db.project.count({ where: { id: projectId } }),
  };
}

describe("deleteProject", () => {
  it("removes the project with its schedule, run history and entity state, and nothing of another project", async () => {
    const gone = await projectWithSyncData("Gone");
    const kept = await projectWithSyncData("Kept");
    await deleteProject(t.db, owner, gone);
    expect(await syncRowsOf(gone)).toEqual({ schedules: 0, runs: 0, state: 0, project: 0 });
    expect(await syncRowsOf(kept)).toEqual({ schedules: 1, runs: 1, state: 1, project: 1 });
  });

  it("refuses while a sync of the project is queued or running, and changes nothing", async () => {
    const busy = await projectWithSyncData("Busy");
    await t.db.syncActiveRun.create({ data: { scope: projectScope(busy), runId: `run-${busy}` } });
    await expect(deleteProject(t.db, owner, busy)).rejects.toMatchObject({ code: "sync_running", status: 409, hint: expect.stringMatching(/Cancel the sync/) });
    expect(await syncRowsOf(busy)).toEqual({ schedules: 1, runs: 1, state: 1, project: 1 });
  });
});
