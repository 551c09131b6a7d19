/**
 * Entra ID sign-in links to an account by the token's object id only: next-auth's own
 * callbacks (signIn, jwt) called with id_token profiles, as after a Microsoft sign-in.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../env";
import { applyMigrations } from "../db/migrate";
import { tenantMatches } from "./entra";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const OID = "0a1b2c3d-1111-2222-3333-444455556666";
const saved = { ...process.env };
let dir: string;
let ada: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "epb-entra-"));
  Object.assign(process.env, {
    DATA_DIR: dir,
    DATABASE_URL: `file:${path.join(dir, "app.db")}`,
    AUTH_ENTRA_ID_TENANT_ID: TENANT,
    AUTH_ENTRA_ID_CLIENT_ID: "app-id",
    AUTH_ENTRA_ID_CLIENT_SECRET: "s",
  });
  resetEnvForTests();
  applyMigrations(path.join(dir, "app.db"));
  const { db } = await import("../db");
  ada = (await db().user.create({ data: { email: "ada@example.com", name: "Ada", role: "member", entraObjectId: OID } })).id;
  // Someone whose address an attacker could put in their own tenant's email claim.
  await db().user.create({ data: { email: "admin@example.com", name: "Admin", role: "admin" } });
});
afterAll(() => {
  process.env = { ...saved };
  resetEnvForTests();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function callbacks() {
  const { authOptions } = await import("./options");
  return authOptions().callbacks!;
}

const account = { provider: "azure-ad", type: "oauth", providerAccountId: "x" } as never;

describe("Entra ID sign-in", () => {
  it("signs in the person whose object id the token carries, in the configured tenant", async () => {
    const cb = await callbacks();
    const profile = { oid: OID.toUpperCase(), tid: TENANT, email: "someone-else@example.com" } as never;
    expect(await cb.signIn!({ user: { id: "sub" }, account, profile } as never)).toBe(true);
    const token = await cb.jwt!({ token: {}, user: { id: "sub", email: "someone-else@example.com" }, account, profile } as never);
    expect(token).toMatchObject({ sub: ada, email: "ada@example.com", name: "Ada" });
  });

  it("never matches by the email claim: an unknown oid with an existing address is refused", async () => {
    const cb = await callbacks();
    const profile = { oid: "99999999-1111-2222-3333-444455556666", tid: TENANT, email: "admin@example.com", preferred_username: "admin@example.com" } as never;
    expect(await cb.signIn!({ user: { id: "sub", email: "admin@example.com" }, account, profile } as never)).toBe(false);
    await expect(cb.jwt!({ token: {}, user: { id: "sub", email: "admin@example.com" }, account, profile } as never)).rejects.toThrow();
  });

  it("refuses a known oid from another tenant, and a token without oid or tid", async () => {
    const cb = await callbacks();
    for (const profile of [
      { oid: OID, tid: "11111111-2222-3333-4444-555555555555" },
      { oid: OID },
      { tid: TENANT, email: "ada@example.com" },
      { oid: 42, tid: TENANT },
    ]) {
      expect(await cb.signIn!({ user: { id: "sub" }, account, profile } as never), JSON.stringify(profile)).toBe(false);
    }
  });

  it("password sign-in still finds the account by the id verifyCredentials returned", async () => {
    const cb = await callbacks();
    const creds = { provider: "credentials", type: "credentials", providerAccountId: ada } as never;
    expect(await cb.signIn!({ user: { id: ada }, account: creds } as never)).toBe(true);
    expect(await cb.jwt!({ token: {}, user: { id: ada, email: "ada@example.com" }, account: creds } as never)).toMatchObject({ sub: ada });
  });

  it("compares the tenant only when it is configured as a GUID (a domain name is held by the issuer check)", () => {
    expect(tenantMatches({ tid: TENANT }, TENANT.toUpperCase())).toBe(true);
    expect(tenantMatches({ tid: TENANT }, "11111111-2222-3333-4444-555555555555")).toBe(false);
    expect(tenantMatches({ tid: TENANT }, "contoso.onmicrosoft.com")).toBe(true);
    expect(tenantMatches({ tid: "contoso" }, "contoso")).toBe(false);
  });
});
