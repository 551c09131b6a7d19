/**
 * What the people and sharing routes answer, as types only: the server (lib/server/people)
 * builds them and the browser's hooks (components/admin, components/project) read them, so
 * the two sides cannot drift.
 */
import type { Role } from "./schemas";

export interface PersonView {
  id: string;
  name: string;
  email: string;
  role: Role;
  entraLinked: boolean;
  /** The linked Entra object id (shown to administrators only). */
  entraObjectId: string | null;
  projectCount: number;
  createdAt: string;
}

export interface InvitationView {
  id: string;
  email: string;
  name: string;
  role: Role;
  entraLinked: boolean;
  expiresAt: string;
  /** Past its expiry (the link no longer works; invite again for a new one). */
  expired: boolean;
  createdAt: string;
}

export interface CreatedInvitation {
  invitation: InvitationView;
  /** The link's token, shown once: only its hash is kept. */
  token: string;
  /** Where the invited person goes: `/invite/<token>`. */
  path: string;
}

export interface ProjectShareView {
  userId: string;
  name: string;
  email: string;
  access: "read" | "edit";
}

export interface ShareCandidate {
  id: string;
  name: string;
  email: string;
}
