/**
 * The builder's API contracts: request bodies (zod, validated at the route boundary) and
 * the answers' shapes. Browser-safe (no Node imports): the step components import the
 * types from here so the two sides cannot drift.
 */
import { z } from "zod";
import { requestPathProblem } from "../graph/request-path";
import type { EnsureBlueprintsReport } from "../port/blueprints";
import type { InferenceResult } from "../schema";

export const CLOUD_IDS = ["global", "usGovL4", "usGovL5", "china"] as const;
export const DEMO_GRAPH_CLIENTS = ["demo-client", "demo-client-limited"] as const;

/** Tenant: a GUID or a verified domain (contoso.onmicrosoft.com). */
const tenantId = z
  .string()
  .trim()
  .min(1, "Enter the directory (tenant) ID")
  .max(256, "Use at most 256 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, "Use the tenant's GUID or its domain (letters, digits, dots and hyphens)");
const clientId = z
  .string()
  .trim()
  .min(1, "Enter the application (client) ID")
  .max(256, "Use at most 256 characters")
  .regex(/^[A-Za-z0-9._-]+$/, "Use the application (client) ID as the portal shows it (a GUID)");
/** Blank (or absent) keeps the stored value: secrets are write-only. */
const optionalSecret = z.string().max(16_384, "That is too long for a secret").optional();

export const graphConnectionInput = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("demo"), clientId: z.enum(DEMO_GRAPH_CLIENTS).default("demo-client") }),
  z.object({
    mode: z.literal("client_credentials"),
    cloud: z.enum(CLOUD_IDS),
    tenantId,
    clientId,
    clientSecret: optionalSecret,
  }),
  z.object({ mode: z.literal("token"), cloud: z.enum(CLOUD_IDS), token: optionalSecret }),
]);
export type GraphConnectionInput = z.input<typeof graphConnectionInput>;

export const portConnectionInput = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("demo") }),
  z.object({
    mode: z.literal("credentials"),
    region: z.enum(["eu", "us"]),
    clientId: z.string().trim().min(1, "Enter the Port client ID").max(256, "Use at most 256 characters"),
    clientSecret: optionalSecret,
  }),
]);
export type PortConnectionInput = z.input<typeof portConnectionInput>;

export type SecretState = "set" | "not set";

export interface GraphConnectionView {
  mode: "demo" | "client_credentials" | "token";
  cloud: (typeof CLOUD_IDS)[number];
  tenantId: string | null;
  clientId: string | null;
  clientSecret: SecretState;
  token: SecretState;
  /** Read from the pasted token's `exp` claim. */
  tokenExpiresAt: string | null;
  updatedAt: string;
}

export interface PortConnectionView {
  mode: "demo" | "credentials";
  region: "eu" | "us";
  clientId: string | null;
  clientSecret: SecretState;
  updatedAt: string;
}

export interface ConnectionsView {
  graph: GraphConnectionView | null;
  port: PortConnectionView | null;
  /** Whether the demo tenant and demo Port are available on this server. */
  demoAvailable: boolean;
}

export interface ConnectionCheck {
  id: string;
  label: string;
  status: "ok" | "failed" | "skipped";
  /** The error's code when it failed (stable, for scripts). */
  code?: string;
  /** What happened, in plain words. */
  detail: string;
  hint?: string;
  /** A link that helps (the admin-consent page). */
  link?: string;
}

export interface ConnectionTestResult {
  target: "graph" | "port";
  ok: boolean;
  checks: ConnectionCheck[];
}

// ---- Explore ---------------------------------------------------------------------

const queryValue = z.string().max(4_096, "Use at most 4,096 characters").optional();

export const graphPath = z
  .string()
  .trim()
  .min(1, "Enter a path such as /users")
  .max(2_048, "Use at most 2,048 characters")
  .superRefine((raw, ctx) => {
    // Checked before the leading "/" is added, so "https://host/x" cannot pass as "/https://host/x".
    const p = raw.startsWith("/") ? raw : `/${raw}`;
    const problem = requestPathProblem(raw) ?? requestPathProblem(p);
    if (p.includes("?")) ctx.addIssue({ code: "custom", message: "Put query options in their own fields, not in the path" });
    else if (problem) ctx.addIssue({ code: "custom", message: `The path is refused: ${problem}. Enter a path such as /users, never a URL` });
    else if (/\{[^}]*\}/.test(p)) ctx.addIssue({ code: "custom", message: "Replace the {placeholder} in the path with a real id" });
  })
  .transform((p) => (p.startsWith("/") ? p : `/${p}`));

export const exploreQuery = z
  .object({
    $select: queryValue,
    $filter: queryValue,
    $top: z
      .string()
      .trim()
      .regex(/^\d*$/, "$top is a whole number between 1 and 999")
      .optional(),
    $expand: queryValue,
    $count: z.enum(["", "true", "false"]).optional(),
    $search: queryValue,
    $orderby: queryValue,
  })
  .strict();

