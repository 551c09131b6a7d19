import { describe, expect, it } from "vitest";
import { redactLogLine } from "./log";
import { captureLog } from "./log-capture";

const capture = () => captureLog("info");

describe("log redaction", () => {
  it("never writes tokens, secrets or Authorization headers, at any depth", () => {
    const { log, text } = capture();
    log.info(
      {
        clientSecret: "cs-value",
        request: { headers: { authorization: "Bearer eyJ-token", Cookie: "next-auth.session-token=ck" }, client_secret: "form-secret" },
        token: "tok-value",
        connection: { accessToken: "at-value", password: "pw-value", apiKey: "ak-value", ENCRYPTION_KEY: "ek-value" },
        oauth: { id_token: "idt-value", refresh_token: "rt-value", client_assertion: "assert-value" },
        a: { b: { c: { d: { e: { f: { portSecret: "six-deep" } } } } } },
        list: [{ nested: [{ sessionToken: "in-array" }] }],
        err: { cause: { headers: { Authorization: "Bearer deep-token" } } },
      },
      "calling graph",
    );
    const out = text();
    for (const leaked of [
      "cs-value", "eyJ-token", "next-auth.session-token=ck", "form-secret", "tok-value", "at-value", "pw-value", "ak-value",
      "ek-value", "idt-value", "rt-value", "assert-value", "six-deep", "in-array", "deep-token",
    ]) {
      expect(out).not.toContain(leaked);
    }
    const line = JSON.parse(out);
    expect(line.oauth).toEqual({ id_token: "[redacted]", refresh_token: "[redacted]", client_assertion: "[redacted]" });
    expect(line.a.b.c.d.e.f).toEqual({ portSecret: "[redacted]" });
    expect(line.msg).toBe("calling graph");
  });

  it("redacts inside a thrown error's own properties and causes", () => {
    const { log, text } = capture();
    const cause = Object.assign(new Error("token endpoint said no"), { response: { body: { refresh_token: "rt-in-cause" } } });
    const error = Object.assign(new Error("Graph call failed", { cause }), { config: { headers: { authorization: "Bearer in-error" } } });
    log.error({ err: error }, "sync failed");
    const out = text();
    expect(out).not.toContain("rt-in-cause");
    expect(out).not.toContain("Bearer in-error");
    expect(out).toContain("Graph call failed");
  });

  it("keeps ordinary fields as they are", () => {
    const { log, text } = capture();
    log.info({ projectId: "p1", users: 5, nested: { name: "Ada" } }, "synced");
    expect(JSON.parse(text())).toMatchObject({ projectId: "p1", users: 5, nested: { name: "Ada" }, msg: "synced", app: "entra-port-builder" });
  });

  it("leaves a line that is not JSON alone", () => {
    expect(redactLogLine("not json token\n")).toBe("not json token\n");
  });
});
