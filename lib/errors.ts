/**
 * One error model for everything that reaches a person (UI, API, CLI).
 * `code` is stable and machine-readable, `message` says what happened, `hint` what to do.
 * Where it applies, `location` points into a document (YAML path, line, column) and
 * `requestId` names the upstream request (Graph's request-id, Port's request id).
 */
/**
 * Secrets by value: every secret the app encrypts or decrypts (lib/server/secrets.ts) is
 * remembered here, so a message, hint or log line that quotes one (an upstream 401 body
 * echoing the token, a request dump under any key name) is censored wherever it goes.
 * On globalThis because Next bundles instrumentation apart from the routes: both copies
 * of this module must share one list. Bounded: the oldest are forgotten first.
 */
const MAX_KNOWN_SECRETS = 10_000;
/** Shorter values are too likely to be ordinary text ("eu", "demo") to censor by value. */
const MIN_SECRET_LENGTH = 8;
const REDACTED = "[redacted]";
const registry = globalThis as unknown as { __entraPortKnownSecrets?: Set<string> };
const knownSecrets = (registry.__entraPortKnownSecrets ??= new Set<string>());

export function rememberSecret(value: string): void {
  if (value.length < MIN_SECRET_LENGTH || knownSecrets.has(value)) return;
  knownSecrets.add(value);
  // How it reads inside a JSON string or a URL, where a log line or a request dump has it.
  for (const form of [JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]) if (form !== value) knownSecrets.add(form);
  while (knownSecrets.size > MAX_KNOWN_SECRETS) knownSecrets.delete(knownSecrets.values().next().value!);
}

/** Credentials recognised by shape, whoever's they are. */
const SECRET_SHAPES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(Bearer|Basic) [A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED],
  [/([?&;](?:access_token|id_token|refresh_token|client_secret|client_assertion|assertion|code|token|api_?key|password|sig|signature)=)[^&#\s"'\\]+/gi, `$1${REDACTED}`],
];

/** `text` with every remembered secret and every credential-shaped value replaced. */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const secret of knownSecrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  for (const [shape, replacement] of SECRET_SHAPES) out = out.replace(shape, replacement);
  return out;
}

/** A JSON value (an upstream body shown as is) with the same censoring applied to every string in it. */
export function scrubSecretsDeep<T>(value: T): T {
  if (value === undefined) return value;
  const text = JSON.stringify(value);
  const clean = scrubSecrets(text);
  // The replacements hold no quote or backslash, so the censored text is still JSON.
  return clean === text ? value : (JSON.parse(clean) as T);
}

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
    // An upstream answer quoted in a message may echo the credential that was sent.
    super(scrubSecrets(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.hint = options.hint === undefined ? undefined : scrubSecrets(options.hint);
    this.location = options.location;
    this.requestId = options.requestId;
    this.status = options.status ?? 500;
  }

  toJSON(): AppErrorShape {
    const out: AppErrorShape = { code: this.code, message: scrubSecrets(this.message) };
    if (this.hint !== undefined) out.hint = scrubSecrets(this.hint);
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
