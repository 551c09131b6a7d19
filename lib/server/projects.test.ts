import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { createTestDatabase, type TestDatabase } from "./db/test-db";
import { deleteProject } from "@/lib/builder/project-delete";
import { createProject, getProject, listProjects, renameProject } from "./projects";

let t: TestDatabase;
let alice: string;
let bob: string;

beforeAll(async () => {
  t = await createTestDatabase();
  alice = (await t.db.user.create({ data: { email: "alice@example.com", name: "Alice" } })).id;
  bob = (await t.db.user.create({ data: { email: "bob@example.com", name: "Bob" } })).id;
});
afterAll(() => t.cleanup());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "no error";
  } catch (e) {
    return isAppError(e) ? e.code : `not an AppError: ${String(e)}`;
  }
}

describe("projects", () => {
  it("creates, lists newest first, renames and deletes", async () => {
    const a = await createProject(t.db, alice, "  First  ");
    expect(a.name).toBe("First");
    const b = await createProject(t.db, alice, "Second");
    expect((await listProjects(t.db, alice)).map((p) => p.id)).toEqual([b.id, a.id]);
    expect((await renameProject(t.db, alice, a.id, "Renamed")).name).toBe("Renamed");
    await deleteProject(t.db, alice, a.id);
    expect((await listProjects(t.db, alice)).map((p) => p.name)).toEqual(["Second"]);
  });

  it("keeps each owner's projects to themselves", async () => {
    const mine = await createProject(t.db, alice, "Private");
    expect(await codeOf(getProject(t.db, bob, mine.id))).toBe("project_not_found");
    expect(await codeOf(renameProject(t.db, bob, mine.id, "Stolen"))).toBe("project_not_found");
    expect(await codeOf(deleteProject(t.db, bob, mine.id))).toBe("project_not_found");
    expect((await getProject(t.db, alice, mine.id)).name).toBe("Private");
  });

  it("rejects empty and over-long names without writing", async () => {
    const before = (await listProjects(t.db, alice)).length;
    await expect(createProject(t.db, alice, "   ")).rejects.toThrow(/Enter a project name/);
    await expect(createProject(t.db, alice, "x".repeat(81))).rejects.toThrow(/at most 80/);
    expect((await listProjects(t.db, alice)).length).toBe(before);
  });
});
