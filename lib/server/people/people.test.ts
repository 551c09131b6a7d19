import { beforeEach, afterEach, describe, expect, it } from "vitest";
import { isAppError } from "../../errors";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import { listPeople, removePerson, updatePerson } from "./people";

let t: TestDatabase;
let ada: string;
let mo: string;

beforeEach(async () => {
  t = await createTestDatabase();
  ada = (await t.db.user.create({ data: { email: "ada@example.com", name: "Ada", role: "admin" } })).id;
  mo = (await t.db.user.create({ data: { email: "mo@example.com", name: "Mo", role: "member" } })).id;
});
afterEach(() => t.cleanup());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "no error";
  } catch (e) {
    return isAppError(e) ? `${e.status} ${e.code}` : `not an AppError: ${String(e)}`;
  }
}

describe("people", () => {
  it("lists everyone for an administrator, with role, Entra link and project count; refuses a member", async () => {
    await t.db.project.create({ data: { name: "P", ownerId: mo } });
    const people = await listPeople(t.db, ada);
    expect(people.map((p) => [p.email, p.role, p.entraLinked, p.projectCount])).toEqual([
      ["ada@example.com", "admin", false, 0],
      ["mo@example.com", "member", false, 1],
    ]);
    expect(await codeOf(listPeople(t.db, mo))).toBe("403 admin_only");
    expect(await codeOf(updatePerson(t.db, mo, mo, { role: "admin" }))).toBe("403 admin_only");
    expect(await codeOf(removePerson(t.db, mo, ada))).toBe("403 admin_only");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: mo } })).role).toBe("member");
  });

  it("never demotes the last administrator; with two, one may become a member", async () => {
    expect(await codeOf(updatePerson(t.db, ada, ada, { role: "member" }))).toBe("409 last_admin");
    await updatePerson(t.db, ada, mo, { role: "admin" });
    expect((await updatePerson(t.db, ada, ada, { role: "member" })).role).toBe("member");
    // Ada is a member now: she manages no one any more.
    expect(await codeOf(listPeople(t.db, ada))).toBe("403 admin_only");
    expect(await codeOf(updatePerson(t.db, mo, mo, { role: "member" }))).toBe("409 last_admin");
  });

  it("sets and clears an Entra object id; one id belongs to one person", async () => {
    const oid = "0a1b2c3d-1111-2222-3333-444455556666";
    expect((await updatePerson(t.db, ada, mo, { entraObjectId: oid.toUpperCase() })).entraObjectId).toBe(oid);
    expect(await codeOf(updatePerson(t.db, ada, ada, { entraObjectId: oid }))).toBe("409 entra_id_taken");
    expect((await updatePerson(t.db, ada, mo, { entraObjectId: null })).entraLinked).toBe(false);
    await expect(updatePerson(t.db, ada, mo, { entraObjectId: "x" })).rejects.toThrow(/object id/);
    await expect(updatePerson(t.db, ada, mo, {})).rejects.toThrow(/role or an entraObjectId/);
  });

  it("removing a person moves their projects to the administrator and drops their shares", async () => {
    const theirs = await t.db.project.create({ data: { name: "Theirs", ownerId: mo } });
    const adasShared = await t.db.project.create({ data: { name: "Ada's", ownerId: ada } });
    await t.db.projectShare.create({ data: { projectId: adasShared.id, userId: mo, access: "edit" } });
    await t.db.projectShare.create({ data: { projectId: theirs.id, userId: ada, access: "read" } });
    expect(await removePerson(t.db, ada, mo)).toEqual({ projectsMoved: 1 });
    expect(await t.db.user.findUnique({ where: { id: mo } })).toBeNull();
    expect((await t.db.project.findUniqueOrThrow({ where: { id: theirs.id } })).ownerId).toBe(ada);
    expect(await t.db.projectShare.count()).toBe(0);
    expect(await codeOf(removePerson(t.db, ada, mo))).toBe("404 person_not_found");
  });

  it("an administrator cannot remove themself, and the last administrator cannot be removed", async () => {
    expect(await codeOf(removePerson(t.db, ada, ada))).toBe("409 cannot_remove_self");
    const bea = (await t.db.user.create({ data: { email: "bea@example.com", name: "Bea", role: "admin" } })).id;
    // Bea removes Ada (two admins): allowed; Bea is then the last one and cannot go.
    await removePerson(t.db, bea, ada);
    expect(await codeOf(removePerson(t.db, bea, bea))).toBe("409 cannot_remove_self");
    expect(await t.db.user.count({ where: { role: "admin" } })).toBe(1);
  });
});