export const exploreRequest = z.object({
  path: graphPath,
  query: exploreQuery.default({}),
  /** Only the header Graph's advanced queries need; nothing that could carry a credential. */
  consistencyLevelEventual: z.boolean().default(false),
});
export type ExploreRequest = z.input<typeof exploreRequest>;

export const nextPageRequest = z.object({ endpoint: z.string().min(1).max(2_048) });

export const fetchAllRequest = exploreRequest.extend({
  maxPages: z.coerce.number().int().min(1, "Fetch at least 1 page").max(1_000, "Fetch at most 1,000 pages"),
});
export type FetchAllRequest = z.input<typeof fetchAllRequest>;

export interface ExploreError {
  code: string;
  message: string;
  hint?: string;
  requestId?: string;
}

export interface ExploreResponse {
  /** The request as a path with its query (the Graph host is not the browser's business). */
  request: string;
  status: number;
  durationMs: number;
  headers: Record<string, string>;
  body: unknown;
  itemCount: number | null;
  hasNextPage: boolean;
  /** Graph's error, explained (the request reached Graph; this is data to show, not a failure of the app's API). */
  graphError: ExploreError | null;
  /** The sample this response was kept in. */
  sample: SampleSummary | null;
}

/** Lines of the fetch-all stream (NDJSON). */
export type FetchAllEvent =
  | { type: "progress"; pages: number; items: number; maxPages: number }
  | { type: "done"; pages: number; items: number; complete: boolean; reason: string | null; sample: SampleSummary | null }
  | { type: "error"; pages: number; items: number; error: ExploreError; sample: SampleSummary | null };

// ---- Samples -----------------------------------------------------------------------

export interface SampleSummary {
  id: string;
  endpoint: string;
  itemCount: number;
  bytes: number;
  pages: number;
  /** Why the sample was cut, when it was. */
  truncated: string | null;
  /** More pages were available when the sample was taken. */
  hasNextPage: boolean;
  request: { path: string; query: Record<string, string>; consistencyLevelEventual: boolean };
  updatedAt: string;
}

// ---- Step documents (picked fields, blueprints) ------------------------------------

export const DOCUMENT_KINDS = ["fields", "blueprints"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const jqText = z.string().max(2_000, "Use at most 2,000 characters");

/** Per sampled endpoint: the picked field paths, and the identifier and title expressions. */
export const fieldsDocument = z.object({
  resources: z.record(
    z.string().max(2_048),
    z.object({
      picked: z.array(z.string().max(1_000)).max(1_000, "Pick at most 1,000 fields"),
      identifier: jqText,
      title: jqText,
    }),
  ),
});
export type FieldsDocument = z.infer<typeof fieldsDocument>;

/**
 * Blueprints as the person's JSON text (kept even while invalid, so no edit is lost), and
 * what was last created in Port (a hash of the text), to tell "not yet in Port".
 */
export const blueprintsDocument = z.object({
  blueprints: z
    .array(z.object({ identifier: z.string().max(100), text: z.string().max(1_000_000, "A blueprint's JSON is limited to 1 MB") }))
    .max(50, "A project holds at most 50 blueprints"),
  pushed: z.record(z.string(), z.object({ at: z.string(), hash: z.string() })).default({}),
});
export type BlueprintsDocument = z.infer<typeof blueprintsDocument>;

export const DOCUMENT_SCHEMAS = { fields: fieldsDocument, blueprints: blueprintsDocument } as const;
export type DocumentContent<K extends DocumentKind> = z.infer<(typeof DOCUMENT_SCHEMAS)[K]>;

export interface StoredDocument<K extends DocumentKind> {
  kind: K;
  content: DocumentContent<K> | null;
  /** 0 when nothing is stored yet; send it back with a save to detect a save from another tab. */
  version: number;
  updatedAt: string | null;
}

export const saveDocumentRequest = z.object({ version: z.number().int().min(0), content: z.unknown() });

// ---- The step rail -------------------------------------------------------------------

export type StepId = "connect" | "explore" | "fields" | "blueprints" | "mapping" | "export" | "sync";

export interface StepState {
  id: StepId;
  label: string;
  /** done: its work is there; ready: it can be done now; waiting: an earlier step is needed; later: not built yet. */
  state: "done" | "ready" | "waiting" | "later";
  /** The state in words ("demo tenant connected; demo Port connected"). */
  summary: string;
}

export interface ProjectStatus {
  steps: StepState[];
  /** The step to do next. */
  next: StepId | null;
}

// ---- Fields ----------------------------------------------------------------------------

/** `GET fields?endpoint=...`: lib/schema's inference over every item of the sample. */
export interface FieldsAnswer {
  endpoint: string;
  /** The mapping kind for this endpoint (`/groups/{group_id}/members`). */
  kind: string;
  sample: SampleSummary;
  inference: InferenceResult;
}

/** `POST blueprints/push`: what Port did, and the document as saved with its new `pushed` record. */
export interface BlueprintPushAnswer {
  report: EnsureBlueprintsReport;
  document: StoredDocument<"blueprints">;
}
