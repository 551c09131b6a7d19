import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../env";
import { authOptions } from "./options";

const saved = { ...process.env };
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "epb-auth-"));
  process.env.DATA_DIR = dir;
  resetEnvForTests();
});
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("next-auth options", () => {
  it("offers email + password only, with sessions that expire after SESSION_MAX_AGE_HOURS", () => {
    process.env.SESSION_MAX_AGE_HOURS = "2";
    const options = authOptions();
    expect(options.providers.map((p) => p.id)).toEqual(["credentials"]);
    expect(options.session).toEqual({ strategy: "jwt", maxAge: 7200 });
    expect(options.pages?.signIn).toBe("/signin");
  });

  it("adds Microsoft Entra ID sign-in when the three AUTH_ENTRA_ID_* variables are set", () => {
    Object.assign(process.env, { AUTH_ENTRA_ID_TENANT_ID: "contoso.onmicrosoft.com", AUTH_ENTRA_ID_CLIENT_ID: "app-id", AUTH_ENTRA_ID_CLIENT_SECRET: "s" });
    const ids = authOptions().providers.map((p) => p.id);
    expect(ids).toEqual(["credentials", "azure-ad"]);
  });

  it("redirects after sign-in only to paths on this site", async () => {
    const redirect = authOptions().callbacks!.redirect!;
    const baseUrl = "http://localhost:3000";
    const to = (url: string) => redirect({ url, baseUrl });
    expect(await to("/projects/abc?tab=1")).toBe("http://localhost:3000/projects/abc?tab=1");
    expect(await to("http://localhost:3000/demo-catalog")).toBe("http://localhost:3000/demo-catalog");
    for (const away of ["/..//evil.com", "/./\\evil.com", "//evil.com", "https://evil.com/", "http://localhost:3000.evil.com/x"]) {
      expect(await to(away), away).toBe("http://localhost:3000/");
    }
  });
});
