/**
 * Ocean's `custom` auth as a Graph token provider: one request (customAuthRequest:
 * endpoint, method, headers, body or bodyForm, queryParams), then the template's headers
 * evaluated with jq against the answer (`Authorization: "Bearer {{.access_token}}"`). This
 * is how the exported Ocean config uses Entra ID's client-credentials flow, so the command
 * line runs it the same way: renewed before `reauthenticateIntervalSeconds` runs out and
 * once on a 401 (the Graph requester calls `invalidate`).
 * Only an `Authorization: Bearer ...` header template is accepted: Graph takes nothing else.
 */
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { GraphError, type Allowlist, type TokenProvider } from "@/lib/graph";
import { compileExpression, evaluateBatch, type JqEngine } from "@/lib/jq";
import { untilAborted } from "@/lib/net/backoff";
import { readCappedResponseText } from "@/lib/net/body";
import { redirectTarget } from "@/lib/net/redirects";

const queryValue = z.union([z.string(), z.number(), z.boolean()]);

export const customAuthRequestSchema = z
  .object({
    endpoint: z.string().min(1),
    method: z.enum(["GET", "POST", "PUT", "PATCH"]).default("POST"),
    headers: z.record(z.string(), z.string()).optional(),
    body: z.record(z.string(), z.unknown()).optional(),
    /** URL-encoded form text, as Ocean sends it (an object is encoded here). */
    bodyForm: z.union([z.string(), z.record(z.string(), queryValue)]).optional(),
    queryParams: z.record(z.string(), queryValue).optional(),
    reauthenticateIntervalSeconds: z.number().positive().optional(),
  })
  .refine((r) => !(r.body && r.bodyForm), { message: "give body or bodyForm, not both" });
export type CustomAuthRequest = z.infer<typeof customAuthRequestSchema>;

export const customAuthTemplateSchema = z.object({
  headers: z.record(z.string(), z.string()).optional(),
  queryParams: z.record(z.string(), z.unknown()).optional(),
  body: z.record(z.string(), z.unknown()).optional(),
});
export type CustomAuthTemplate = z.infer<typeof customAuthTemplateSchema>;

export interface CustomAuthOptions {
  request: CustomAuthRequest;
  template: CustomAuthTemplate;
  /** Ocean's baseUrl: a relative endpoint is resolved against it. */
  baseUrl: string;
  /** Where the credentials may be sent (the cloud's login host, EXTRA_ALLOWED_HOSTS). */
  allowlist: Allowlist;
  engine: JqEngine;
  fetch?: typeof fetch;
  now?: () => number;
}

/** A token answer is a few KB; a larger one is not read (the endpoint may be any allowed host). */
const MAX_AUTH_ANSWER_BYTES = 1024 * 1024;

