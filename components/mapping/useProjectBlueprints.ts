"use client";

/**
 * The blueprints the preview checks values against (types, unknown properties) and
 * completion offers property names from: the project's blueprints (the Blueprints step's
 * document), or, while it has none, the seed blueprints the seed mappings are written for.
 */
import { useMemo } from "react";
import { lintBlueprintSchema, type LintBlueprint } from "@/lib/mapping";
import { seedBlueprints } from "@/lib/schema";
import { useStoredDocument } from "../fields/useStepDocument";

export interface ProjectBlueprints {
  blueprints: LintBlueprint[];
  /** True when the project has none and the seed blueprints stand in. */
  fromSeed: boolean;
  loading: boolean;
}

function parse(text: string): LintBlueprint | null {
  try {
    const parsed = lintBlueprintSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function useProjectBlueprints(projectId: string): ProjectBlueprints {
  const doc = useStoredDocument(projectId, "blueprints");
  return useMemo(() => {
    const own = (doc.data?.content?.blueprints ?? []).flatMap((b) => parse(b.text) ?? []);
    if (own.length > 0) return { blueprints: own, fromSeed: false, loading: false };
    return { blueprints: seedBlueprints().map((b) => lintBlueprintSchema.parse(b)), fromSeed: true, loading: doc.isPending };
  }, [doc.data, doc.isPending]);
}
