import { describe, expect, it } from "vitest";
import { errorResponse } from "../server/http";

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

describe("a refusal from the runner's bundle", () => {
  it("answers with its own status and message, not 500", async () => {
    const response = errorResponse(new ForeignAppError());
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: "sync_already_running", message: "A sync of this project is already running.", hint: "Wait for it to finish, or cancel it." } });
  });

  it("still answers 500, without details, for an error that is not one", async () => {
    const response = errorResponse(Object.assign(new Error("/etc/secret path"), { code: "ENOENT" }));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("/etc/secret");
  });
});
