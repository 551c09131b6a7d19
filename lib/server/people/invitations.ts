/**
 * Invitations: an administrator invites a person by email and gets a one-time link (the
 * token is returned once; only its sha256 is stored). The link expires (72 h by default),
 * works once, and a second invitation to the same address replaces the first.
 */
import { AppError } from "../../errors";
import type { Db } from "../db";
import { hashPassword } from "../auth/password";
import { requireAdmin } from "./admin";
import { acceptSchema, inviteSchema, type AcceptInput, type InviteInput, type Role } from "./schemas";
import { hashInvitationToken, newInvitationToken } from "./tokens";
import type { CreatedInvitation, InvitationView } from "./views";

export const INVITATION_TTL_HOURS = 72;



type Row = { id: string; email: string; name: string; role: string; entraObjectId: string | null; expiresAt: Date; createdAt: Date };

function toView(row: Row, now: Date): InvitationView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role === "admin" ? "admin" : "member",
    entraLinked: row.entraObjectId !== null,
    expiresAt: row.expiresAt.toISOString(),
    expired: row.expiresAt.getTime() <= now.getTime(),
    createdAt: row.createdAt.toISOString(),
  };
}

export interface Clock {
  now?: () => Date;
}

export async function createInvitation(db: Db, actorId: string, input: InviteInput, options: Clock & { ttlHours?: number } = {}): Promise<CreatedInvitation> {
  const admin = await requireAdmin(db, actorId);
  const { email, name, role, entraObjectId } = inviteSchema.parse(input);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("person_exists", `${email} already has an account here.`, {
      status: 409,
      location: { path: "email" },
      hint: "Change their role in the people list instead.",
    });
  }
  if (entraObjectId && (await db.user.findUnique({ where: { entraObjectId }, select: { id: true } }))) throw entraIdTaken();
  const token = newInvitationToken();
  const now = (options.now ?? (() => new Date()))();
  const expiresAt = new Date(now.getTime() + (options.ttlHours ?? INVITATION_TTL_HOURS) * 3_600_000);
  const data = { name, role, entraObjectId, tokenHash: hashInvitationToken(token), expiresAt, createdById: admin.id, usedAt: null, createdAt: now };
  // One invitation per address: a new one replaces the old link.
  const row = await db.invitation.upsert({ where: { email }, create: { email, ...data }, update: data });
  return { invitation: toView(row, now), token, path: `/invite/${token}` };
}

export function entraIdTaken(): AppError {
  return new AppError("entra_id_taken", "Another person here already signs in with that Entra object id.", {
    status: 409,
    location: { path: "entraObjectId" },
    hint: "Check the object id in Entra ID (Users > the person > Object ID).",
  });
}

/** Invitations not yet used (expired ones included, so an administrator sees them lapse). */
export async function listInvitations(db: Db, actorId: string, options: Clock = {}): Promise<InvitationView[]> {
  await requireAdmin(db, actorId);
  const now = (options.now ?? (() => new Date()))();
  const rows = await db.invitation.findMany({ where: { usedAt: null }, orderBy: { createdAt: "desc" } });
  return rows.map((row) => toView(row, now));
}

export async function revokeInvitation(db: Db, actorId: string, invitationId: string): Promise<void> {
  await requireAdmin(db, actorId);
  const { count } = await db.invitation.deleteMany({ where: { id: invitationId, usedAt: null } });
  if (count === 0) throw new AppError("invitation_not_found", "There is no such pending invitation.", { status: 404, hint: "Reload the people page." });
}

/** A link that is no invitation (malformed, unknown, or replaced by a newer one). */
export function unknownLink(): AppError {
  return new AppError("invitation_not_found", "This invitation link is not valid.", {
    status: 404,
    hint: "Check that the whole link was copied; a newer invitation to the same address also replaces this one. Ask an administrator for a new invitation if needed.",
  });
}

function usedLink(): AppError {
  return new AppError("invitation_used", "This invitation link has already been used.", {
    status: 410,
    hint: "Sign in with the account it created, or ask an administrator for a new invitation.",
  });
}

function expiredLink(): AppError {
  return new AppError("invitation_expired", "This invitation link has expired.", {
    status: 410,
    hint: "Ask an administrator to invite you again; the new link replaces this one.",
  });
}

async function usableInvitation(db: Pick<Db, "invitation">, token: string, now: Date) {
  const row = await db.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) } });
  if (!row) throw unknownLink();
  if (row.usedAt) throw usedLink();
  if (row.expiresAt.getTime() <= now.getTime()) throw expiredLink();
  return row;
}

/** What the public invite page shows before accepting: who is invited, until when. */
export async function describeInvitation(db: Db, token: string, options: Clock = {}): Promise<{ email: string; name: string; expiresAt: string }> {
  const row = await usableInvitation(db, token, (options.now ?? (() => new Date()))());
  return { email: row.email, name: row.name, expiresAt: row.expiresAt.toISOString() };
}

/** Checked before the password is hashed (the costly part): an unusable link answers at once. */
export async function assertInvitationUsable(db: Db, token: string, options: Clock = {}): Promise<void> {
  await usableInvitation(db, token, (options.now ?? (() => new Date()))());
}

/**
 * Creates the account (the invited address and role, the name and password chosen now)
 * and marks the link used, atomically: two racing accepts create one account.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  input: AcceptInput,
  options: Clock & { hash?: (password: string) => Promise<string> } = {},
): Promise<{ id: string; email: string; name: string; role: Role }> {
  const { name, password } = acceptSchema.parse(input);
  const now = (options.now ?? (() => new Date()))();
  await usableInvitation(db, token, now);
  const passwordHash = await (options.hash ?? hashPassword)(password);
  return db.$transaction(async (tx) => {
    const row = await usableInvitation(tx, token, now);
    const claimed = await tx.invitation.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw usedLink();
    if (await tx.user.findUnique({ where: { email: row.email }, select: { id: true } })) throw usedLink();
    const entraFree = row.entraObjectId ? !(await tx.user.findUnique({ where: { entraObjectId: row.entraObjectId }, select: { id: true } })) : false;
    const user = await tx.user.create({
      data: { email: row.email, name, passwordHash, role: row.role === "admin" ? "admin" : "member", entraObjectId: entraFree ? row.entraObjectId : null },
      select: { id: true, email: true, name: true, role: true },
    });
    return { ...user, role: user.role === "admin" ? "admin" : "member" };
  });
}
