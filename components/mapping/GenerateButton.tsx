"use client";

/**
 * "Generate from blueprints": the mapping the project's blueprints and picked fields give
 * now (or the corrected seed mappings), replacing the text as one undoable edit.
 */
import { useMutation } from "@tanstack/react-query";
import type { MappingStart } from "@/lib/builder/mapping-contracts";
import { apiFetch } from "../api";
import { ErrorAlert } from "../demo-catalog/ErrorAlert";
import { mappingUrl } from "./useMappingDocument";

export function GenerateButton({ projectId, onGenerated }: { projectId: string; onGenerated: (start: MappingStart) => void }) {
  const generate = useMutation({
    mutationFn: () => apiFetch<MappingStart>(`${mappingUrl(projectId)}/start`),
    onSuccess: onGenerated,
  });
  const click = () => {
    if (window.confirm("Replace the whole mapping with the one generated from the project's blueprints and picked fields? Ctrl+Z in the editor takes it back, and the history keeps every saved version.")) generate.mutate();
  };
  return (
    <>
      <button type="button" onClick={click} disabled={generate.isPending} data-testid="generate-mapping">
        {generate.isPending ? "Generating…" : "Generate from blueprints"}
      </button>
      {generate.error && <ErrorAlert error={generate.error} />}
    </>
  );
}
