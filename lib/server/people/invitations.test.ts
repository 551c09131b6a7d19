import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../../errors";
import { verifyCredentials } from "../auth/users";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import { acceptInvitation, createInvitation, describeInvitation, listInvitations, revokeInvitation } from "./invitations";
import { hashInvitationToken } from "./tokens";

let t: TestDatabase;
let admin: string;
let member: string;
const fastHash = async (p: string) => `plain:${p}`;
const at = (iso: string) => () => new Date(iso);

beforeAll(async () => {
  t = await createTestDatabase();
  admin = (await t.db.user.create({ data: { email: "admin@example.com", name: "Ada", role: "admin" } })).id;
  member = (await t.db.user.create({ data: { email: "mem@example.com", name: "Mo", role: "member" } })).id;
});
afterAll(() => t.cleanup());

async function failure(promise: Promise<unknown>): Promise<{ code: string; status: number; message: string }> {
  try {
    await promise;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, status: e.status, message: e.message };
    throw e;
  }
  throw new Error("expected a failure");
}

describe("invitations", () => {
  it("returns the link's token once and stores only its sha256", async () => {
    const created = await createInvitation(t.db, admin, { email: " New@Example.com ", name: "Nia" }, { now: at("2026-12-01T10:00:00Z") });
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.path).toBe(`/invite/${created.token}`);
    expect(created.invitation).toMatchObject({ email: "new@example.com", role: "member", entraLinked: false, expiresAt: "2026-12-04T10:00:00.000Z" });
    const row = await t.db.invitation.findUniqueOrThrow({ where: { email: "new@example.com" } });
    expect(row.tokenHash).toBe(hashInvitationToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect((await listInvitations(t.db, admin)).map((i) => i.email)).toContain("new@example.com");
  });

  it("works once: the account gets the invited address and role, the chosen name and password", async () => {
    const { token } = await createInvitation(t.db, admin, { email: "once@example.com", name: "Olu", role: "admin" });
    expect(await describeInvitation(t.db, token)).toMatchObject({ email: "once@example.com", name: "Olu" });
    const user = await acceptInvitation(t.db, token, { name: "Olu Ade", password: "correct horse battery" });
    expect(user).toMatchObject({ email: "once@example.com", name: "Olu Ade", role: "admin" });
    expect(await verifyCredentials(t.db, "once@example.com", "correct horse battery")).toMatchObject({ id: user.id });
    expect(await failure(acceptInvitation(t.db, token, { name: "Again", password: "another password" }, { hash: fastHash }))).toMatchObject({ code: "invitation_used", status: 410 });
    expect(await failure(describeInvitation(t.db, token))).toMatchObject({ code: "invitation_used", status: 410 });
    expect(await t.db.user.count({ where: { email: "once@example.com" } })).toBe(1);
  });

  it("expires after 72 hours by default, and says so", async () => {
    const { token } = await createInvitation(t.db, admin, { email: "late@example.com", name: "L" }, { now: at("2026-12-01T00:00:00Z") });
    expect(await describeInvitation(t.db, token, { now: at("2026-12-03T23:59:00Z") })).toMatchObject({ email: "late@example.com" });
    const expired = await failure(acceptInvitation(t.db, token, { name: "L", password: "long enough pw" }, { now: at("2026-12-04T00:00:00Z"), hash: fastHash }));
    expect(expired).toMatchObject({ code: "invitation_expired", status: 410 });
    expect(expired.message).toMatch(/expired/);
    expect(await t.db.user.count({ where: { email: "late@example.com" } })).toBe(0);
  });

  it("an unknown link is a 404 that says to ask for a new one", async () => {
    const unknown = await failure(describeInvitation(t.db, "x".repeat(43)));
    expect(unknown).toMatchObject({ code: "invitation_not_found", status: 404 });
  });

  it("a second invitation to the same address replaces the first link", async () => {
    const first = await createInvitation(t.db, admin, { email: "twice@example.com", name: "T" });
    const second = await createInvitation(t.db, admin, { email: "twice@example.com", name: "T2", role: "admin" });
    expect(await failure(describeInvitation(t.db, first.token))).toMatchObject({ code: "invitation_not_found" });
    expect(await describeInvitation(t.db, second.token)).toMatchObject({ name: "T2" });
    expect(await t.db.invitation.count({ where: { email: "twice@example.com" } })).toBe(1);
  });

  it("refuses an address that already has an account (409), a member (403), a short password (nothing written)", async () => {
    expect(await failure(createInvitation(t.db, admin, { email: "MEM@example.com", name: "Dup" }))).toMatchObject({ code: "person_exists", status: 409 });
    expect(await failure(createInvitation(t.db, member, { email: "x@example.com", name: "X" }))).toMatchObject({ code: "admin_only", status: 403 });
    expect(await failure(listInvitations(t.db, member))).toMatchObject({ code: "admin_only", status: 403 });
    const { token } = await createInvitation(t.db, admin, { email: "short@example.com", name: "S" });
    await expect(acceptInvitation(t.db, token, { name: "S", password: "short" }, { hash: fastHash })).rejects.toThrow(/at least 10/);
    expect(await describeInvitation(t.db, token)).toMatchObject({ email: "short@example.com" });
  });

  it("links the Entra object id given on the invitation to the new account", async () => {
    const oid = "0A1B2C3D-1111-2222-3333-444455556666";
    const { token, invitation } = await createInvitation(t.db, admin, { email: "ent@example.com", name: "E", entraObjectId: oid });
    expect(invitation.entraLinked).toBe(true);
    const user = await acceptInvitation(t.db, token, { name: "E", password: "long enough pw" }, { hash: fastHash });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).entraObjectId).toBe(oid.toLowerCase());
    await expect(createInvitation(t.db, admin, { email: "e2@example.com", name: "E2", entraObjectId: "not-a-guid" })).rejects.toThrow(/object id/);
    expect(await failure(createInvitation(t.db, admin, { email: "e3@example.com", name: "E3", entraObjectId: oid }))).toMatchObject({ code: "entra_id_taken", status: 409 });
  });

  it("a revoked invitation's link stops working", async () => {
    const { token, invitation } = await createInvitation(t.db, admin, { email: "rev@example.com", name: "R" });
    await revokeInvitation(t.db, admin, invitation.id);
    expect(await failure(describeInvitation(t.db, token))).toMatchObject({ code: "invitation_not_found" });
    expect(await failure(revokeInvitation(t.db, admin, invitation.id))).toMatchObject({ status: 404 });
  });

  it("two racing accepts of one link create one account", async () => {
    const { token } = await createInvitation(t.db, admin, { email: "race@example.com", name: "R" });
    const results = await Promise.allSettled([0, 1, 2].map(() => acceptInvitation(t.db, token, { name: "R", password: "long enough pw" }, { hash: fastHash })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.user.count({ where: { email: "race@example.com" } })).toBe(1);
  });
});
