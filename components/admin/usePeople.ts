"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../api";

export type { PersonView as Person, InvitationView as Invitation, CreatedInvitation } from "@/lib/server/people/views";
export type { Role } from "@/lib/server/people/schemas";
import type { CreatedInvitation, InvitationView as Invitation, PersonView as Person } from "@/lib/server/people/views";
import type { Role } from "@/lib/server/people/schemas";

export interface InviteInput {
  email: string;
  name: string;
  role: Role;
  entraObjectId: string;
}

const peopleKey = ["admin", "people"] as const;
const invitationsKey = ["admin", "invitations"] as const;

export function usePeople() {
  return useQuery({ queryKey: peopleKey, queryFn: () => apiFetch<{ people: Person[]; you: string }>("/api/admin/people") });
}

export function useInvitations() {
  return useQuery({ queryKey: invitationsKey, queryFn: () => apiFetch<{ invitations: Invitation[] }>("/api/admin/invitations").then((r) => r.invitations) });
}

const personPath = (id: string) => `/api/admin/people/${encodeURIComponent(id)}`;

export function usePeopleMutations() {
  const client = useQueryClient();
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: peopleKey }), client.invalidateQueries({ queryKey: invitationsKey })]);
  return {
    invite: useMutation({
      mutationFn: (input: InviteInput) => apiFetch<CreatedInvitation>("/api/admin/invitations", { method: "POST", body: JSON.stringify(input) }),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: (id: string) => apiFetch<void>(`/api/admin/invitations/${encodeURIComponent(id)}`, { method: "DELETE" }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...change }: { id: string; role?: Role; entraObjectId?: string | null }) =>
        apiFetch<{ person: Person }>(personPath(id), { method: "PATCH", body: JSON.stringify(change) }).then((r) => r.person),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => apiFetch<{ projectsMoved: number }>(personPath(id), { method: "DELETE" }),
      onSuccess: refresh,
    }),
  };
}
