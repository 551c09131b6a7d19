import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { testGraphConnection, testPortConnection } from "./connection-checks";
import { getConnections, saveGraphConnection, savePortConnection } from "./connections";
import { graphConnectionInput } from "./contracts";
import { createBuilderTestbed, type BuilderTestbed } from "./testing";

let bed: BuilderTestbed;
beforeAll(async () => {
  bed = await createBuilderTestbed();
});
afterAll(() => bed.close());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "no error";
  } catch (e) {
    return isAppError(e) ? e.code : `not an AppError: ${String(e)}`;
  }
}

/** A JWT-shaped token whose payload says `exp` (Graph would verify it; the builder only reads it). */
function jwt(payload: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "none" })}.${part(payload)}.c2ln`;
}

describe("connections", () => {
  it("keeps secrets write-only: stored encrypted, answered as 'set', a blank field keeps the stored value", async () => {
    const id = await bed.project();
    const secret = "s3cr3t-VALUE-abc~123";
    const saved = await saveGraphConnection(bed.deps, bed.alice, id, {
      mode: "client_credentials", cloud: "global", tenantId: "contoso.onmicrosoft.com", clientId: "11111111-2222-3333-4444-555555555555", clientSecret: secret,
    });
    expect(saved.clientSecret).toBe("set");
    expect(JSON.stringify(saved)).not.toContain(secret);
    const row = await bed.t.db.graphConnection.findUniqueOrThrow({ where: { projectId: id } });
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.secretCipher).toMatch(/^v1:/);

    // Change the tenant without retyping the secret: the cipher is kept.
    const again = await saveGraphConnection(bed.deps, bed.alice, id, {
      mode: "client_credentials", cloud: "usGovL4", tenantId: "fabrikam.onmicrosoft.us", clientId: "11111111-2222-3333-4444-555555555555", clientSecret: "  ",
    });
    expect(again).toMatchObject({ cloud: "usGovL4", tenantId: "fabrikam.onmicrosoft.us", clientSecret: "set" });
    expect((await bed.t.db.graphConnection.findUniqueOrThrow({ where: { projectId: id } })).secretCipher).toBe(row.secretCipher);
    const view = await getConnections(bed.deps, bed.alice, id);
    expect(JSON.stringify(view)).not.toContain(secret);
  });

  it("refuses client credentials without any stored secret, naming the field", async () => {
    const id = await bed.project();
    const error = await saveGraphConnection(bed.deps, bed.alice, id, {
      mode: "client_credentials", cloud: "global", tenantId: "contoso.onmicrosoft.com", clientId: "abc",
    }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("secret_required");
    expect(isAppError(error) && error.location?.path).toBe("clientSecret");
  });

  it("reads a pasted token's expiry from its exp claim, and strips a 'Bearer ' prefix", async () => {
    const id = await bed.project();
    const exp = Math.floor(Date.UTC(2030, 0, 2, 3, 4, 5) / 1000);
    const view = await saveGraphConnection(bed.deps, bed.alice, id, { mode: "token", cloud: "global", token: `Bearer ${jwt({ exp })}` });
    expect(view).toMatchObject({ mode: "token", token: "set", tokenExpiresAt: "2030-01-02T03:04:05.000Z" });
    const opaque = await saveGraphConnection(bed.deps, bed.alice, id, { mode: "token", cloud: "global", token: "not-a-jwt" });
    expect(opaque.tokenExpiresAt).toBeNull();
  });

  it("validates the form at the boundary with messages a person can act on", () => {
    const bad = graphConnectionInput.safeParse({ mode: "client_credentials", cloud: "global", tenantId: "https://evil.example/x", clientId: "a" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["tenantId"]);
    expect(bad.error?.issues[0]?.message).toMatch(/GUID or its domain/);
    expect(graphConnectionInput.safeParse({ mode: "demo", clientId: "someone-else" }).success).toBe(false);
  });

  it("answers another user's project as not found, for reads and writes", async () => {
    const id = await bed.project();
    await saveGraphConnection(bed.deps, bed.alice, id, { mode: "demo", clientId: "demo-client" });
    expect(await codeOf(getConnections(bed.deps, bed.bob, id))).toBe("project_not_found");
    expect(await codeOf(saveGraphConnection(bed.deps, bed.bob, id, { mode: "demo", clientId: "demo-client-limited" }))).toBe("project_not_found");
    expect(await codeOf(testGraphConnection(bed.deps, bed.bob, id))).toBe("project_not_found");
    expect((await getConnections(bed.deps, bed.alice, id)).graph?.clientId).toBe("demo-client");
  });

  it("refuses the demo modes when the simulators are off", async () => {
    const id = await bed.project();
    const off = { ...bed.deps, demo: null };
    expect(await codeOf(saveGraphConnection(off, bed.alice, id, { mode: "demo", clientId: "demo-client" }))).toBe("demo_unavailable");
    expect(await codeOf(savePortConnection(off, bed.alice, id, { mode: "demo" }))).toBe("demo_unavailable");
  });
});

describe("test connection (demo tenant and demo Port over HTTP)", () => {
  it("is all green for the demo tenant with every permission", async () => {
    const id = await bed.project();
    await saveGraphConnection(bed.deps, bed.alice, id, { mode: "demo", clientId: "demo-client" });
    const result = await testGraphConnection(bed.deps, bed.alice, id);
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ["token", "ok"], ["/users", "ok"], ["/groups", "ok"], ["/applications", "ok"], ["/servicePrincipals", "ok"],
    ]);
    expect(result.ok).toBe(true);
  });

  it("names Group.Read.All and links admin consent for the app without it", async () => {
    const id = await bed.project();
    await saveGraphConnection(bed.deps, bed.alice, id, { mode: "demo", clientId: "demo-client-limited" });
    const result = await testGraphConnection(bed.deps, bed.alice, id);
    expect(result.ok).toBe(false);
    const groups = result.checks.find((c) => c.id === "/groups")!;
    expect(groups.status).toBe("failed");
    expect(groups.hint).toMatch(/Group\.Read\.All/);
    expect(groups.link).toBe("https://login.microsoftonline.com/contoso-demo/adminconsent?client_id=demo-client-limited");
    expect(result.checks.find((c) => c.id === "/users")!.status).toBe("ok");
  });

  it("stops after a collection cannot be reached, instead of waiting on each one", async () => {
    const id = await bed.project();
    await saveGraphConnection(bed.deps, bed.alice, id, { mode: "demo", clientId: "demo-client" });
    bed.graph.faults.add({ path: "/users", fault: { type: "drop" }, times: 10 });
    try {
      const result = await testGraphConnection(bed.deps, bed.alice, id);
      expect(result.checks.map((c) => [c.id, c.status, c.code ?? null])).toEqual([
        ["token", "ok", null], ["/users", "failed", "network_error"], ["/groups", "skipped", null], ["/applications", "skipped", null], ["/servicePrincipals", "skipped", null],
      ]);
      expect(result.checks[2]!.detail).toBe(`Not tried: ${new URL(bed.origin).host} could not be reached.`);
      // Two attempts (one retry), not the sync's six.
      expect(bed.graph.faults.injected).toBe(2);
    } finally {
      bed.graph.faults.clear();
    }
  });

  it("checks the demo Port: token, then blueprints readable", async () => {
    const id = await bed.project();
    await savePortConnection(bed.deps, bed.alice, id, { mode: "demo" });
    const result = await testPortConnection(bed.deps, bed.alice, id);
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([["token", "ok"], ["blueprints", "ok"]]);
  });

  it("says which connection is missing", async () => {
    const id = await bed.project();
    expect(await codeOf(testGraphConnection(bed.deps, bed.alice, id))).toBe("graph_not_connected");
    expect(await codeOf(testPortConnection(bed.deps, bed.alice, id))).toBe("port_not_connected");
  });
});
