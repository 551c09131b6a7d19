/**
 * The Fields step on the server: field inference (lib/schema) over every item of an
 * endpoint's sample, with the resource kind the mapping will use for that endpoint.
 */
import { createFieldInference, type InferenceResult } from "../schema";
import type { SampleSummary } from "./contracts";
import type { BuilderDeps } from "./deps";
import { loadSample } from "./samples";

/**
 * The mapping `kind` of a sampled path: an id after a collection becomes its parameter,
 * as Ocean's `path_parameters` name it (`/groups/9f1c.../members` -> `/groups/{group_id}/members`).
 */
export function kindForEndpoint(endpoint: string): string {
  const segments = endpoint.split("/").filter(Boolean);
  if (segments.length < 3) return `/${segments.join("/")}`;
  const [collection, , ...rest] = segments;
  const singular = collection!.replace(/ies$/, "y").replace(/s$/, "");
  return `/${collection}/{${singular.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_id}/${rest.join("/")}`;
}

export async function inferSampleFields(
  deps: BuilderDeps,
  userId: string,
  projectId: string,
  endpoint: string,
): Promise<{ endpoint: string; kind: string; sample: SampleSummary; inference: InferenceResult }> {
  const { summary, items } = await loadSample(deps, userId, projectId, endpoint);
  const kind = kindForEndpoint(endpoint);
  const inference = createFieldInference({ kind });
  for (const item of items) inference.addItem(item);
  return { endpoint, kind, sample: summary, inference: inference.result() };
}
