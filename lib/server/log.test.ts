import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { redactedPaths } from "./log";

describe("log redaction", () => {
  it("never writes tokens, secrets or Authorization headers", () => {
    let out = "";
    const sink = new Writable({
      write(chunk, _enc, done) {
        out += String(chunk);
        done();
      },
    });
    const log = pino({ redact: { paths: redactedPaths, censor: "[redacted]" } }, sink);
    log.info(
      {
        clientSecret: "cs-value",
        request: { headers: { authorization: "Bearer eyJ-token" }, client_secret: "form-secret" },
        token: "tok-value",
        connection: { accessToken: "at-value", password: "pw-value" },
        err: { cause: { headers: { Authorization: "Bearer deep-token" } } },
      },
      "calling graph",
    );
    for (const leaked of ["cs-value", "eyJ-token", "form-secret", "tok-value", "at-value", "pw-value", "deep-token"]) expect(out).not.toContain(leaked);
    expect(out).toContain("[redacted]");
    expect(out).toContain("calling graph");
  });
});
