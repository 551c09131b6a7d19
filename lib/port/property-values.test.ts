import { describe, expect, it } from "vitest";
import { propertyValueProblem } from "./property-values";

describe("propertyValueProblem (Port's value rules, shared by the demo Port and the lints)", () => {
  it.each([
    [{ type: "string", format: "date-time" }, "2024-02-30T10:00:00Z", null],
    [{ type: "string", format: "date-time" }, "2024-02-03", "must be an ISO 8601 date-time"],
    [{ type: "string", format: "email" }, "ann@contoso.com", null],
    [{ type: "string", format: "email" }, "ann_fabrikam.com#EXT#", "must be an email address"],
    [{ type: "string", format: "url" }, "https://portal.azure.com/x", null],
    [{ type: "string", format: "url" }, "portal.azure.com", "must be a URL"],
    [{ type: "string", format: "uuid" }, "6f1c5a2e-1b2c-4d3e-8f90-0a1b2c3d4e5f", null],
    [{ type: "string", format: "uuid" }, "6f1c5a2e", "must be a UUID"],
    [{ type: "string", format: "ipv4" }, "10.0.0.255", null],
    [{ type: "string", format: "ipv4" }, "10.0.0.256", "must be an IPv4 address"],
    [{ type: "string", format: "ipv6" }, "2001:db8::1", null],
    [{ type: "string", format: "ipv6" }, "2001:db8:::1", "must be an IPv6 address"],
    [{ type: "string", format: "ipv6" }, "10.0.0.1", "must be an IPv6 address"],
    [{ type: "boolean" }, "true", "must be a boolean"],
    [{ type: "number" }, Number.NaN, "must be a number"],
    [{ type: "string", enum: ["Member", "Guest"] }, "Admin", 'must be one of "Member", "Guest"'],
    [{ type: "array", items: { type: "string", format: "email" } }, ["a@b.co", "nope"], "item 1 must be an email address"],
    [{ type: "object" }, [], "must be an object"],
    [{ type: "boolean" }, null, null],
  ])("%o with %o -> %s", (spec, value, expected) => {
    expect(propertyValueProblem(spec, value)).toBe(expected);
  });
});
