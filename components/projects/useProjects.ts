"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../api";

export interface Project {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** The caller's access: their own project, or a share's level. */
  access: "owner" | "edit" | "read";
  ownerName: string;
}

const key = ["projects"] as const;

export function useProjects() {
  return useQuery({ queryKey: key, queryFn: () => apiFetch<{ projects: Project[] }>("/api/projects").then((r) => r.projects) });
}

export function useProjectMutations() {
  const client = useQueryClient();
  const invalidate = () => client.invalidateQueries({ queryKey: key });
  return {
    create: useMutation({
      mutationFn: (name: string) =>
        apiFetch<{ project: Project }>("/api/projects", { method: "POST", body: JSON.stringify({ name }) }).then((r) => r.project),
      onSuccess: invalidate,
    }),
    rename: useMutation({
      mutationFn: ({ id, name }: { id: string; name: string }) =>
        apiFetch<{ project: Project }>(`/api/projects/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify({ name }) }).then(
          (r) => r.project,
        ),
      onSuccess: invalidate,
    }),
    remove: useMutation({
      mutationFn: (id: string) => apiFetch<void>(`/api/projects/${encodeURIComponent(id)}`, { method: "DELETE" }),
      onSuccess: invalidate,
    }),
  };
}
