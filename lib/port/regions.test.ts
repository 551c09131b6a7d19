import { describe, expect, it } from "vitest";
import { PortError } from "./errors";
import { isAllowedPortBaseUrl, resolvePortBaseUrl } from "./regions";

describe("Port base URL allowlist", () => {
  it("allows the EU and US regions and their legacy hosts", () => {
    for (const url of ["https://api.port.io", "https://api.getport.io", "https://api.us.port.io", "https://api.us.getport.io/"]) {
      expect(isAllowedPortBaseUrl(url), url).toBe(true);
    }
  });

  it("refuses other hosts, plain http, paths, credentials and lookalikes", () => {
    for (const url of [
      "http://api.port.io",
      "https://api.port.io.evil.com",
      "https://evil.com/api.port.io",
      "https://api.port.io/v1",
      "https://user:pw@api.port.io",
      "https://api.port.io?x=1",
      "not a url",
      "http://127.0.0.1:3000/other",
    ]) {
      expect(isAllowedPortBaseUrl(url), url).toBe(false);
    }
  });

  it("allows the loopback demo Port unless simulators are off", () => {
    expect(isAllowedPortBaseUrl("http://127.0.0.1:3000/api/sim/port")).toBe(true);
    expect(isAllowedPortBaseUrl("http://localhost:3000/api/sim/port/")).toBe(true);
    expect(isAllowedPortBaseUrl("http://10.0.0.5:3000/api/sim/port")).toBe(false);
    expect(isAllowedPortBaseUrl("http://127.0.0.1:3000/api/sim/port", { allowDemoPort: false })).toBe(false);
  });

  it("allows hosts from EXTRA_ALLOWED_HOSTS, with or without a port", () => {
    expect(isAllowedPortBaseUrl("https://port.internal:8443", { extraAllowedHosts: ["port.internal:8443"] })).toBe(true);
    expect(isAllowedPortBaseUrl("https://port.internal", { extraAllowedHosts: ["port.internal"] })).toBe(true);
    expect(isAllowedPortBaseUrl("https://port.internal:9999", { extraAllowedHosts: ["port.internal:8443"] })).toBe(false);
    expect(isAllowedPortBaseUrl("https://port.internal:9999", { extraAllowedHosts: ["port.internal"] })).toBe(false);
    expect(isAllowedPortBaseUrl("http://port.internal", { extraAllowedHosts: ["port.internal"] })).toBe(false);
    expect(isAllowedPortBaseUrl("http://localhost:8080", { extraAllowedHosts: ["localhost:8080"] })).toBe(true);
  });

  it("refuses private, link-local and metadata addresses even when EXTRA_ALLOWED_HOSTS lists them", () => {
    for (const [url, why] of [
      ["https://169.254.169.254", /cloud metadata address \(169\.254\.169\.254\)/],
      ["https://10.1.2.3:8443", /private address \(10\.0\.0\.0\/8\)/],
      ["https://[fd00:ec2::254]", /fd00:ec2::254/],
      ["https://metadata.google.internal", /metadata host name/],
    ] as const) {
      const host = new URL(url).host;
      expect(() => resolvePortBaseUrl({ baseUrl: url }, { extraAllowedHosts: [host] }), url).toThrow(why);
    }
  });

  it("resolves a region and explains a refused URL", () => {
    expect(resolvePortBaseUrl({ region: "us" })).toBe("https://api.us.port.io");
    expect(resolvePortBaseUrl({ baseUrl: "HTTPS://API.PORT.IO/" })).toBe("https://api.port.io");
    expect(() => resolvePortBaseUrl({ baseUrl: "https://example.com" })).toThrow(PortError);
    try {
      resolvePortBaseUrl({ baseUrl: "https://example.com" });
    } catch (error) {
      expect((error as PortError).code).toBe("port_host_not_allowed");
      expect((error as PortError).hint).toMatch(/EXTRA_ALLOWED_HOSTS/);
    }
  });
});
