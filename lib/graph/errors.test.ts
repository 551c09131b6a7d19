import { describe, expect, it } from "vitest";
import { CLOUDS } from "./clouds";
import { explainGraphError, explainTokenError, requiredPermission, type GraphResponse } from "./errors";

const ctx = { cloud: CLOUDS.global, tenantId: "contoso-demo", clientId: "demo-client" };
const response = (status: number, code: string, message: string): GraphResponse => ({
  url: "https://graph.microsoft.com/v1.0/x", status, headers: {}, requestId: "req-1",
  body: { error: { code, message, innerError: { "request-id": "req-1" } } },
  timing: { startedAt: 0, durationMs: 1, attempts: 1, waitedMs: 0 },
});

describe("explainGraphError", () => {
  it("names the missing permission and the consent link", () => {
    const e = explainGraphError(response(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."), "/groups", ctx);
    expect(e).toMatchObject({ code: "Authorization_RequestDenied", status: 403, requestId: "req-1" });
    expect(e.hint).toContain("Group.Read.All");
    expect(e.hint).toContain("https://login.microsoftonline.com/contoso-demo/adminconsent?client_id=demo-client");
    expect(explainGraphError(response(403, "Authorization_RequestDenied", ""), "/groups/1/members", ctx).hint).toContain("GroupMember.Read.All");
    expect(requiredPermission("/servicePrincipals?$top=1")?.permission).toBe("Application.Read.All");
  });

  it("explains signInActivity's licence and permission", () => {
    expect(explainGraphError(response(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Neither tenant is B2C or tenant doesn't have premium license"), "/users", ctx).hint).toMatch(/P1 or P2 licence/);
    expect(explainGraphError(response(403, "Authentication_MSGraphPermissionMissing", "Calling principal does not have required MSGraph permissions AuditLog.Read.All"), "/users", ctx).hint).toMatch(/AuditLog\.Read\.All/);
  });

  it("explains query errors", () => {
    const adv = explainGraphError(response(400, "Request_UnsupportedQuery", "Operator 'ne' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header."), "/users", ctx);
    expect(adv.hint).toMatch(/ConsistencyLevel: eventual.*\$count=true/);
    expect(explainGraphError(response(400, "Request_UnsupportedQuery", "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'"), "/users", ctx).hint).toMatch(/ConsistencyLevel/);
    expect(explainGraphError(response(400, "Request_UnsupportedQuery", "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive."), "/users", ctx).hint).toMatch(/between 1 and 999/);
    expect(explainGraphError(response(400, "BadRequest", "Could not find a property named 'x' on type 'microsoft.graph.user'."), "/users", ctx).hint).toMatch(/property names/);
    expect(explainGraphError(response(404, "Request_ResourceNotFound", "Resource 'x' does not exist"), "/users/x", ctx).hint).toMatch(/id/);
  });

  it("says a static token expired in the person's words", () => {
    const e = explainGraphError(response(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid."), "/users", { ...ctx, staticToken: true });
    expect(e.code).toBe("token_expired");
    expect(e.message).toBe("The token has expired, paste a new one or use client credentials.");
  });

  it("survives a body that is not Graph's envelope", () => {
    const e = explainGraphError({ ...response(502, "", ""), body: "<html>bad gateway</html>" }, "/users", ctx);
    expect(e).toMatchObject({ code: "http_502", status: 502 });
  });
});

describe("explainTokenError", () => {
  const aad = (status: number, error: string, code: number) => ({
    error, error_description: `AADSTS${code}: Something. Trace ID: t Correlation ID: c Timestamp: 2025`, error_codes: [code], trace_id: "trace-1",
  });
  it.each([
    [401, "invalid_client", 7000215, /secret's ID, not its value/],
    [401, "invalid_client", 7000222, /expired/],
    [400, "invalid_tenant", 90002, /Tenant 'contoso-demo' was not found in the Global/],
    [400, "unauthorized_client", 700016, /No application with client ID 'demo-client'/],
    [400, "invalid_scope", 70011, /https:\/\/graph\.microsoft\.com\/\.default/],
  ])("HTTP %i %s AADSTS%i", (status, error, code, hint) => {
    const e = explainTokenError(status, aad(status, error, code), ctx);
    expect(e).toMatchObject({ code: error, aadsts: code, status, requestId: "trace-1", message: "AADSTS" + code + ": Something." });
    expect(e.hint).toMatch(hint);
  });

  it("handles a non-OAuth answer", () => {
    expect(explainTokenError(500, "<html>", ctx)).toMatchObject({ code: "token_request_failed", status: 502 });
  });
});
