import { describe, expect, it } from "vitest";
import { decodeGuid, guidFor, KIND_CODES } from "../random";
import { genContext } from "./context";
import { directMemberAt, directMemberCount, groupShape } from "./groups";
import { COLLECTIONS, demoRecords, locateId } from "./index";

describe("demo tenant data", () => {
  it("is a pure function of (seed, index)", () => {
    const a = [...demoRecords("users", 50, 7)];
    const b = [...demoRecords("users", 50, 7)];
    const c = [...demoRecords("users", 50, 8)];
    expect(a).toEqual(b);
    expect(a[3]).not.toEqual(c[3]);
    // Record 10 does not depend on how many are generated.
    expect([...demoRecords("users", 11, 7)][10]).toEqual([...demoRecords("users", 300, 7)][10]);
  });

  it("yields lazily: a generator, not an array", () => {
    const it = demoRecords("users", 300_000)[Symbol.iterator]();
    expect(Array.isArray(it)).toBe(false);
    expect(it.next().value).toHaveProperty("userPrincipalName");
  });

  it("encodes kind and index in ids, and refuses foreign ids", () => {
    for (const i of [0, 1, 999, 299_999, 2 ** 30]) {
      const id = guidFor(42, KIND_CODES.groups, i);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(decodeGuid(42, id)).toEqual({ kind: KIND_CODES.groups, index: i });
    }
    expect(decodeGuid(42, "00000000-0000-0000-0000-000000000000")).toBeNull();
    expect(decodeGuid(42, "not-a-guid")).toBeNull();
    expect(locateId(genContext(42), guidFor(43, KIND_CODES.users, 1))).toBeNull();
  });

  it("gives unique ids and UPNs, members and guests, disabled and incomplete users", () => {
    const users = [...demoRecords("users", 5000)];
    expect(new Set(users.map((u) => u.id)).size).toBe(5000);
    expect(new Set(users.map((u) => u.userPrincipalName)).size).toBe(5000);
    const guests = users.filter((u) => u.userType === "Guest");
    expect(guests.length).toBeGreaterThan(300);
    expect(String(guests[0]!.userPrincipalName)).toMatch(/#EXT#@contosodemo\.onmicrosoft\.com$/);
    expect(users.some((u) => u.accountEnabled === false)).toBe(true);
    expect(users.some((u) => u.mail === null)).toBe(true);
    expect(users.some((u) => u.displayName === null)).toBe(true);
    expect(new Set(users.map((u) => u.department)).size).toBeGreaterThan(8);
    expect(users[0]).toHaveProperty("signInActivity.lastSignInDateTime");
  });

  it("has groups of every kind, big and nested", () => {
    const ctx = genContext(undefined, {});
    const groups = [...demoRecords("groups", 180)];
    const types = (g: Record<string, unknown>) => g.groupTypes as string[];
    expect(groups.some((g) => types(g).includes("Unified"))).toBe(true);
    expect(groups.some((g) => types(g).includes("DynamicMembership") && g.membershipRule)).toBe(true);
    expect(groups.some((g) => (g.resourceProvisioningOptions as string[]).includes("Team"))).toBe(true);
    expect(groups.some((g) => types(g).length === 0 && g.mailEnabled === true && g.securityEnabled === false)).toBe(true); // distribution
    expect(groups.some((g) => types(g).length === 0 && g.mailEnabled === true && g.securityEnabled === true)).toBe(true); // mail-enabled security
    expect(groups.some((g) => types(g).length === 0 && g.mailEnabled === false && g.securityEnabled === true)).toBe(true); // security
    const shapes = groups.map((_, g) => groupShape(ctx, g));
    expect(shapes.filter((s) => directMemberCount(s) > 20).length).toBeGreaterThan(30);
    expect(shapes.filter((s) => directMemberCount(s) > 1000).length).toBeGreaterThanOrEqual(2);
    expect(shapes.some((s) => s.nestedGroups.length > 0)).toBe(true);
    // Members of a group are distinct.
    const s = shapes[5]!;
    const ids = Array.from({ length: directMemberCount(s) }, (_, k) => JSON.stringify(directMemberAt(ctx, s, k)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has apps with secrets and certificates (some expired) and all kinds of service principals", () => {
    const apps = [...demoRecords("applications", 120)];
    const creds = apps.flatMap((a) => a.passwordCredentials as Array<Record<string, unknown>>);
    expect(creds.every((c) => c.secretText === null)).toBe(true);
    expect(creds.some((c) => String(c.endDateTime) < "2025-06-01")).toBe(true);
    expect(apps.some((a) => (a.keyCredentials as unknown[]).length > 0)).toBe(true);
    const sps = [...demoRecords("servicePrincipals", 300)];
    const kinds = new Set(sps.map((s) => s.servicePrincipalType));
    expect(kinds).toEqual(new Set(["Application", "ManagedIdentity"]));
    expect(sps.some((s) => s.publisherName === "Microsoft Services")).toBe(true);
    expect(sps.some((s) => s.appOwnerOrganizationId && s.publisherName !== "Microsoft Services" && s.publisherName !== "Contoso (demo)")).toBe(true);
  });

  it("lists every generated property as selectable, and every v1.0 property besides", () => {
    const user = [...demoRecords("users", 1)][0]!;
    const selectable = new Set(COLLECTIONS.users.properties);
    expect(Object.keys(user).filter((k) => !selectable.has(k))).toEqual([]);
    for (const p of ["streetAddress", "aboutMe", "employeeOrgData", "onPremisesExtensionAttributes"]) expect(selectable.has(p), p).toBe(true);
    const groups = new Set(COLLECTIONS.groups.properties);
    for (const p of ["uniqueName", "licenseProcessingState", "allowExternalSenders"]) expect(groups.has(p), p).toBe(true);
    // Selected-only group properties are not in the default set (lib/mapping/graph-defaults.ts).
    expect(COLLECTIONS.groups.defaultProperties).not.toContain("allowExternalSenders");
    expect(COLLECTIONS.groups.defaultProperties).toContain("displayName");
  });
});

describe("isoSeconds", () => {
  it("formats like Date#toISOString without milliseconds", async () => {
    const { isoSeconds } = await import("../random");
    for (let ms = Date.UTC(1999, 11, 31, 23, 59, 59); ms < Date.UTC(2031, 0, 1); ms += 86_400_000 * 37 + 3_723_456) {
      expect(isoSeconds(ms)).toBe(new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z"));
    }
  });
});
