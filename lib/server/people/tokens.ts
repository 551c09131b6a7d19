/** Invitation link tokens: shown once, kept only as their sha256. */
import { createHash, randomBytes } from "node:crypto";

export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
