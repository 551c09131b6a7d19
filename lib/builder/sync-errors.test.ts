import { describe, expect, it } from "vitest";
import { AppError, isAppError } from "../errors";
import { errorResponse } from "../server/http";
import { asLocalAppError } from "./sync-service";

/** An AppError as another bundle's copy of lib/errors makes it (instrumentation's, in Next). */
class ForeignAppError extends Error {
  readonly code = "sync_already_running";
  readonly status = 409;
  readonly hint = "Wait for it to finish, or cancel it.";
  constructor() {
    super("A sync of this project is already running.");
    this.name = "AppError";
  }
}

describe("asLocalAppError", () => {
  it("turns another bundle's AppError into this one's, so a refusal answers 409 and not 500", async () => {
    expect(errorResponse(new ForeignAppError()).status).toBe(500);
    const local = asLocalAppError(new ForeignAppError());
    expect(isAppError(local)).toBe(true);
    const response = errorResponse(local);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: "sync_already_running", message: "A sync of this project is already running.", hint: "Wait for it to finish, or cancel it." } });
  });

  it("leaves this bundle's AppErrors and other errors as they are", () => {
    const own = new AppError("x", "y", { status: 400 });
    expect(asLocalAppError(own)).toBe(own);
    const plain = new Error("boom");
    expect(asLocalAppError(plain)).toBe(plain);
  });
});
