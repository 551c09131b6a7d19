/**
 * What the invite form checks before it sends anything, and what it tells the
 * administrator about an address that already has a pending link. The server validates
 * again (lib/server/people/schemas.ts); these only spare a round trip and say it in place.
 */
import type { Invitation, InviteInput } from "./usePeople";

export type InviteField = "email" | "name";

export interface InviteProblem {
  field: InviteField;
  message: string;
}

/** The first empty required field, in the order the form shows them. */
export function missingInviteField(values: Pick<InviteInput, "email" | "name">): InviteProblem | null {
  if (!values.email.trim()) return { field: "email", message: "Enter their email address" };
  if (!values.name.trim()) return { field: "name", message: "Enter their name" };
  return null;
}

/** Addresses are compared as the server stores them: trimmed, lower case. */
const normalEmail = (email: string) => email.trim().toLowerCase();

/**
 * The pending invitation a new one to this address replaces (one link per address: the
 * earlier link stops working), so the form can say so instead of replacing it silently.
 */
export function pendingInvitationFor(pending: readonly Invitation[] | undefined, email: string): Invitation | null {
  const wanted = normalEmail(email);
  return pending?.find((inv) => normalEmail(inv.email) === wanted) ?? null;
}
