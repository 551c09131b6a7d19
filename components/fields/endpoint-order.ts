/**
 * Which sampled endpoint the Fields step shows: the one in the URL, else the one the
 * person last chose in this tab (the step rail's link carries no `?endpoint=`), else the
 * first in the Explore step's preset order (users, groups, members, ...), not the
 * alphabetical `/groups` before `/users`.
 */
import type { SampleSummary } from "@/lib/builder/contracts";
import { PRESETS } from "../explore/presets";

const MEMBERS = /^\/groups\/[^/]+\/members$/;
const PRESET_PATHS = PRESETS.map((p) => p.path);
const UNKNOWN_RANK = PRESET_PATHS.length;

function rank(endpoint: string): number {
  const exact = PRESET_PATHS.indexOf(endpoint);
  if (exact >= 0) return exact;
  return MEMBERS.test(endpoint) ? PRESET_PATHS.indexOf("/groups/{id}/members") : UNKNOWN_RANK;
}

/** The samples in the presets' order; the rest (free paths) after them, alphabetically. */
export function orderedSamples(samples: readonly SampleSummary[]): SampleSummary[] {
  return [...samples].sort((a, b) => rank(a.endpoint) - rank(b.endpoint) || a.endpoint.localeCompare(b.endpoint));
}

/** The endpoint to show among the ordered samples; null when there is none. */
export function shownEndpoint(ordered: readonly SampleSummary[], fromUrl: string | null, remembered: string | null): string | null {
  for (const wanted of [fromUrl, remembered]) {
    if (wanted !== null && ordered.some((s) => s.endpoint === wanted)) return wanted;
  }
  return ordered[0]?.endpoint ?? null;
}

/** Where the last choice is kept: per tab (sessionStorage), like the Explore step's draft. */
export interface ChoiceStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const choiceKey = (projectId: string) => `fields-endpoint:${projectId}`;

export function rememberedEndpoint(store: ChoiceStore | undefined, projectId: string): string | null {
  try {
    return store?.getItem(choiceKey(projectId)) ?? null;
  } catch {
    return null;
  }
}

export function rememberEndpoint(store: ChoiceStore | undefined, projectId: string, endpoint: string): void {
  try {
    store?.setItem(choiceKey(projectId), endpoint);
  } catch {
    // Storage full or refused: the URL still holds the choice.
  }
}
