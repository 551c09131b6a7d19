"use client";

/**
 * What "Generate from picked fields" needs: the Fields step's document and, for every
 * endpoint with picks, the inference of its sample (types and formats of the picks).
 */
import { useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import { fieldInferenceQuery } from "../fields/useFieldsData";
import { useStoredDocument } from "../fields/useStepDocument";
import type { EndpointPicks } from "./generate";

export interface GenerationInputs {
  /** Null while loading. */
  endpoints: EndpointPicks[] | null;
  /** Endpoints that could not be read (a deleted sample), in words. */
  notes: string[];
  error: Error | null;
}

export function useGenerationInputs(projectId: string): GenerationInputs {
  const fields = useStoredDocument(projectId, "fields");
  const resources = useMemo(() => Object.entries(fields.data?.content?.resources ?? {}).filter(([, r]) => r.picked.length > 0), [fields.data]);
  const answers = useQueries({
    queries: resources.map(([endpoint]) => ({ ...fieldInferenceQuery(projectId, endpoint), retry: false })),
    combine: (results) => ({ pending: results.some((r) => r.isPending), data: results.map((r) => r.data ?? null), errors: results.map((r) => r.error?.message ?? null) }),
  });

  return useMemo(() => {
    if (fields.error) return { endpoints: null, notes: [], error: fields.error };
    if (fields.isPending || answers.pending) return { endpoints: null, notes: [], error: null };
    const endpoints: EndpointPicks[] = [];
    const notes: string[] = [];
    resources.forEach(([endpoint, r], i) => {
      const answer = answers.data[i];
      if (answer) endpoints.push({ endpoint, kind: answer.kind, picked: r.picked, identifier: r.identifier, title: r.title, fields: answer.inference.fields });
      else notes.push(`${endpoint}: skipped, its sample could not be read (${answers.errors[i] ?? "unknown error"}).`);
    });
    return { endpoints, notes, error: null };
  }, [fields.error, fields.isPending, answers, resources]);
}
