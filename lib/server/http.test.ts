import { describe, expect, it } from "vitest";
import { z } from "zod";
import { crossSiteRefusal, readJson } from "./http";

const post = (headers: Record<string, string>, body = '{"name":"x"}') =>
  new Request("http://localhost:3000/api/projects", { method: "POST", headers: { host: "localhost:3000", ...headers }, body });

describe("crossSiteRefusal", () => {
  it("lets same-origin browsers and non-browser clients through", () => {
    expect(crossSiteRefusal(post({ "sec-fetch-site": "same-origin", origin: "http://localhost:3000" }))).toBeNull();
    expect(crossSiteRefusal(post({}))).toBeNull();
    expect(crossSiteRefusal(new Request("http://localhost:3000/api/projects", { headers: { "sec-fetch-site": "cross-site" } }))).toBeNull();
  });

  it.each([
    [{ "sec-fetch-site": "cross-site" }],
    [{ "sec-fetch-site": "same-site", origin: "http://localhost:8080" }],
    [{ origin: "http://localhost:8080" }],
    [{ origin: "null" }],
  ])("refuses a state change from another site: %o", async (headers) => {
    const response = crossSiteRefusal(post(headers));
    expect(response?.status).toBe(403);
    expect((await response!.json()).error.code).toBe("cross_site_request");
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

  it("says which field is wrong", async () => {
    await expect(readJson(post({ "content-type": "application/json" }, '{"name":""}'), schema)).rejects.toMatchObject({
      code: "invalid_request",
      status: 400,
      message: "name: Enter a name",
    });
    await expect(readJson(post({ "content-type": "application/json" }, "{nope"), schema)).rejects.toMatchObject({ code: "invalid_json" });
  });
});
