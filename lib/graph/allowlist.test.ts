import { describe, expect, it } from "vitest";
import { buildRequestUrl, createAllowlist } from "./allowlist";
import { CLOUDS } from "./clouds";

describe("allowlist", () => {
  const list = createAllowlist({ cloud: CLOUDS.global, extraAllowedHosts: ["graph-proxy.corp.example", "localhost:4000"], simulatorOrigins: ["http://127.0.0.1:5555"] });
  const ok = (u: string) => list.allows(new URL(u));

  it("allows the cloud's hosts over https, the simulator's origin and the extra hosts", () => {
    expect(ok("https://graph.microsoft.com/v1.0/users")).toBe(true);
    expect(ok("https://login.microsoftonline.com/t/oauth2/v2.0/token")).toBe(true);
    expect(ok("http://127.0.0.1:5555/graph/v1.0/users")).toBe(true);
    expect(ok("https://graph-proxy.corp.example/v1.0")).toBe(true);
    expect(ok("http://localhost:4000/x")).toBe(true);
  });

  it("refuses everything else", () => {
    expect(ok("http://graph.microsoft.com/v1.0/users")).toBe(false); // not https
    expect(ok("http://graph-proxy.corp.example/v1.0/users")).toBe(false); // an extra host, but a token must not go in clear text
    expect(ok("https://graph-proxy.corp.example/v1.0/users")).toBe(true);
    expect(ok("https://graph.microsoft.com:8443/v1.0")).toBe(false);
    expect(ok("https://graph.microsoft.us/v1.0")).toBe(false); // another cloud
    expect(ok("http://127.0.0.1:5556/")).toBe(false);
    expect(ok("https://graph-proxy.corp.example:444/")).toBe(false);
    expect(ok("http://localhost:4001/")).toBe(false);
    expect(ok("https://user:pw@graph.microsoft.com/v1.0")).toBe(false);
    expect(ok("https://graph.microsoft.com.evil.example/")).toBe(false);
    expect(ok("ftp://graph.microsoft.com/")).toBe(false);
    expect(() => list.assert(new URL("https://evil.example/"))).toThrow(expect.objectContaining({ code: "host_not_allowed", hint: expect.stringMatching(/EXTRA_ALLOWED_HOSTS/) }));
  });

  it("uses each cloud's own hosts", () => {
    const dod = createAllowlist({ cloud: CLOUDS.usGovL5 });
    expect(dod.allows(new URL("https://dod-graph.microsoft.us/v1.0"))).toBe(true);
    expect(dod.allows(new URL("https://login.microsoftonline.us/x"))).toBe(true);
    expect(dod.allows(new URL("https://graph.microsoft.com/v1.0"))).toBe(false);
    expect(CLOUDS.china.scope).toBe("https://microsoftgraph.chinacloudapi.cn/.default");
  });
});

describe("request paths", () => {
  const base = "https://graph.microsoft.com/v1.0";
  it("builds URLs under the base, keeping $ in query keys", () => {
    expect(buildRequestUrl(base, "/users", { $top: 999, $select: "id,displayName" }).href).toBe("https://graph.microsoft.com/v1.0/users?$top=999&$select=id,displayName");
    expect(buildRequestUrl(base, "groups/abc/members?$top=5").href).toBe("https://graph.microsoft.com/v1.0/groups/abc/members?$top=5");
    expect(buildRequestUrl(base, "/users", { $filter: "department eq 'Sales'" }).searchParams.get("$filter")).toBe("department eq 'Sales'");
    expect(buildRequestUrl(base, "/users/ann@contoso.com").pathname).toBe("/v1.0/users/ann@contoso.com");
    expect(buildRequestUrl("http://127.0.0.1:9/api/sim/graph/v1.0/", "/users").href).toBe("http://127.0.0.1:9/api/sim/graph/v1.0/users");
  });

  it("rejects URLs, traversal, encoded slashes and userinfo tricks", () => {
    const bad = [
      "https://evil.example/users", "http:/evil", "//evil.example/users", "javascript:alert(1)",
      "/users/../../admin", "/users/%2e%2e/x", "/..", "/users%2F..%2Fx", "/users%5cx", "/users\\x",
      "/users#frag", "", "   ", "/users/\u0000", "/us ers", "/%zz",
    ];
    for (const p of bad) expect(() => buildRequestUrl(base, p), p).toThrow(expect.objectContaining({ code: "invalid_path" }));
    // "@" is a character of a path (a UPN), never userinfo: the host stays Graph's.
    expect(buildRequestUrl(base, "@evil.example/x").host).toBe("graph.microsoft.com");
  });
});
