/**
 * The Mapping step's API contracts (request bodies in zod, answer shapes as types).
 * Browser-safe: components/mapping imports the types from here, so the two sides
 * cannot drift. (Kept beside contracts.ts, which holds the other steps'.)
 */
import { z } from "zod";
import { MAX_CONFIG_CHARS } from "../mapping/parse";

/**
 * A port-app-config YAML text: large enough for hundreds of resources, bounded for the
 * database; the same number as the parser's own limit (what it reads at all).
 */
export const MAPPING_MAX_CHARS = MAX_CONFIG_CHARS;

export const saveMappingRequest = z.object({
  /** The version the text was based on (0: nothing stored yet). A stale one is refused with 409. */
  version: z.number().int().min(0),
  yaml: z.string().max(MAPPING_MAX_CHARS, "A mapping file is limited to 1,000,000 characters"),
  /** Keep this save as its own entry of the history (Ctrl+S, a restore), never merged with the next autosave. */
  checkpoint: z.boolean().default(false),
  /** Why this version exists, in words ("restored version 3"); shown in the history. */
  note: z.string().max(200).optional(),
});
export type SaveMappingRequest = z.input<typeof saveMappingRequest>;

export interface StoredMapping {
  /** The saved text; null when the project has no mapping yet (then `start` is offered). */
  yaml: string | null;
  /** The last saved text that parsed as a valid port-app-config: a YAML error never loses it. */
  lastValidYaml: string | null;
  /** 0 when nothing is stored; send it back with the next save. */
  version: number;
  updatedAt: string | null;
  /** The text a project without a mapping starts from, with what it was made of. */
  start: MappingStart | null;
}

export interface MappingStart {
  yaml: string;
  /** What the starting text holds and why, in words. */
  notes: string[];
}

export interface MappingVersionSummary {
  version: number;
  savedAt: string;
  /** Lines of the text (a size a person can read). */
  lines: number;
  valid: boolean;
  note: string | null;
}

export interface MappingVersionText extends MappingVersionSummary {
  yaml: string;
}

// ---- Preview samples ---------------------------------------------------------------------

/** The most a preview sample holds (items of a plain listing, members over all sampled parents). */
export const PREVIEW_MAX_ITEMS = 1_000;
export const PREVIEW_MAX_NESTED_ITEMS = 5_000;
/** Parents (groups) sampled for a nested kind such as /groups/{group_id}/members. */
export const PREVIEW_MAX_PARENTS = 25;
/** Pages read per listing (at $top=999, far past PREVIEW_MAX_ITEMS). */
export const PREVIEW_MAX_PAGES = 20;

/** Headers a preview may send: what Graph's advanced queries need, nothing that can carry a credential. */
export const PREVIEW_HEADERS = ["ConsistencyLevel", "Prefer"] as const;

const queryValue = z.union([z.string(), z.number(), z.boolean()]);

export const previewSampleRequest = z.object({
  /** The resource's kind: a path, with one `{param}` for nested endpoints. */
  kind: z.string().trim().min(1).max(2_048),
  method: z.string().max(10).default("GET"),
  query_params: z.record(z.string().max(100), queryValue).default({}),
  headers: z.record(z.string().max(100), z.string().max(1_000)).default({}),
  /** For a nested kind: the parameter and the parent values (ids) the browser read from the discovery listing. */
  parent: z
    .object({
      param: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a parameter name such as group_id"),
      values: z.array(z.string().min(1).max(1_000)).max(PREVIEW_MAX_PARENTS, `At most ${PREVIEW_MAX_PARENTS} parents are sampled`),
      /** How many parents the discovery listing had (for the note); null when unknown. */
      total: z.number().int().min(0).nullable().default(null),
    })
    .optional(),
});
export type PreviewSampleRequest = z.input<typeof previewSampleRequest>;

/** One Graph response body as it came, and the nested parameter it was fetched for. */
export interface PreviewPage {
  body: unknown;
  pathParams?: Record<string, string>;
}

export interface PreviewSampleProblem {
  code: string;
  message: string;
  hint?: string;
  /** The request that failed (a path with its query), when one did. */
  request?: string;
}

export interface PreviewSample {
  kind: string;
  /** The first request as a path with its query (what a person compares with their YAML). */
  request: string;
  pages: PreviewPage[];
  /** Items in the pages (Graph's `value` arrays). */
  items: number;
  /** Why the sample is not the whole listing, in words; null when it is. */
  truncated: string | null;
  /** For nested kinds: how many parents were sampled, and out of how many. */
  parents: { param: string; sampled: number; total: number | null; perParent: { value: string; items: number; complete: boolean }[] } | null;
  /** What stopped the fetch (a Graph error), when something did; pages read before it are kept. */
  problem: PreviewSampleProblem | null;
  /** Query parameters or headers of the resource that the preview did not send, in words. */
  notes: string[];
  fetchedAt: string;
}
