/**
 * `POST {login}/{tenant}/oauth2/v2.0/token` for the client-credentials grant, answering
 * like Entra ID: 400 for an unknown tenant (AADSTS90002) or app (AADSTS700016), 401 for a
 * bad secret (AADSTS7000215, typically the secret's ID pasted instead of its value).
 */
import { readLimitedText } from "../../net/body";
import { randomUUID } from "node:crypto";
import { DEMO_APPS, DEMO_TENANT } from "./credentials";
import type { GenContext } from "./data";
import type { TokenSigner } from "./tokens";

const GRAPH_RESOURCES = [
  "https://graph.microsoft.com", "https://graph.microsoft.us", "https://dod-graph.microsoft.us",
  "https://microsoftgraph.chinacloudapi.cn", "00000003-0000-0000-c000-000000000000",
];

function oauthError(status: number, error: string, code: number, text: string): Response {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
  const body = {
    error,
    error_description: `AADSTS${code}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  };
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store, no-cache" } });
}

const TOKEN_BODY_LIMIT = 64 * 1024;
const missing = (name: string) => oauthError(400, "invalid_request", 900144, `The request body must contain the following parameter: '${name}'.`);

export interface TokenEndpointContext {
  gen: GenContext;
  signer: TokenSigner;
  now(): number;
  tokenLifetimeSeconds: number;
  tokenGeneration: number;
}

export async function handleTokenRequest(request: Request, tenant: string, ctx: TokenEndpointContext): Promise<Response> {
  if (request.method !== "POST") return oauthError(405, "invalid_request", 900561, "The endpoint only accepts POST, OPTIONS requests. Received a GET request.");
  const known = [DEMO_TENANT, ctx.gen.tenantId, ctx.gen.initialDomain, ctx.gen.mailDomain];
  let name = tenant;
  try {
    name = decodeURIComponent(tenant);
  } catch {
    // A broken percent-encoding names no tenant: AADSTS90002 like any unknown one.
  }
  if (!known.includes(name.toLowerCase())) {
    return oauthError(400, "invalid_tenant", 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`);
  }
  // A token request is a few hundred bytes; a huge one is refused unread.
  const text = await readLimitedText(request, TOKEN_BODY_LIMIT);
  if (text === null) return oauthError(413, "invalid_request", 90014, `The request body is larger than ${TOKEN_BODY_LIMIT} bytes.`);
  const form = new URLSearchParams(text);
  const grant = form.get("grant_type");
  if (!grant) return missing("grant_type");
  if (grant !== "client_credentials") return oauthError(400, "unsupported_grant_type", 70003, `The app requested an unsupported grant type '${grant}'.`);
  const clientId = form.get("client_id");
  if (!clientId) return missing("client_id");
  const app = DEMO_APPS[clientId];
  if (!app) {
    return oauthError(400, "unauthorized_client", 700016, `Application with identifier '${clientId}' was not found in the directory 'Contoso (demo)'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
  }
  const secret = form.get("client_secret");
  if (!secret && !form.get("client_assertion")) return oauthError(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  if (secret !== app.secret) {
    return oauthError(401, "invalid_client", 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`);
  }
  const scope = form.get("scope");
  if (!scope) return missing("scope");
  const resource = scope.endsWith("/.default") ? scope.slice(0, -"/.default".length) : null;
  if (!resource || !GRAPH_RESOURCES.includes(resource)) {
    return oauthError(400, "invalid_scope", 70011, `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid. The scope format is invalid. Scope must be in a valid URI form <https://example/scope> or a valid Guid <guid/scope>.`);
  }
  const now = Math.floor(ctx.now() / 1000);
  const access = ctx.signer.issue({
    aud: resource.startsWith("http") ? resource : "https://graph.microsoft.com",
    iss: `https://sts.windows.net/${ctx.gen.tenantId}/`,
    iat: now,
    nbf: now,
    exp: now + ctx.tokenLifetimeSeconds,
    appid: clientId,
    tid: ctx.gen.tenantId,
    roles: [...app.roles],
    gen: ctx.tokenGeneration,
  });
  return new Response(
    JSON.stringify({ token_type: "Bearer", expires_in: ctx.tokenLifetimeSeconds, ext_expires_in: ctx.tokenLifetimeSeconds, access_token: access }),
    { status: 200, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store, no-cache" } },
  );
}
