import { describe, expect, it } from "vitest";
import { formatProblem } from "../port/property-values";
import { ALL_FORMATS, decideFormat, refineFormats } from "./formats";

const formatOf = (values: string[], key: string | null = null) => {
  let mask = ALL_FORMATS;
  for (const v of values) mask = refineFormats(mask, v);
  return decideFormat(mask, key, values.some((v) => v.includes("#EXT#@")));
};

describe("string formats", () => {
  it("call a field date-time only when every value is an RFC 3339 date-time", () => {
    expect(formatOf(["2025-05-01T10:11:12Z", "2024-02-29T23:59:59.1234567+05:30", "2025-01-01t00:00:00z"])).toBe("date-time");
    for (const bad of ["2025-05-01T10:11Z", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2025-01-01T24:00:00Z", "2025-05-01", "2025-05-01 10:11:12Z", "2025-05-01T10:11:12"]) {
      expect(formatOf(["2025-05-01T10:11:12Z", bad]), bad).toBeNull();
    }
  });

  it("keep emails, principal names, URLs and UUIDs apart", () => {
    expect(formatOf(["adele@contoso.com", "bo.li@mail.contoso.co.uk"], "mail")).toBe("email");
    expect(formatOf(["adele@contoso.com", "ann_fabrikam.com#EXT#@contoso.onmicrosoft.com"], "otherMails")).toBe("upn");
    expect(formatOf(["adele@contoso.onmicrosoft.com"], "userPrincipalName")).toBe("upn");
    expect(formatOf(["adele@contoso.onmicrosoft.com"], "onPremisesUserPrincipalName")).toBe("upn");
    expect(formatOf(["SMTP:adele@contoso.com"], "proxyAddresses")).toBeNull();
    // Port's email rule accepts a guest's principal name: only the upn rule tells them apart.
    expect(formatProblem("email", "ann_fabrikam.com#EXT#@contoso.onmicrosoft.com")).toBeNull();
    expect(formatOf(["https://contoso.com/app", "http://localhost:3000/x"])).toBe("url");
    expect(formatOf(["https://contoso.com/app", "api://4f1c2a4e-8a43-4c36-9a5e-6f1d1f3b2c10"])).toBeNull();
    expect(formatOf(["mailto:a@b.com"])).toBeNull();
    expect(formatOf(["4F1C2A4E-8A43-4C36-9A5E-6F1D1F3B2C10", "0b0e7a43-55d1-4ad4-9d0c-3c2f5a4e5a11"])).toBe("uuid");
    expect(formatOf(["4f1c2a4e-8a43-4c36-9a5e-6f1d1f3b2c10", "not-a-guid"])).toBeNull();
    expect(formatOf(["Sales", "Legal"])).toBeNull();
    expect(formatOf([""])).toBeNull();
  });

  it("give strings over 4,096 characters no format without testing them", () => {
    expect(refineFormats(ALL_FORMATS, `https://contoso.com/${"a".repeat(5000)}`)).toBe(0);
    expect(refineFormats(0, "2025-05-01T10:11:12Z")).toBe(0);
  });
});
