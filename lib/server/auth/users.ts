/**
 * The people who can sign in. On a fresh database the first visit creates the
 * administrator; after that, first-run setup is closed for good.
 */
import { z } from "zod";
import { AppError } from "../../errors";
import type { Db } from "../db";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./password";

/** The longest address SMTP allows; anything longer is refused before it is looked up or kept. */
export const MAX_EMAIL_LENGTH = 254;

export const firstAdminSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(100),
  email: z.string().trim().toLowerCase().max(MAX_EMAIL_LENGTH, `Use at most ${MAX_EMAIL_LENGTH} characters`).pipe(z.email("Enter a valid email address")),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});
export type FirstAdminInput = z.infer<typeof firstAdminSchema>;

export async function needsFirstRunSetup(db: Db): Promise<boolean> {
  return (await db.user.count()) === 0;
}

export function setupClosedError(): AppError {
  return new AppError("setup_closed", "The administrator account already exists.", {
    status: 409,
    hint: "Sign in with that account instead.",
  });
}

/**
 * Creates the administrator only while no user exists (atomic: two racing requests create
 * one). A closed setup answers before hashing: the hash is the expensive part, and anyone
 * can post here.
 */
export async function createFirstAdmin(db: Db, input: FirstAdminInput, hash: (password: string) => Promise<string> = hashPassword) {
  if (!(await needsFirstRunSetup(db))) throw setupClosedError();
  const passwordHash = await hash(input.password);
  return db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) throw setupClosedError();
    return tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, role: "admin" },
      select: { id: true, email: true, name: true },
    });
  });
}

/** Email + password check; null when either is wrong (the caller must not say which). */
export async function verifyCredentials(db: Db, email: string, password: string) {
  if (email.trim().length > MAX_EMAIL_LENGTH) return null;
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  // Compare against a fixed hash when the user is unknown so timing does not reveal it.
  const hash = user?.passwordHash ?? "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5Q4Pxb7mYdJrGkxpR2E9sX6l0k5d1Wq";
  const ok = await verifyPassword(password, hash);
  return ok && user ? { id: user.id, email: user.email, name: user.name } : null;
}