function parseAnswer(text: string | null, url: URL): unknown {
  if (text === null) {
    throw new GraphError("custom_auth_failed", `The token answer from ${url.host} is larger than 1 MB; it was not read.`, { status: 502, hint: "Check OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST's endpoint: a token endpoint answers a few KB." });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const TEMPLATE = /\{\{\s*(.*?)\s*\}\}/g;

/** The bearer header's template, checked once: Graph can only use `Authorization: Bearer ...`. */
function bearerTemplate(template: CustomAuthTemplate): string {
  const entries = Object.entries(template.headers ?? {});
  const auth = entries.find(([k]) => k.toLowerCase() === "authorization");
  if (!auth || !/^Bearer\s/i.test(auth[1]) || entries.length > 1 || template.queryParams || template.body) {
    throw new AppError("custom_auth_template_unsupported", "OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST_TEMPLATE must hold exactly one header, Authorization: \"Bearer {{.access_token}}\".", {
      status: 400,
      hint: "Microsoft Graph takes a bearer token only; other headers, query parameters or body templates cannot authenticate it.",
    });
  }
  return auth[1];
}

function authUrl(endpoint: string, baseUrl: string, query: CustomAuthRequest["queryParams"]): URL {
  const url = /^https?:\/\//i.test(endpoint) ? new URL(endpoint) : new URL(`${baseUrl.replace(/\/+$/, "")}/${endpoint.replace(/^\/+/, "")}`);
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, String(v));
  return url;
}

export function customAuthTokenProvider(options: CustomAuthOptions): TokenProvider {
  const headerTemplate = bearerTemplate(options.template);
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const { request } = options;
  const url = authUrl(request.endpoint, options.baseUrl, request.queryParams);
  // Refused now, when the command starts, rather than at the first token of a run.
  options.allowlist.assert(url);
  const intervalMs = request.reauthenticateIntervalSeconds ? request.reauthenticateIntervalSeconds * 1000 : null;
  let cached: { token: string; renewAt: number } | null = null;
  let inFlight: Promise<string> | null = null;

  async function evaluate(text: string, answer: unknown): Promise<string> {
    let out = "";
    let last = 0;
    for (const m of text.matchAll(TEMPLATE)) {
      const expr = await compileExpression(options.engine, m[1]!);
      const [row] = await evaluateBatch(options.engine, { fields: [expr], selector: null, jqFields: expr.fast ? [] : [0] }, [answer]);
      const v = row?.fields?.[0];
      if (!v || v.kind !== "value" || v.value === null) {
        throw new GraphError("custom_auth_failed", `The auth answer has no value for {{${m[1]}}}.`, { status: 502, hint: "Check CUSTOM_AUTH_REQUEST_TEMPLATE against what the token endpoint returns (e.g. {{.access_token}})." });
      }
      out += text.slice(last, m.index) + (typeof v.value === "string" ? v.value : JSON.stringify(v.value));
      last = m.index + m[0].length;
    }
    return out + text.slice(last);
  }

  async function authenticate(): Promise<string> {
    const headers: Record<string, string> = { accept: "application/json", ...request.headers };
    let body: string | undefined;
    if (request.bodyForm !== undefined) {
      body = typeof request.bodyForm === "string" ? request.bodyForm : new URLSearchParams(Object.entries(request.bodyForm).map(([k, v]) => [k, String(v)])).toString();
      if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["content-type"] = "application/x-www-form-urlencoded";
    } else if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
    }
    const started = now();
    let res: Response;
    let text: string | null;
    let redirect: string | null;
    try {
      // Never followed: a redirect could take the credentials to another host.
      res = await doFetch(url, { method: request.method, headers, body, redirect: "manual", signal: AbortSignal.timeout(30_000) });
      redirect = redirectTarget(res, url);
      text = redirect === null ? await readCappedResponseText(res, MAX_AUTH_ANSWER_BYTES) : "";
    } catch (error) {
      throw new GraphError("login_unreachable", `Could not reach ${url.host} for a token.`, { status: 502, cause: error, hint: "Check the network and OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST's endpoint." });
    }
    if (redirect !== null) {
      await res.body?.cancel().catch(() => {});
      throw new GraphError("redirect_refused", `${url.host} answered ${res.status} with a redirect to ${redirect}; it was not followed, so the credentials were not sent there.`, {
        status: 502, hint: "Give OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST the token endpoint itself, not an address that redirects.",
      });
    }
    const answer = parseAnswer(text, url);
    if (!res.ok) {
      const detail = (answer as { error_description?: string; error?: string } | null)?.error_description ?? (answer as { error?: string } | null)?.error;
      throw new GraphError("custom_auth_failed", `The token request to ${url.host} was refused (${res.status})${detail ? `: ${detail}` : ""}.`, {
        status: res.status === 401 || res.status === 400 ? 401 : 502,
        hint: "Check the client id, secret, tenant and scope in OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST.",
      });
    }
    const header = await evaluate(headerTemplate, answer);
    const token = header.replace(/^Bearer\s+/i, "").trim();
    if (!token) throw new GraphError("custom_auth_failed", "The template gave an empty bearer token.", { status: 502, hint: "Check CUSTOM_AUTH_REQUEST_TEMPLATE." });
    // Renewed a tenth of the interval early (at most 5 minutes), like a token's expiry.
    cached = { token, renewAt: intervalMs === null ? Infinity : started + intervalMs - Math.min(300_000, intervalMs / 10) };
    return token;
  }

  return {
    kind: "clientCredentials",
    context: {},
    async getToken({ signal } = {}) {
      if (cached && now() < cached.renewAt) return cached.token;
      // Shared by concurrent callers; each stops waiting on its own signal.
      inFlight ??= authenticate().finally(() => {
        inFlight = null;
      });
      return untilAborted(inFlight, signal);
    },
    invalidate() {
      cached = null;
      return true;
    },
  };
}
