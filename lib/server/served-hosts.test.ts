import { describe, expect, it } from "vitest";
import { parseHost, servedHosts } from "./served-hosts";

const defaults = { HOST: "127.0.0.1", NEXTAUTH_URL: "http://localhost:3000", SERVED_HOSTS: [] as string[] };

describe("parseHost", () => {
  it.each([
    ["localhost:3000", { hostname: "localhost", port: "3000" }],
    ["LOCALHOST.", { hostname: "localhost" }],
    ["[::1]:3000", { hostname: "[::1]", port: "3000" }],
    ["builder.example.com", { hostname: "builder.example.com" }],
  ])("%s", (value, expected) => expect(parseHost(value)).toEqual(expected));

  it.each(["", "attacker.example@localhost", "localhost:3000/x", "local host", "http://localhost", "[bad", ":3000", "."])("refuses %j", (value) => {
    expect(parseHost(value)).toBeNull();
  });
});

describe("servedHosts", () => {
  it("on a loopback bind: NEXTAUTH_URL's host and loopback names, on any port; nothing else", () => {
    const hosts = servedHosts(defaults);
    for (const ok of ["localhost:3000", "localhost:3100", "127.0.0.1:3000", "[::1]:3000", "Localhost"]) expect(hosts.allows(ok), ok).toBe(true);
    for (const bad of ["attacker.example:3000", "attacker.example", "localhost.attacker.example:3000", "127.0.0.2:3000", "", null, undefined, "[bad"]) {
      expect(hosts.allows(bad), String(bad)).toBe(false);
    }
  });

  it("on a wildcard bind: NEXTAUTH_URL's host, loopback names and SERVED_HOSTS", () => {
    const hosts = servedHosts({ HOST: "0.0.0.0", NEXTAUTH_URL: "https://builder.example.com", SERVED_HOSTS: ["10.0.0.5:8443", "builder"] });
    for (const ok of ["builder.example.com", "builder.example.com:443", "localhost:3000", "10.0.0.5:8443", "builder:3000"]) expect(hosts.allows(ok), ok).toBe(true);
    for (const bad of ["10.0.0.5:3000", "10.0.0.5", "attacker.example"]) expect(hosts.allows(bad), bad).toBe(false);
    expect(hosts.names).toEqual(["builder.example.com", "localhost", "127.0.0.1", "[::1]", "10.0.0.5:8443", "builder"]);
  });

  it("on one named interface: that name, not loopback", () => {
    const hosts = servedHosts({ HOST: "192.168.1.20", NEXTAUTH_URL: undefined, SERVED_HOSTS: [] });
    expect(hosts.allows("192.168.1.20:3000")).toBe(true);
    expect(hosts.allows("localhost:3000")).toBe(false);
    expect(servedHosts({ HOST: "::1", NEXTAUTH_URL: undefined, SERVED_HOSTS: [] }).allows("[::1]:3000")).toBe(true);
  });
});
