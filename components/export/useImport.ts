"use client";

/** POST import: the files replace the project's mapping and blueprints (all or nothing). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ImportAnswer } from "@/lib/builder/import-project";
import type { ImportRequest } from "@/lib/export/import";
import { apiFetch } from "../api";

export function useImport(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: ImportRequest) =>
      apiFetch<ImportAnswer>(`/api/projects/${encodeURIComponent(projectId)}/import`, { method: "POST", body: JSON.stringify(request) }),
    // Every step of the project reads what was replaced: the rail, the mapping, the blueprints, this page.
    onSuccess: () => client.invalidateQueries({ queryKey: ["project", projectId] }),
  });
}
