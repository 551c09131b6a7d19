/**
 * JSON batching (`POST /v1.0/$batch`): up to 20 requests, each served (and throttled) on
 * its own through the same handler as a top-level request, so every limit applies to
 * sub-requests too. The body is validated with zod first: a malformed batch is one clear
 * 400 that names the step and field, never a crash half-way through.
 */
import { readLimitedText } from "../../net/body";
import { z } from "zod";
import { graphJson, type RequestIds, SimError } from "./responses";

export const MAX_BATCH_STEPS = 20;
/** Graph's limit on a request body. */
export const MAX_BATCH_BODY_BYTES = 4 * 1024 * 1024;
const BATCH_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** A header name is an RFC 9110 token; a value is visible Latin-1 text (what `Headers` accepts). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

const batchStep = z.object({
  id: z
    .union([z.string().min(1).max(128), z.number().int().nonnegative()], { error: "must be a non-empty string" })
    .transform(String),
  method: z
    .string({ error: "must be a string" })
    .transform((m) => m.toUpperCase())
    .pipe(z.enum(BATCH_METHODS, { error: (issue) => `'${String(issue.input)}' is not a method a batch step can use (${BATCH_METHODS.join(", ")})` })),
  url: z
    .string({ error: "must be a string" })
    .min(1, "must not be empty")
    .refine((url) => !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("//") && !url.startsWith("\\"), "must be relative to the version, such as /users?$top=5"),
  headers: z
    .record(
      z.string().regex(HEADER_NAME, "is not a valid header name"),
      z.string({ error: "must be a string" }).max(8_192, "is longer than 8,192 characters").regex(HEADER_VALUE, "holds characters a header cannot carry"),
      { error: (issue) => (issue.code === "invalid_type" ? "must be an object of header names to values" : undefined) },
    )
    .optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).max(MAX_BATCH_STEPS).optional(),
}, { error: "must be an object with id, method and url" });

const batchBody = z.object(
  {
    requests: z
      .array(batchStep, { error: "must be an array of requests" })
      .min(1, "must hold at least one request")
      .max(MAX_BATCH_STEPS, `Number of batch request steps exceeds the maximum of ${MAX_BATCH_STEPS}`),
  },
  { error: "must be a JSON object with a requests array" },
);

export type BatchStep = z.infer<typeof batchStep>;

const invalid = (where: string, message: string) => new SimError(400, "BadRequest", `Invalid batch payload format: ${where}: ${message}.`);

/** `requests[0].headers.bad header` from a zod issue path. */
function pathText(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `${out ? "." : ""}${String(key)}`;
  return out || "body";
}

/** The body as text, refused past `limit` bytes without reading further. */
async function readCapped(request: Request, limit: number): Promise<string> {
  const text = await readLimitedText(request, limit);
  if (text === null) throw new SimError(413, "RequestEntityTooLarge", `The batch body is larger than ${limit} bytes, Graph's limit for a request body.`);
  return text;
}

/** The validated steps of a batch request, or Graph's 400 naming the first problem. */
export async function readBatch(request: Request): Promise<BatchStep[]> {
  if (request.method !== "POST") throw new SimError(400, "BadRequest", "$batch only accepts POST.");
  let json: unknown;
  try {
    json = JSON.parse(await readCapped(request, MAX_BATCH_BODY_BYTES));
  } catch (error) {
    if (error instanceof SimError) throw error;
    throw invalid("body", "is not valid JSON");
  }
  const parsed = batchBody.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === "too_big" && issue.path.length === 1) throw new SimError(400, "BadRequest", `${issue.message}.`);
    // A record key's own message ("is not a valid header name") sits one level down.
    const message = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    throw invalid(pathText(issue.path), message);
  }
  const seen = new Set<string>();
  parsed.data.requests.forEach((step, i) => {
    if (seen.has(step.id)) throw invalid(`requests[${i}].id`, `'${step.id}' is used by an earlier request; ids must be unique within a batch`);
    seen.add(step.id);
  });
  return parsed.data.requests;
}

/** Serves one sub-request; `path` is what follows the Graph prefix, e.g. `/v1.0/users`. */
export type ServeStep = (request: Request, path: string) => Promise<Response>;

/** Where each step goes, all checked before any is served: a bad step fails the batch, not half of it. */
function stepTargets(steps: BatchStep[], graphBase: string): URL[] {
  const versionRoot = new URL(graphBase).pathname;
  return steps.map((step, i) => {
    const target = new URL(`${graphBase}/${step.url.replace(/^\//, "")}`);
    if (!target.pathname.startsWith(`${versionRoot}/`) || target.pathname === `${versionRoot}/$batch`) {
      throw invalid(`requests[${i}].url`, "must name a resource under the version, and not $batch");
    }
    return target;
  });
}

/** Runs the steps one after the other and answers Graph's batch envelope. */
export async function serveBatch(request: Request, steps: BatchStep[], graphBase: string, ids: RequestIds, serve: ServeStep): Promise<Response> {
  const targets = stepTargets(steps, graphBase);
  const graphRootPath = new URL(graphBase).pathname.replace(/\/[^/]*$/, "");
  const responses = [];
  for (const [i, step] of steps.entries()) {
    const headers = new Headers(step.headers ?? {});
    headers.set("authorization", request.headers.get("authorization") ?? "");
    const target = targets[i]!;
    const res = await serve(new Request(target, { method: step.method, headers }), target.pathname.slice(graphRootPath.length));
    const resHeaders: Record<string, string> = {};
    for (const name of ["content-type", "retry-after"]) {
      const v = res.headers.get(name);
      if (v) resHeaders[name] = v;
    }
    responses.push({ id: step.id, status: res.status, headers: resHeaders, body: JSON.parse(await res.text()) as unknown });
  }
  return graphJson({ responses }, ids);
}
