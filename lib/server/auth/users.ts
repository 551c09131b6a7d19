/**
 * The people who can sign in. On a fresh database the first visit creates the
 * administrator; after that, first-run setup is closed for good.
 */
import { z } from "zod";
import { AppError } from "../../errors";
import type { Db } from "../db";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./password";

export const firstAdminSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(100),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});
export type FirstAdminInput = z.infer<typeof firstAdminSchema>;

export async function needsFirstRunSetup(db: Db): Promise<boolean> {
  return (await db.user.count()) === 0;
}

/** Creates the administrator only while no user exists (atomic: two racing requests create one). */
export async function createFirstAdmin(db: Db, input: FirstAdminInput) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) {
      throw new AppError("setup_closed", "The administrator account already exists.", {
        status: 409,
        hint: "Sign in with that account instead.",
      });
    }
    return tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, role: "admin" },
      select: { id: true, email: true, name: true },
    });
  });
}

/** Email + password check; null when either is wrong (the caller must not say which). */
export async function verifyCredentials(db: Db, email: string, password: string) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  // Compare against a fixed hash when the user is unknown so timing does not reveal it.
  const hash = user?.passwordHash ?? "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5Q4Pxb7mYdJrGkxpR2E9sX6l0k5d1Wq";
  const ok = await verifyPassword(password, hash);
  return ok && user ? { id: user.id, email: user.email, name: user.name } : null;
}
