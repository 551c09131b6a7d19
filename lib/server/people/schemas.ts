/** What the people pages and routes accept, validated at the boundary. */
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../auth/password";
import { MAX_EMAIL_LENGTH } from "../auth/users";

export const ROLES = ["admin", "member"] as const;
export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES, { error: 'Choose "admin" or "member"' });

/** Entra ID object ids are GUIDs; kept lower-case so one id cannot be stored twice. */
export const entraObjectIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "Enter the object id as shown in Entra ID, e.g. 0a1b2c3d-1111-2222-3333-444455556666");

const emailSchema = z.string().trim().toLowerCase().max(MAX_EMAIL_LENGTH, `Use at most ${MAX_EMAIL_LENGTH} characters`).pipe(z.email("Enter a valid email address"));
const nameSchema = z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters");

/** An empty field means "none" (the form sends what the person typed). */
const optionalObjectId = z
  .union([z.literal(""), entraObjectIdSchema])
  .optional()
  .nullable()
  .transform((v) => (v === undefined ? undefined : v || null));

export const inviteSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema.default("member"),
  entraObjectId: optionalObjectId,
});
export type InviteInput = z.input<typeof inviteSchema>;

export const acceptSchema = z.object({
  name: nameSchema,
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(200, "Use at most 200 characters"),
});
export type AcceptInput = z.infer<typeof acceptSchema>;

/** PATCH of a person: a role, an Entra object id (null or "" clears it), or both. */
export const changePersonSchema = z
  .object({ role: roleSchema.optional(), entraObjectId: optionalObjectId })
  .refine((v) => v.role !== undefined || v.entraObjectId !== undefined, { message: "Send a role or an entraObjectId" });

/** The link token: 32 random bytes, base64url. Anything else is not one of ours. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
