import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import { createFirstAdmin, firstAdminSchema, needsFirstRunSetup, verifyCredentials } from "./users";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.cleanup());

const admin = firstAdminSchema.parse({ name: "Ada", email: " Ada@Example.com ", password: "long enough password" });

describe("first-run setup and credentials", () => {
  it("creates the administrator once, then closes setup", async () => {
    expect(await needsFirstRunSetup(t.db)).toBe(true);
    const user = await createFirstAdmin(t.db, admin);
    expect(user.email).toBe("ada@example.com");
    expect(await needsFirstRunSetup(t.db)).toBe(false);
    await expect(createFirstAdmin(t.db, { ...admin, email: "other@example.com" })).rejects.toMatchObject({ code: "setup_closed", status: 409 });
    expect(await t.db.user.count()).toBe(1);
  });

  it("a closed setup refuses before hashing the password (hashing is what a stranger could make us spend CPU on)", async () => {
    const hashed: string[] = [];
    const countingHash = async (password: string) => {
      hashed.push(password);
      return `counted:${password}`;
    };
    await createFirstAdmin(t.db, admin, countingHash);
    expect(hashed).toHaveLength(1);
    await expect(createFirstAdmin(t.db, { ...admin, email: "late@example.com" }, countingHash)).rejects.toMatchObject({ code: "setup_closed" });
    expect(hashed).toHaveLength(1);
  });

  it("two racing setup requests create exactly one account", async () => {
    const results = await Promise.allSettled([createFirstAdmin(t.db, admin), createFirstAdmin(t.db, { ...admin, email: "b@example.com" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.user.count()).toBe(1);
  });

  it("stores a hash, never the password, and verifies it", async () => {
    await createFirstAdmin(t.db, admin);
    const row = await t.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(row.passwordHash).not.toContain("long enough password");
    expect(await verifyCredentials(t.db, "ADA@example.com", "long enough password")).toMatchObject({ email: "ada@example.com" });
    expect(await verifyCredentials(t.db, "ada@example.com", "wrong password")).toBeNull();
    expect(await verifyCredentials(t.db, "nobody@example.com", "long enough password")).toBeNull();
  });

  it("rejects weak or malformed input with a message per field", () => {
    const result = firstAdminSchema.safeParse({ name: "", email: "nope", password: "short" });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(byField).toEqual({ name: "Enter a name", email: "Enter a valid email address", password: "Use at least 10 characters" });
  });

  it("refuses an over-long email in setup, and never looks one up at sign-in", async () => {
    const long = `${"a".repeat(250)}@example.com`;
    expect(firstAdminSchema.safeParse({ ...admin, email: long }).error?.issues[0]?.message).toBe("Use at most 254 characters");
    expect(await verifyCredentials(t.db, long, "long enough password")).toBeNull();
  });
});
