import { describe, expect, it } from "vitest";
import { z } from "zod";
import { crossSiteRefusal, readJson } from "./http";
import { malformedOriginRefusal, malformedPathRefusal } from "./request-checks";
import { servedHosts } from "./served-hosts";

const hosts = servedHosts({ HOST: "127.0.0.1", NEXTAUTH_URL: "http://localhost:3000", SERVED_HOSTS: [] });
const post = (headers: Record<string, string>, body = '{"name":"x"}') =>
  new Request("http://localhost:3000/api/projects", { method: "POST", headers: { host: "localhost:3000", ...headers }, body });
const refusal = (request: Request) => crossSiteRefusal(request, hosts);

describe("crossSiteRefusal", () => {
  it("lets same-origin browsers and non-browser clients through", () => {
    expect(refusal(post({ "sec-fetch-site": "same-origin", origin: "http://localhost:3000" }))).toBeNull();
    expect(refusal(post({}))).toBeNull();
    expect(refusal(post({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }))).toBeNull();
    expect(refusal(new Request("http://localhost:3000/api/projects", { headers: { "sec-fetch-site": "cross-site" } }))).toBeNull();
  });

  it.each([
    [{ "sec-fetch-site": "cross-site" }],
    [{ "sec-fetch-site": "same-site", origin: "http://localhost:8080" }],
    [{ origin: "http://localhost:8080" }],
    [{ origin: "null" }],
    // Malformed origins are another site, not a 500.
    [{ origin: "http://[bad" }],
    [{ origin: "not a url" }],
    [{ origin: "file:///etc" }],
  ])("refuses a state change from another site: %o", async (headers) => {
    const response = refusal(post(headers));
    expect(response?.status).toBe(403);
    expect((await response!.json()).error.code).toBe("cross_site_request");
  });

  it("refuses a state change addressed to a host name it does not serve (DNS rebinding), even with a matching Origin", async () => {
    for (const host of ["attacker.example:3000", "attacker.example", "localhost.attacker.example:3000"]) {
      const response = refusal(post({ host, origin: `http://${host}`, "sec-fetch-site": "same-origin" }));
      expect(response?.status, host).toBe(403);
      const body = await response!.json();
      expect(body.error.code).toBe("host_not_served");
      expect(body.error.hint).toMatch(/SERVED_HOSTS/);
    }
  });
});

describe("malformedPathRefusal", () => {
  it("answers 400 for broken percent-encoding and passes a decodable path", async () => {
    const response = malformedPathRefusal("/api/auth/%E0%A4%A");
    expect(response?.status).toBe(400);
    expect((await response!.json()).error.code).toBe("malformed_path");
    expect(malformedPathRefusal("/api/auth/%E0%A4%A4")).toBeNull();
    expect(malformedPathRefusal("/projects/%25")).toBeNull();
  });
});

describe("readJson", () => {
  const schema = z.object({ name: z.string().min(1, "Enter a name") });

  it("reads a JSON body", async () => {
    expect(await readJson(post({ "content-type": "application/json; charset=utf-8" }), schema)).toEqual({ name: "x" });
  });

  it("refuses a text/plain body even when it parses as JSON (a cross-site form can send one)", async () => {
    await expect(readJson(post({ "content-type": "text/plain" }), schema)).rejects.toMatchObject({ code: "unsupported_media_type", status: 415 });
  });

  it("reads no more than maxBytes when asked (413), declared length or not", async () => {
    const big = JSON.stringify({ name: "x".repeat(20_000) });
    await expect(readJson(post({ "content-type": "application/json" }, big), schema, { maxBytes: 1024 })).rejects.toMatchObject({ code: "request_too_large", status: 413 });
    const streamed = new Request("http://localhost:3000/api/setup", {
      method: "POST",
      headers: { host: "localhost:3000", "content-type": "application/json" },
      body: new Blob([big]).stream(),
      duplex: "half",
    } as RequestInit);
    await expect(readJson(streamed, schema, { maxBytes: 1024 })).rejects.toMatchObject({ status: 413 });
    expect(await readJson(post({ "content-type": "application/json" }), schema, { maxBytes: 1024 })).toEqual({ name: "x" });
  });

  it("says which field is wrong", async () => {
    await expect(readJson(post({ "content-type": "application/json" }, '{"name":""}'), schema)).rejects.toMatchObject({
      code: "invalid_request",
      status: 400,
      message: "name: Enter a name",
    });
    await expect(readJson(post({ "content-type": "application/json" }, "{nope"), schema)).rejects.toMatchObject({ code: "invalid_json" });
  });
});

describe("malformedOriginRefusal", () => {
  it("answers 400 for an Origin that is no origin, on any method; leaves real ones alone", async () => {
    const get = (origin: string) => new Request("http://localhost:3000/api/projects", { headers: { origin } });
    const response = malformedOriginRefusal(get("http://[bad"));
    expect(response?.status).toBe(400);
    expect((await response!.json()).error.code).toBe("malformed_origin");
    expect(malformedOriginRefusal(get("null"))).toBeNull();
    expect(malformedOriginRefusal(get("http://localhost:8080"))).toBeNull();
    expect(malformedOriginRefusal(new Request("http://localhost:3000/"))).toBeNull();
  });
});
