/** Which API errors land under a form field and which above the form. */
import { describe, expect, it } from "vitest";
import { ApiError } from "@/components/api";
import { fieldErrorOf, formErrorOf } from "@/components/connect/field-errors";

const FIELDS = ["tenantId", "clientId", "clientSecret"] as const;

describe("field errors", () => {
  it("put an error that names a field of the form under that field, without the path prefix, with its hint", () => {
    const error = new ApiError(400, "invalid_request", "tenantId: Enter the directory (tenant) ID", "Correct the field and send again.", "tenantId");
    expect(fieldErrorOf(error, FIELDS)).toEqual({ field: "tenantId", message: "Enter the directory (tenant) ID", hint: "Correct the field and send again." });
    expect(formErrorOf(error, FIELDS)).toBeNull();
  });

  it("keep a message that has no prefix (the server's own field errors)", () => {
    const error = new ApiError(400, "secret_required", "Enter the client secret: none is stored yet.", "Secrets are write-only.", "clientSecret");
    expect(fieldErrorOf(error, FIELDS)?.message).toBe("Enter the client secret: none is stored yet.");
  });

  it("show above the form an error for a field the form does not have, or for no field", () => {
    const other = new ApiError(400, "invalid_request", "mode: Invalid input", "Correct the field and send again.", "mode");
    expect(fieldErrorOf(other, FIELDS)).toBeNull();
    expect(formErrorOf(other, FIELDS)).toEqual({ message: "mode: Invalid input", hint: "Correct the field and send again." });
    const demoOff = new ApiError(409, "demo_unavailable", "The demo tenant and demo Port are turned off on this server.", "Ask an administrator.");
    expect(formErrorOf(demoOff, FIELDS)).toEqual({ message: "The demo tenant and demo Port are turned off on this server.", hint: "Ask an administrator." });
  });

  it("say the server could not be reached when the request itself failed", () => {
    expect(formErrorOf(new TypeError("Failed to fetch"), FIELDS)?.message).toBe("The server could not be reached.");
    expect(formErrorOf(null, FIELDS)).toBeNull();
  });
});
