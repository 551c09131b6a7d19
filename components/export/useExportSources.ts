"use client";

/**
 * What the export is made of, read from the builder's API: connections, the saved mapping
 * and the blueprints document (server state only; the page edits none of them).
 */
import { useQuery } from "@tanstack/react-query";
import type { ConnectionsView, StoredDocument } from "@/lib/builder/contracts";
import type { StoredMapping } from "@/lib/builder/mapping-contracts";
import { apiFetch } from "../api";
import { exportSource, type ExportSource } from "./export-input";

export const exportSourcesKey = (projectId: string, part: string) => ["project", projectId, "export", part] as const;

export function useExportSources(projectId: string): { source: ExportSource | null; loading: boolean; error: unknown } {
  const base = `/api/projects/${encodeURIComponent(projectId)}`;
  const connections = useQuery({ queryKey: exportSourcesKey(projectId, "connections"), queryFn: () => apiFetch<ConnectionsView>(`${base}/connections`) });
  const mapping = useQuery({ queryKey: exportSourcesKey(projectId, "mapping"), queryFn: () => apiFetch<StoredMapping>(`${base}/mapping`) });
  const blueprints = useQuery({ queryKey: exportSourcesKey(projectId, "blueprints"), queryFn: () => apiFetch<StoredDocument<"blueprints">>(`${base}/documents/blueprints`) });
  const error = connections.error ?? mapping.error ?? blueprints.error;
  const loading = connections.isPending || mapping.isPending || blueprints.isPending;
  const source = !loading && !error ? exportSource(connections.data ?? null, mapping.data ?? null, blueprints.data?.content ?? null) : null;
  return { source, loading, error };
}
