import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertProjectAccess } from "../../builder/access";
import { isAppError } from "../../errors";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import { deleteProject } from "@/lib/builder/project-delete";
import { createProject, getProject, listProjects, renameProject } from "../projects";
import { listShares, revokeShare, shareCandidates, shareProject } from "./shares";

let t: TestDatabase;
let alice: string;
let bob: string;
let carol: string;

beforeAll(async () => {
  t = await createTestDatabase();
  alice = (await t.db.user.create({ data: { email: "alice@example.com", name: "Alice", role: "admin" } })).id;
  bob = (await t.db.user.create({ data: { email: "bob@example.com", name: "Bob", role: "member" } })).id;
  carol = (await t.db.user.create({ data: { email: "carol@example.com", name: "Carol", role: "member" } })).id;
});
afterAll(() => t.cleanup());

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "no error";
  } catch (e) {
    return isAppError(e) ? `${e.status} ${e.code}: ${e.message}` : `not an AppError: ${String(e)}`;
  }
}

describe("sharing a project", () => {
  it("a read share shows the project to that person only, read only, naming the owner", async () => {
    const p = await createProject(t.db, alice, "Shared read");
    await shareProject(t.db, alice, p.id, { email: "BOB@example.com", access: "read" });
    expect((await listProjects(t.db, bob)).map((x) => [x.name, x.access, x.ownerName])).toEqual([["Shared read", "read", "Alice"]]);
    expect((await getProject(t.db, bob, p.id)).access).toBe("read");
    expect((await assertProjectAccess(t.db, bob, p.id, "read")).access).toBe("read");
    expect(await failure(assertProjectAccess(t.db, bob, p.id, "edit"))).toBe("403 project_read_only: You can view this project; ask its owner, Alice, for edit access.");
    expect(await failure(assertProjectAccess(t.db, carol, p.id, "read"))).toMatch(/^404 project_not_found/);
    expect(await listProjects(t.db, carol)).toEqual([]);
  });

  it("an edit share can edit but not rename, delete or reshare; only the owner lists shares", async () => {
    const p = await createProject(t.db, alice, "Shared edit");
    await shareProject(t.db, alice, p.id, { email: "bob@example.com", access: "edit" });
    expect((await assertProjectAccess(t.db, bob, p.id, "edit")).access).toBe("edit");
    expect(await failure(renameProject(t.db, bob, p.id, "Mine"))).toBe("403 owner_only: Only the project's owner, Alice, can rename it.");
    expect(await failure(deleteProject(t.db, bob, p.id))).toMatch(/^403 owner_only/);
    expect(await failure(shareProject(t.db, bob, p.id, { email: "carol@example.com", access: "edit" }))).toMatch(/^403 owner_only/);
    expect(await failure(listShares(t.db, bob, p.id))).toMatch(/^403 owner_only/);
    expect(await failure(listShares(t.db, carol, p.id))).toMatch(/^404 project_not_found/);
    expect((await getProject(t.db, alice, p.id)).name).toBe("Shared edit");
  });

  it("changes a share's level, revokes it, and lists shares and candidates for the owner", async () => {
    const p = await createProject(t.db, alice, "Levels");
    await shareProject(t.db, alice, p.id, { email: "bob@example.com", access: "read" });
    await shareProject(t.db, alice, p.id, { email: "bob@example.com", access: "edit" });
    expect(await listShares(t.db, alice, p.id)).toEqual([{ userId: bob, name: "Bob", email: "bob@example.com", access: "edit" }]);
    expect((await shareCandidates(t.db, alice, p.id)).map((c) => c.email)).toEqual(["bob@example.com", "carol@example.com"]);
    await revokeShare(t.db, alice, p.id, bob);
    expect(await failure(assertProjectAccess(t.db, bob, p.id, "read"))).toMatch(/^404/);
    expect(await failure(revokeShare(t.db, alice, p.id, bob))).toMatch(/^404 share_not_found/);
  });

  it("refuses an address with no account (saying to invite them) and the owner themself", async () => {
    const p = await createProject(t.db, alice, "Nobody");
    expect(await failure(shareProject(t.db, alice, p.id, { email: "nobody@example.com", access: "read" }))).toBe("404 person_not_found: No one here has the address nobody@example.com.");
    expect(await failure(shareProject(t.db, alice, p.id, { email: "alice@example.com", access: "read" }))).toMatch(/^400/);
    await expect(shareProject(t.db, alice, p.id, { email: "bob@example.com", access: "admin" as never })).rejects.toThrow(/read.*edit/);
    expect(await t.db.projectShare.count({ where: { projectId: p.id } })).toBe(0);
  });
});
