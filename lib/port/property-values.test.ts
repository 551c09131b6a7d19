import { describe, expect, it } from "vitest";
import { formatProblem, propertyValueProblem } from "./property-values";

describe("propertyValueProblem (Port's value rules, shared by the demo Port and the lints)", () => {
  it.each([
    [{ type: "string", format: "date-time" }, "2024-02-29T10:00:00Z", null],
    [{ type: "string", format: "date-time" }, "2024-02-03", "must be an ISO 8601 date-time (RFC 3339: 2024-02-03T04:05:06Z, seconds and offset required)"],
    [{ type: "string", format: "email" }, "ann@contoso.com", null],
    [{ type: "string", format: "email" }, "ann_fabrikam.com#EXT#", "must be an email address"],
    [{ type: "string", format: "url" }, "https://portal.azure.com/x", null],
    [{ type: "string", format: "url" }, "portal.azure.com", "must be a URL (http, https or ftp, with a host)"],
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

describe("date-time: RFC 3339 syntax and real calendar times", () => {
  it.each([
    "2024-02-29T10:00:00Z", // leap year
    "2000-02-29T00:00:00Z", // divisible by 400: leap
    "2023-12-31T23:59:59.999999+00:00",
    "2024-06-30t12:00:00z", // RFC 3339 allows lower-case t and z
    "2016-12-31T23:59:60Z", // a leap second, at 23:59 UTC
    "2017-01-01T00:59:60+01:00", // the same leap second in local time
    "0000-01-01T00:00:00Z",
    "2024-01-01T00:00:00-23:59",
  ])("accepts %s", (value) => {
    expect(formatProblem("date-time", value)).toBeNull();
  });

  it.each([
    ["2024-02-30T10:00:00Z", "2024-02 has no day 30"],
    ["2023-02-29T10:00:00Z", "2023-02 has no day 29"],
    ["1900-02-29T10:00:00Z", "1900-02 has no day 29"], // divisible by 100, not by 400
    ["2024-04-31T10:00:00Z", "2024-04 has no day 31"],
    ["2024-00-10T10:00:00Z", "there is no month 00"],
    ["2024-13-01T10:00:00Z", "there is no month 13"],
    ["2024-01-00T10:00:00Z", "2024-01 has no day 00"],
    ["2024-01-01T24:00:00Z", "there is no time 24:00"],
    ["2024-01-01T10:60:00Z", "there is no time 10:60"],
    ["2024-01-01T10:00:60Z", "second 60 exists only as a leap second at 23:59 UTC"],
    ["2024-01-01T23:59:61Z", "second 61 exists only as a leap second at 23:59 UTC"],
    ["2024-01-01T10:00:00+24:00", "there is no offset +24:00"],
    ["2024-01-01T10:00:00+01:60", "there is no offset +01:60"],
  ])("refuses %s: %s", (value, reason) => {
    expect(formatProblem("date-time", value)).toBe(`must be an ISO 8601 date-time: ${reason}`);
  });

  it.each([
    "2024-01-01T10:00Z", // seconds are required
    "2024-01-01T10:00:00", // so is the offset
    "2024-01-01 10:00:00Z", // a space is not RFC 3339's separator
    "2024-01-01T10:00:00+0100", // the offset needs its colon
    "2024-01-01T10:00:00+01",
    "2024-01-01T10:00:00.Z",
    "24-01-01T10:00:00Z",
    " 2024-01-01T10:00:00Z",
    "2024-01-01T10:00:00Z\n",
  ])("refuses the syntax of %j", (value) => {
    expect(formatProblem("date-time", value)).toMatch(/^must be an ISO 8601 date-time \(RFC 3339/);
  });
});

describe("the other formats refuse what their parsers would let through", () => {
  it.each([
    ["email", "ann@contoso.com"],
    ["email", "ann_fabrikam.com#EXT#@contoso.onmicrosoft.com"],
    ["email", "o'brien+tag@mail.contoso.co.uk"],
    ["url", "http://localhost:3000/x?y=1#z"],
    ["url", "ftp://files.contoso.com/a"],
    ["ipv6", "::ffff:10.0.0.1"],
    ["ipv6", "FE80::1"],
  ])("%s accepts %s", (format, value) => {
    expect(formatProblem(format, value)).toBeNull();
  });

  it.each([
    ["email", "ann@contoso..com"],
    ["email", ".ann@contoso.com"],
    ["email", "ann@-contoso.com"],
    ["email", "a<b>@contoso.com"],
    ["email", "ann@contoso.com\u0000"],
    ["email", "ann@contoso"],
    ["url", "javascript:alert(1)"],
    ["url", "https:portal.azure.com"], // the URL parser adds the missing slashes
    ["url", " https://portal.azure.com"], // ... and trims spaces
    ["url", "https://portal.\tazure.com"], // ... and drops tabs
    ["url", "https://exa mple.com"],
    ["url", "https://"],
    ["ipv6", "2001:db8::\n1"], // the URL parser drops the newline
    ["ipv6", "[2001:db8::1]"],
    ["ipv6", "fe80::1%eth0"],
    ["uuid", "6f1c5a2e-1b2c-4d3e-8f90-0a1b2c3d4e5fz"],
    ["ipv4", "010.0.0.1"],
  ])("%s refuses %j", (format, value) => {
    expect(formatProblem(format, value)).not.toBeNull();
  });
});
