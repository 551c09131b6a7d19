/**
 * `PortError`: every failure of the Port client, in the app's one error model.
 * `code` is stable (`port_auth_failed`, `port_not_found`, ...), `upstreamStatus` is what
 * Port answered (absent for network failures), `portError` is Port's own error name.
 */
import { AppError } from "../errors";
import type { UpsertResult } from "./entities";
import type { DeleteResult } from "./entity-deletes";
import { portErrorBodySchema } from "./schemas";

export type PortErrorCode =
  | "port_host_not_allowed"
  | "port_auth_failed"
  | "port_not_found"
  | "port_bad_request"
  | "port_too_large"
  | "port_rate_limited"
  | "port_unavailable"
  | "port_unreachable"
  | "port_invalid_response"
  | "port_redirect_refused"
  | "port_response_too_large"
  | "port_blueprint_conflict"
  | "port_cancelled"
  | "port_request_failed";

export interface PortErrorOptions {
  hint?: string;
  upstreamStatus?: number;
  portError?: string;
  requestId?: string;
  cause?: unknown;
  status?: number;
}

export class PortError extends AppError {
  declare readonly code: PortErrorCode;
  readonly upstreamStatus?: number;
  readonly portError?: string;
  /**
   * Set when a bulk write (upsert or delete) stopped midway, cancelled or failed: what
   * Port had confirmed until then, so a caller can report "N written" and knows the run
   * was incomplete (a sync must then not reconcile).
   */
  partial?: UpsertResult | DeleteResult;

  constructor(code: PortErrorCode, message: string, options: PortErrorOptions = {}) {
    // What the app's own route should answer: Port failing is a bad gateway, except
    // where the caller's input (host, blueprint conflict) is at fault.
    const status = options.status ?? (code === "port_host_not_allowed" || code === "port_blueprint_conflict" ? 400 : 502);
    super(code, message, { hint: options.hint, requestId: options.requestId, cause: options.cause, status });
    this.name = "PortError";
    this.upstreamStatus = options.upstreamStatus;
    this.portError = options.portError;
  }
}

export function isPortError(value: unknown): value is PortError {
  return value instanceof PortError;
}

function codeForStatus(status: number): PortErrorCode {
  if (status === 401 || status === 403) return "port_auth_failed";
  if (status === 404) return "port_not_found";
  if (status === 413) return "port_too_large";
  if (status === 429) return "port_rate_limited";
  if (status === 502 || status === 503 || status === 504) return "port_unavailable";
  if (status >= 400 && status < 500) return "port_bad_request";
  return "port_request_failed";
}

const hints: Partial<Record<PortErrorCode, string>> = {
  port_auth_failed: "Check the Port client id and secret (Port: Builder > ... > Credentials) and the region.",
  port_not_found: "Create the blueprint (or integration) in Port first, or let the builder create the blueprints.",
  port_too_large: "Port accepts at most 1 MiB per request; reduce the properties this mapping writes.",
  port_rate_limited: "Port's rate limit was hit repeatedly; wait a few minutes and run again.",
  port_unavailable: "Port did not answer properly; retry later.",
  port_bad_request: "Port rejected the request; its message says which field.",
};

/** Builds the error for a non-success answer from Port, keeping Port's own message. */
export function portErrorFromResponse(what: string, status: number, body: unknown, requestId?: string): PortError {
  const parsed = portErrorBodySchema.safeParse(body);
  const portMessage = parsed.success ? parsed.data.message : undefined;
  const portError = parsed.success ? parsed.data.error : undefined;
  const code = codeForStatus(status);
  const message = `${what} failed: Port answered ${status}${portMessage ? `: ${portMessage}` : ""}`;
  return new PortError(code, message, { hint: hints[code], upstreamStatus: status, portError, requestId });
}
