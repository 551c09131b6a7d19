/**
 * One error model for everything that reaches a person (UI, API, CLI).
 * `code` is stable and machine-readable, `message` says what happened, `hint` what to do.
 * Where it applies, `location` points into a document (YAML path, line, column) and
 * `requestId` names the upstream request (Graph's request-id, Port's request id).
 */
export interface ErrorLocation {
  /** Dotted path into the document, e.g. `resources[1].port.entity.mappings.title`. */
  path?: string;
  /** 1-based line and column. */
  line?: number;
  column?: number;
}

export interface AppErrorShape {
  code: string;
  message: string;
  hint?: string;
  location?: ErrorLocation;
  requestId?: string;
}

export interface AppErrorOptions {
  hint?: string;
  location?: ErrorLocation;
  requestId?: string;
  /** HTTP status a route handler should answer with. */
  status?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: string;
  readonly hint?: string;
  readonly location?: ErrorLocation;
  readonly requestId?: string;
  readonly status: number;

  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.hint = options.hint;
    this.location = options.location;
    this.requestId = options.requestId;
    this.status = options.status ?? 500;
  }

  toJSON(): AppErrorShape {
    const out: AppErrorShape = { code: this.code, message: this.message };
    if (this.hint !== undefined) out.hint = this.hint;
    if (this.location !== undefined) out.location = this.location;
    if (this.requestId !== undefined) out.requestId = this.requestId;
    return out;
  }
}

/**
 * Also true for an AppError made by another copy of this module: Next bundles
 * instrumentation (where the sync runner lives) apart from the routes, so one class can
 * exist twice in one process and `instanceof` alone would turn a 409 into a 500.
 */
export function isAppError(value: unknown): value is AppError {
  if (value instanceof AppError) return true;
  if (!(value instanceof Error)) return false;
  const v = value as Partial<AppError>;
  return typeof v.code === "string" && typeof v.status === "number";
}

/**
 * Turns anything thrown into the shape a person sees, without leaking internals: an
 * unexpected error's own message (a file path, a SQL fragment) stays in the server log.
 */
export function toErrorShape(error: unknown): AppErrorShape {
  if (isAppError(error)) return AppError.prototype.toJSON.call(error);
  return {
    code: "internal_error",
    message: "Something went wrong on the server.",
    hint: "This is a bug in entra-port-builder; the server log has the details.",
  };
}

/**
 * The answer to an API call without a session. One definition for proxy.ts and the
 * route handlers' guard, kept in this dependency-free module so both can import it.
 */
export const UNAUTHORIZED_ERROR: AppErrorShape = {
  code: "unauthorized",
  message: "You are not signed in.",
  hint: "Sign in at /signin, then retry.",
};
