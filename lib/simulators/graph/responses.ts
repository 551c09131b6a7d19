/** Graph-shaped responses and errors of the simulator. */
import { randomUUID } from "node:crypto";

/** An error the simulator answers with Graph's error envelope. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "SimError";
  }
}

export const GRAPH_JSON = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

export function requestIds(request: Request): RequestIds {
  const requestId = randomUUID();
  return { requestId, clientRequestId: request.headers.get("client-request-id") ?? requestId };
}

function commonHeaders(ids: RequestIds, extra: Record<string, string> = {}): Headers {
  const h = new Headers(extra);
  h.set("request-id", ids.requestId);
  h.set("client-request-id", ids.clientRequestId);
  h.set("x-ms-ags-diagnostic", JSON.stringify({ ServerInfo: { DataCenter: "Demo", Slice: "E", Ring: "0", ScaleUnit: "000", RoleInstance: "DEMO", ADSiteName: "DEMO" } }));
  h.set("cache-control", "no-cache");
  h.set("strict-transport-security", "max-age=31536000");
  return h;
}

export function graphJson(body: unknown, ids: RequestIds, status = 200, extra: Record<string, string> = {}): Response {
  const h = commonHeaders(ids, extra);
  h.set("content-type", GRAPH_JSON);
  return new Response(JSON.stringify(body), { status, headers: h });
}

export function graphErrorResponse(error: SimError, ids: RequestIds): Response {
  const h = commonHeaders(ids, error.headers);
  h.set("content-type", "application/json");
  const body = {
    error: {
      code: error.code,
      message: error.message,
      innerError: { date: new Date().toISOString().replace(/\.\d{3}Z$/, ""), "request-id": ids.requestId, "client-request-id": ids.clientRequestId },
    },
  };
  return new Response(JSON.stringify(body), { status: error.status, headers: h });
}

export const unsupportedQuery = (message: string) => new SimError(400, "Request_UnsupportedQuery", message);
export const badRequest = (message: string) => new SimError(400, "BadRequest", message);
export const notFound = (id: string) =>
  new SimError(404, "Request_ResourceNotFound", `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
export const insufficientPrivileges = () => new SimError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");

export const ADVANCED_QUERY_HINT =
  "Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information";
