/** A pasted token's expiry as the Connect page says it. */
import { describe, expect, it } from "vitest";
import { describeTokenExpiry } from "@/components/connect/token-expiry";

// Local times, so the clock text does not depend on the machine's time zone.
const now = new Date(2026, 0, 15, 11, 49, 0);
const at = (h: number, m: number, s = 0) => new Date(2026, 0, 15, h, m, s).toISOString();

describe("describeTokenExpiry", () => {
  it("says how long is left and the local time it stops working", () => {
    expect(describeTokenExpiry(at(12, 41), now)).toEqual({ text: "expires in 52 minutes (12:41)", expired: false });
    expect(describeTokenExpiry(at(11, 50), now)).toEqual({ text: "expires in 1 minute (11:50)", expired: false });
    expect(describeTokenExpiry(at(11, 49, 30), now)).toEqual({ text: "expires in less than a minute (11:49)", expired: false });
    expect(describeTokenExpiry(at(14, 5), now)).toEqual({ text: "expires in 2 hours (14:05)", expired: false });
  });

  it("says how long ago an expired token stopped working", () => {
    expect(describeTokenExpiry(at(8, 40), now)).toEqual({ text: "expired 3 hours ago", expired: true });
    expect(describeTokenExpiry(at(11, 49), now)).toEqual({ text: "expired less than a minute ago", expired: true });
    expect(describeTokenExpiry(new Date(2026, 0, 10, 11, 0).toISOString(), now)).toEqual({ text: "expired 5 days ago", expired: true });
  });

  it("says the expiry is unknown when the server read none (an opaque token)", () => {
    expect(describeTokenExpiry(null, now)).toEqual({ text: "expiry unknown (not a JWT)", expired: false });
    expect(describeTokenExpiry("not a date", now)).toEqual({ text: "expiry unknown (not a JWT)", expired: false });
  });
});
