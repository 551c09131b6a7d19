import { describe, expect, it } from "vitest";
import { AppError, isAppError, toErrorShape } from "./errors";

describe("isAppError", () => {
  it("knows an AppError made by another copy of this module (Next bundles instrumentation apart)", () => {
    // What a second bundle's class looks like: same shape, another constructor.
    class OtherCopyAppError extends Error {
      readonly code = "sync_already_running";
      readonly hint = "Wait for it to end.";
      readonly location = undefined;
      readonly status = 409;
    }
    const foreign = new OtherCopyAppError("A sync is already running.");
    expect(isAppError(foreign)).toBe(true);
    expect(toErrorShape(foreign)).toMatchObject({ code: "sync_already_running", message: "A sync is already running." });
    expect(isAppError(new AppError("x", "y", { status: 400 }))).toBe(true);
  });

  it("does not take Node's system errors (a code, no status) or plain objects for one", () => {
    const enoent = Object.assign(new Error("no such file"), { code: "ENOENT", errno: -2 });
    expect(isAppError(enoent)).toBe(false);
    expect(isAppError({ code: "x", status: 400, hint: "", location: undefined })).toBe(false);
    expect(isAppError(null)).toBe(false);
  });
});
