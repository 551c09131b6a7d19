/**
 * Typed Graph and token errors that explain themselves: Graph's `error.code` and
 * message, the request id, and a hint that says what to do (which permission is
 * missing, the licence signInActivity needs, the advanced-query header, the page size
 * range, a secret's ID pasted instead of its value, an unknown tenant or app...).
 */
import { z } from "zod";
import { AppError, type AppErrorOptions } from "../errors";
import { adminConsentUrl, type Cloud } from "./clouds";

/** What the client received: also carried by errors, so the Explore screen can show it. */
export interface GraphResponse<T = unknown> {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: T;
  requestId?: string;
  timing: { startedAt: number; durationMs: number; attempts: number; waitedMs: number };
}

export interface GraphErrorOptions extends AppErrorOptions {
  /** Graph's `error.code` (e.g. Authorization_RequestDenied) or the OAuth `error`. */
  graphCode?: string;
  /** The AADSTS number of a token error, e.g. 7000215. */
  aadsts?: number;
  response?: GraphResponse;
}

export class GraphError extends AppError {
  readonly graphCode?: string;
  readonly aadsts?: number;
  readonly response?: GraphResponse;

  constructor(code: string, message: string, options: GraphErrorOptions = {}) {
    super(code, message, options);
    this.name = "GraphError";
    this.graphCode = options.graphCode;
    this.aadsts = options.aadsts;
    this.response = options.response;
  }
}

export function isGraphError(value: unknown): value is GraphError {
  return value instanceof GraphError;
}

/** Who is calling, for hints (consent link, names). */
export interface ErrorContext {
  cloud: Cloud;
  tenantId?: string;
  clientId?: string;
  /** The token came from a person (pasted), not from client credentials. */
  staticToken?: boolean;
}

const graphErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().optional().default(""),
    innerError: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** Least-privileged application permission for a path, and what else would do. */
const PERMISSIONS: ReadonlyArray<readonly [RegExp, string, readonly string[]]> = [
  [/^\/groups\/[^/]+\/(members|transitiveMembers)\b/i, "GroupMember.Read.All", ["Group.Read.All", "Directory.Read.All"]],
  [/^\/groups\b/i, "Group.Read.All", ["GroupMember.Read.All", "Directory.Read.All"]],
  [/^\/users\/[^/]+\/(memberOf|transitiveMemberOf)\b/i, "GroupMember.Read.All", ["Directory.Read.All"]],
  [/^\/users\b/i, "User.Read.All", ["Directory.Read.All"]],
  [/^\/(applications|servicePrincipals)\b/i, "Application.Read.All", ["Directory.Read.All"]],
  [/^\/devices\b/i, "Device.Read.All", ["Directory.Read.All"]],
  [/^\/organization\b/i, "Organization.Read.All", ["Directory.Read.All"]],
  [/^\/directoryRoles\b/i, "RoleManagement.Read.Directory", ["Directory.Read.All"]],
  [/^\/auditLogs\b/i, "AuditLog.Read.All", []],
];

export function requiredPermission(path: string): { permission: string; alternatives: readonly string[] } | null {
  for (const [re, permission, alternatives] of PERMISSIONS) if (re.test(path)) return { permission, alternatives };
  return null;
}

function consentHint(ctx: ErrorContext): string {
  if (!ctx.tenantId || !ctx.clientId) return "then grant admin consent";
  return `then grant admin consent (${adminConsentUrl(ctx.cloud, ctx.tenantId, ctx.clientId)})`;
}

const ADVANCED_HINT =
  "This is an advanced query: send the header ConsistencyLevel: eventual and add $count=true. Resend the header on every page; nextLink does not carry it.";

/** The hint for a Graph error; `path` is relative to the version root (`/groups/{id}/members`). */
function graphHint(status: number, code: string, message: string, path: string, ctx: ErrorContext): string {
  if (code === "Authentication_RequestFromNonPremiumTenantOrB2CTenant") {
    return "signInActivity needs an Entra ID P1 or P2 licence in the tenant. Remove signInActivity from $select and $filter, or license the tenant.";
  }
  if (code === "Authentication_MSGraphPermissionMissing") {
    const perm = /permissions?\s+([\w.]+)/i.exec(message)?.[1] ?? "AuditLog.Read.All";
    return `The app lacks the application permission ${perm} (signInActivity needs AuditLog.Read.All). Add it under API permissions > Microsoft Graph > Application permissions, ${consentHint(ctx)}.`;
  }
  if (status === 403) {
    const needed = requiredPermission(path);
    const which = needed
      ? `the application permission ${needed.permission}${needed.alternatives.length ? ` (or ${needed.alternatives.join(" or ")})` : ""} for ${path.split("?")[0]}`
      : "an application permission this request needs";
    return `The app lacks ${which}, or it was added without admin consent. Add it under API permissions > Microsoft Graph > Application permissions (not Delegated), ${consentHint(ctx)}.`;
  }
  if (status === 401) {
    return ctx.staticToken
      ? "The token has expired, paste a new one or use client credentials."
      : "Graph refused a freshly issued token: check that the app belongs to this tenant and cloud.";
  }
  if (/Invalid page size/i.test(message)) return "$top must be between 1 and 999 inclusive (the default page size is 100).";
  if (/ConsistencyLevel|advanced-queries|Sorting not supported/i.test(message)) return ADVANCED_HINT;
  if (/Could not find a property named/i.test(message)) {
    return "Check the property names in $select, $filter and $orderby: they are case-sensitive and must exist on this type.";
  }
  if (/navigation property/i.test(message)) return "Only relationships such as members can be expanded, and $expand returns at most 20 related objects.";
  if (code === "Directory_ExpiredPageToken") return "The page link expired: start the listing again from the first page.";
  if (code === "syncStateNotFound" || status === 410) return "The delta token expired (after about 7 days): run a full sync without a token.";
  if (status === 404) return "Nothing with this id exists in the tenant (it may have been deleted). Check the id or the path.";
  if (status === 429) return "Graph throttled this app and retries ran out. Wait a minute, lower the page rate, or select fewer properties.";
  if (status >= 500) return "Graph was unavailable and retries ran out. Try again later; nothing was changed.";
  if (status === 400) return "Graph rejected the query. Check the query options against Graph's documentation for this endpoint.";
  return "See Graph's message above.";
}

