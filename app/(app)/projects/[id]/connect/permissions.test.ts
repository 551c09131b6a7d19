/** The setup guide's permission list: least-privileged, covering every read, never Directory.Read.All. */
import { describe, expect, it } from "vitest";
import { leastPermissions, SEED_READS } from "@/components/connect/permissions";

const names = (reads: Parameters<typeof leastPermissions>[0]) => leastPermissions(reads).permissions.map((p) => p.permission);

describe("leastPermissions", () => {
  it("covers the seed collections with three permissions: Group.Read.All also reads members", () => {
    const plan = leastPermissions(SEED_READS);
    expect(plan.permissions).toEqual([
      { permission: "Application.Read.All", reasons: ["/applications", "/servicePrincipals"] },
      { permission: "Group.Read.All", reasons: ["/groups", "/groups/{group_id}/members"] },
      { permission: "User.Read.All", reasons: ["/users"] },
    ]);
    expect(plan.unknownPaths).toEqual([]);
  });

  it("never proposes Directory.Read.All, even though it accepts every read", () => {
    expect(names([...SEED_READS, { path: "/devices" }, { path: "/organization" }])).not.toContain("Directory.Read.All");
  });

  it("adds AuditLog.Read.All only when signInActivity is selected or filtered", () => {
    expect(names([...SEED_READS, { path: "/users", select: "id,displayName,signInActivity" }])).toContain("AuditLog.Read.All");
    expect(names([{ path: "/users", filter: "signInActivity/lastSignInDateTime le 2025-01-01T00:00:00Z" }])).toEqual([
      "AuditLog.Read.All",
      "User.Read.All",
    ]);
    expect(names([...SEED_READS, { path: "/users", select: "id,displayName,signInActivityNote" }])).not.toContain("AuditLog.Read.All");
    expect(names([...SEED_READS, { path: "/users", select: "id,mail" }])).not.toContain("AuditLog.Read.All");
  });

  it("says which read needs signInActivity's permission", () => {
    const plan = leastPermissions([{ path: "/users", select: "id, signInActivity" }]);
    expect(plan.permissions.find((p) => p.permission === "AuditLog.Read.All")?.reasons).toEqual(["signInActivity on /users"]);
  });

  it("asks only GroupMember.Read.All when members are read without the group collection", () => {
    expect(names([{ path: "/groups/0b1c/members" }])).toEqual(["GroupMember.Read.All"]);
  });

  it("gives the same answer whatever the order of the reads", () => {
    const reversed = [...SEED_READS].reverse();
    expect(leastPermissions(reversed)).toEqual(leastPermissions(SEED_READS));
  });

  it("lists a sampled endpoint with the seed that shares its permission, once", () => {
    const plan = leastPermissions([...SEED_READS, { path: "/users" }, { path: "/users?$top=5" }, { path: "/devices" }]);
    expect(plan.permissions.find((p) => p.permission === "User.Read.All")?.reasons).toEqual(["/users"]);
    expect(plan.permissions.find((p) => p.permission === "Device.Read.All")?.reasons).toEqual(["/devices"]);
  });

  it("reports paths it has no permission for instead of guessing", () => {
    const plan = leastPermissions([{ path: "/me" }, { path: "/users" }]);
    expect(plan.unknownPaths).toEqual(["/me"]);
    expect(plan.permissions.map((p) => p.permission)).toEqual(["User.Read.All"]);
  });
});
