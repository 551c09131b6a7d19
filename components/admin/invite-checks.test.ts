import { describe, expect, it } from "vitest";
import { missingInviteField, pendingInvitationFor } from "./invite-checks";
import type { Invitation } from "./usePeople";

const invitation = (email: string, expired = false): Invitation => ({
  id: `inv-${email}`,
  email,
  name: "Someone",
  role: "member",
  entraLinked: false,
  expiresAt: "2030-01-01T00:00:00.000Z",
  expired,
  createdAt: "2029-12-29T00:00:00.000Z",
});

describe("missingInviteField", () => {
  it("names the email first, then the name, ignoring spaces", () => {
    expect(missingInviteField({ email: "", name: "" })).toEqual({ field: "email", message: "Enter their email address" });
    expect(missingInviteField({ email: "  ", name: "Mia" })).toEqual({ field: "email", message: "Enter their email address" });
    expect(missingInviteField({ email: "mia@example.com", name: " \t" })).toEqual({ field: "name", message: "Enter their name" });
  });

  it("leaves the format of a filled address to the server", () => {
    expect(missingInviteField({ email: "not-an-email", name: "Mia" })).toBeNull();
  });
});

describe("pendingInvitationFor", () => {
  const pending = [invitation("mia@example.com"), invitation("old@example.com", true)];

  it("finds the pending link for the same address as the server would store it", () => {
    expect(pendingInvitationFor(pending, "  MIA@Example.com ")?.id).toBe("inv-mia@example.com");
    expect(pendingInvitationFor(pending, "old@example.com")?.expired).toBe(true);
  });

  it("finds nothing for a new address or before the list has loaded", () => {
    expect(pendingInvitationFor(pending, "bob@example.com")).toBeNull();
    expect(pendingInvitationFor(undefined, "mia@example.com")).toBeNull();
  });
});
