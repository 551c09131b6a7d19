"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../api";

export type { ProjectShareView as Share, ShareCandidate } from "@/lib/server/people/views";
import type { ProjectShareView as Share, ShareCandidate } from "@/lib/server/people/views";

const sharesPath = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/shares`;

export function useShares(projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["project", projectId, "shares"],
    queryFn: () => apiFetch<{ shares: Share[]; candidates: ShareCandidate[] }>(sharesPath(projectId)),
    enabled,
  });
}

export function useShareMutations(projectId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ["project", projectId, "shares"] });
  return {
    share: useMutation({
      mutationFn: (input: { email: string; access: "read" | "edit" }) => apiFetch<{ share: Share }>(sharesPath(projectId), { method: "PUT", body: JSON.stringify(input) }),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: (userId: string) => apiFetch<void>(`${sharesPath(projectId)}/${encodeURIComponent(userId)}`, { method: "DELETE" }),
      onSuccess: refresh,
    }),
  };
}
