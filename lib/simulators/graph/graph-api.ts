/**
 * The Graph side of the demo tenant: bearer-token checks like Graph (401 for a missing,
 * invalid or expired token; 403 when the app lacks the permission), then routing of
 * `/v1.0/...` to the read endpoints, `$batch` included.
 */
import { readBatch, serveBatch } from "./batch";
import type { CollectionKind, GraphObject } from "./data";
import { organizationAt } from "./data/apps";
import { getObject, listCollection, type EndpointContext } from "./collections";
import { delta, isDeltaKind } from "./delta";
import { listMemberOf, listMembers } from "./members";
import type { PageTokens } from "./paging";
import { checkUrlLength, readRequestQuery, type RequestQuery } from "./query-options";
import { badRequest, graphErrorResponse, graphJson, insufficientPrivileges, requestIds, SimError } from "./responses";
import type { DemoTenant } from "./tenant";
import type { Throttle } from "./throttle";
import type { TokenSigner } from "./tokens";

export interface GraphApiContext {
  tenant: DemoTenant;
  signer: TokenSigner;
  now(): number;
  premium: boolean;
  tokenGeneration: number;
  /** Signs page and delta tokens (a key per simulator instance). */
  pageTokens: PageTokens;
  /** Resource-unit throttling; absent: no limit. */
  throttle?: Throttle;
}

/** Application permissions that allow reading each top-level segment (any one suffices). */
const READ_PERMISSIONS: Record<string, readonly string[]> = {
  users: ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  groups: ["Group.Read.All", "GroupMember.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  applications: ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  servicePrincipals: ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  devices: ["Device.Read.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  organization: ["Organization.Read.All", "Directory.Read.All", "Directory.ReadWrite.All"],
};

/** Resource units per request (Graph's identity throttling costs), for the x-ms-resource-unit header. */
function cost(segments: string[], query: RequestQuery): number {
  const [set, , nav] = segments;
  let units = nav === "transitiveMembers" ? 5 : nav === "members" ? 3 : set === "users" || set === "applications" ? 2 : 1;
  if (query.options.has("select")) units -= 1;
  if (query.options.has("expand")) units += 1;
  return Math.max(1, units);
}

function authenticate(request: Request, ctx: GraphApiContext): { roles: readonly string[]; app: string } {
  const header = request.headers.get("authorization") ?? "";
  const wwwAuth = { "www-authenticate": 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"' };
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? "";
  if (!token) throw new SimError(401, "InvalidAuthenticationToken", "Access token is empty.", wwwAuth);
  const claims = ctx.signer.verify(token);
  if (!claims || claims.tid !== ctx.tenant.ctx.tenantId) {
    throw new SimError(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience or signature.", wwwAuth);
  }
  const now = Math.floor(ctx.now() / 1000);
  if (claims.exp <= now || claims.nbf > now + 300 || claims.gen < ctx.tokenGeneration) {
    throw new SimError(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.", wwwAuth);
  }
  return { roles: claims.roles, app: `${claims.appid}/${claims.tid}` };
}

/** A path segment; broken percent-encoding is Graph's 400, not a crash of the handler. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`Bad Request - Invalid URL: the segment '${segment}' has a broken percent-encoding.`);
  }
}

/** Serves one Graph request; `path` is what follows the Graph prefix, e.g. `/v1.0/users`. */
export async function handleGraphRequest(request: Request, path: string, graphRoot: string, ctx: GraphApiContext): Promise<Response> {
  const ids = requestIds(request);
  const url = new URL(request.url);
  try {
    // First, before anything reads the URL: $batch steps do not pass Node's header limit.
    checkUrlLength(url);
    const segments = path.split("/").filter(Boolean).map(decodeSegment);
    const version = segments.shift();
    if (version !== "v1.0" && version !== "beta") throw badRequest(`Invalid version: ${version ?? "(none)"}`);
    const graphBase = `${graphRoot}/${version}`;
    const { roles, app } = authenticate(request, ctx);
    if (segments[0] === "$batch" && segments.length === 1) {
      const steps = await readBatch(request);
      return await serveBatch(request, steps, graphBase, ids, (sub, subPath) => handleGraphRequest(sub, subPath, graphRoot, ctx));
    }
    const query = readRequestQuery(url);
    const units = cost(segments, query);
    // Charged before serving, like Graph: a refused request costs nothing.
    const throttleHeaders = ctx.throttle?.take(app, units, ctx.now()) ?? {};
    const body = route(request, segments, {
      tenant: ctx.tenant, query, headers: request.headers, tokens: ctx.pageTokens, graphBase, premium: ctx.premium, roles, now: ctx.now(),
    });
    return graphJson(body, ids, 200, { "x-ms-resource-unit": String(units), ...throttleHeaders });
  } catch (error) {
    if (error instanceof SimError) return graphErrorResponse(error, ids);
    throw error;
  }
}

const COLLECTION_SEGMENTS: Record<string, CollectionKind> = {
  users: "users", groups: "groups", applications: "applications", servicePrincipals: "servicePrincipals", devices: "devices",
};

function route(request: Request, segments: string[], ctx: EndpointContext): GraphObject {
  const [set, id, nav, cast, ...rest] = segments;
  if (!set) throw badRequest("Resource not found for the segment ''.");
  const needed = READ_PERMISSIONS[set];
  if (!needed) throw badRequest(`Resource not found for the segment '${set}'.`);
  if (!needed.some((p) => ctx.roles.includes(p))) throw insufficientPrivileges();
  // The demo apps hold read permissions only, so writes are denied the way Graph denies them.
  if (request.method !== "GET") throw insufficientPrivileges();
  if (rest.length) throw badRequest(`Resource not found for the segment '${rest[0]}'.`);

  if (set === "organization") {
    const org = organizationAt(ctx.tenant.ctx);
    if (id === undefined) return { "@odata.context": `${ctx.graphBase}/$metadata#organization`, value: [org] };
    if (id === org.id && nav === undefined) return { "@odata.context": `${ctx.graphBase}/$metadata#organization/$entity`, ...org };
    throw new SimError(404, "Request_ResourceNotFound", `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  }
  const kind = COLLECTION_SEGMENTS[set]!;
  if (id === undefined) return listCollection(ctx, kind) as GraphObject;
  if (id === "delta" && nav === undefined) {
    if (!isDeltaKind(kind)) throw badRequest(`Resource not found for the segment 'delta'.`);
    return delta(ctx, kind, ctx.now);
  }
  if (nav === undefined) return getObject(ctx, kind, id);
  if (kind === "groups" && (nav === "members" || nav === "transitiveMembers")) return listMembers(ctx, id, nav === "transitiveMembers", cast);
  if (nav === "memberOf" && (kind === "users" || kind === "groups" || kind === "servicePrincipals")) return listMemberOf(ctx, kind, id, cast);
  throw badRequest(`Resource not found for the segment '${nav}'.`);
}