/** A GraphError for a Graph response with an error status. */
export function explainGraphError(response: GraphResponse, path: string, ctx: ErrorContext): GraphError {
  const parsed = graphErrorBody.safeParse(response.body);
  const graphCode = parsed.success ? parsed.data.error.code : `http_${response.status}`;
  const graphMessage = parsed.success && parsed.data.error.message ? parsed.data.error.message : `Graph answered HTTP ${response.status}.`;
  const inner = parsed.success ? parsed.data.error.innerError : undefined;
  const requestId = response.requestId ?? (typeof inner?.["request-id"] === "string" ? (inner["request-id"] as string) : undefined);
  const hint = graphHint(response.status, graphCode, graphMessage, path, ctx);
  if (response.status === 401 && ctx.staticToken) {
    return new GraphError("token_expired", "The token has expired, paste a new one or use client credentials.", {
      status: 401, hint: `Graph said: ${graphCode}: ${graphMessage}`, requestId, graphCode, response,
    });
  }
  return new GraphError(graphCode, graphMessage, { status: response.status, hint, requestId, graphCode, response });
}

const tokenErrorBody = z.object({
  error: z.string(),
  error_description: z.string().optional().default(""),
  error_codes: z.array(z.number()).optional(),
  trace_id: z.string().optional(),
  correlation_id: z.string().optional(),
});

/** Hints for the AADSTS codes people meet when connecting an app. */
function tokenHint(aadsts: number | undefined, ctx: ErrorContext): string {
  const tenant = ctx.tenantId ? `'${ctx.tenantId}'` : "the tenant";
  const app = ctx.clientId ? `'${ctx.clientId}'` : "the client ID";
  switch (aadsts) {
    case 7000215:
      return "You pasted the secret's ID, not its value. In Certificates & secrets the Value is shown only once, when the secret is created: create a new client secret and copy its Value.";
    case 7000222:
      return "The client secret has expired. Create a new one under Certificates & secrets and paste its Value.";
    case 7000218:
      return "No client secret was sent: paste the secret's Value.";
    case 90002:
      return `Tenant ${tenant} was not found in the ${ctx.cloud.label} cloud. Use the Directory (tenant) ID from Entra ID > Overview or the primary domain, and check the cloud.`;
    case 900023:
      return `Tenant ${tenant} is not a valid tenant ID or domain. Use the Directory (tenant) ID (a GUID) or a verified domain.`;
    case 700016:
      return `No application with client ID ${app} exists in tenant ${tenant}. Use the Application (client) ID from App registrations > Overview, check the tenant, and for an app from another tenant have an administrator consent to it.`;
    case 70011:
      return `The scope must be ${ctx.cloud.scope} (the .default scope of the cloud's Graph host).`;
    case 700024:
    case 700027:
      return "The client assertion (certificate) was refused: check the certificate uploaded to the app registration.";
    case 500011:
    case 65001:
      return `The app is not consented in this tenant: ${consentHint(ctx)}.`;
    case 7000112:
      return "The application is disabled in this tenant. Enable its service principal (Enterprise applications > Properties).";
    default:
      return "Entra ID refused the client credentials. Check the tenant, client ID, secret value and cloud.";
  }
}

/** A GraphError for a failed token request (client credentials). */
export function explainTokenError(status: number, body: unknown, ctx: ErrorContext): GraphError {
  const parsed = tokenErrorBody.safeParse(body);
  if (!parsed.success) {
    return new GraphError("token_request_failed", `The token endpoint answered HTTP ${status} without an OAuth error.`, {
      status: 502,
      hint: "Check the cloud and that the login host is reachable; a proxy may be answering instead of Entra ID.",
    });
  }
  const { error, error_description, error_codes, trace_id } = parsed.data;
  const aadsts = error_codes?.[0] ?? Number(/AADSTS(\d+)/.exec(error_description)?.[1] ?? NaN);
  const message = error_description.split(/\r?\n| Trace ID:/)[0]!.trim() || error;
  return new GraphError(error, message, {
    // The person's input was wrong: 400/401 say so, not 500.
    status: status >= 400 && status < 500 ? status : 502,
    hint: tokenHint(Number.isNaN(aadsts) ? undefined : aadsts, ctx),
    requestId: trace_id,
    graphCode: error,
    aadsts: Number.isNaN(aadsts) ? undefined : aadsts,
  });
}
