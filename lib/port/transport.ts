/**
 * One HTTP path to Port for every call of the client: base URL fixed at construction
 * (so the bearer token only ever goes to that origin), bounded adaptive concurrency,
 * retries on 429/408/502/503/504, network failures and attempts that time out,
 * honouring the server's wait, and one token renewal on a 401.
 * - A redirect is refused at once, never followed (it could take the secret or the token
 *   to another host) and not retried.
 * - An answer is read whole inside the attempt, up to a cap: a body cut off on the way (a
 *   reset, a premature close) is a network failure and retried like one; a body over the
 *   cap is refused while it streams in, never held whole.
 */
import { untilAborted } from "../net/backoff";
import { readCappedResponseText } from "../net/body";
import { redirectTarget } from "../net/redirects";
import type { AdaptiveLimiter } from "./concurrency";
import { PortError, isPortError, portErrorFromResponse } from "./errors";
import { RETRYABLE_STATUSES, retryDelayMs, type RetryPolicy } from "./retry";
import type { TokenProvider } from "./token";

/** A retry about to happen: for progress bars and logs. */
export interface RetryEvent {
  method: string;
  path: string;
  attempt: number;
  /** The status that caused it, or undefined for a network failure. */
  status?: number;
  delayMs: number;
}

export interface TransportOptions {
  baseUrl: string;
  fetch: typeof fetch;
  limiter: AdaptiveLimiter;
  retry: RetryPolicy;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  random?: () => number;
  onRetry?: (event: RetryEvent) => void;
  /** Longest wait for one attempt's answer before it counts as a network failure. */
  attemptTimeoutMs: number;
  /** Largest answer read (default 16 MiB; the demo Port caps a list page at 4 MiB). */
  maxResponseBytes?: number;
  /** Largest token answer read (default 1 MiB; a real one is a few KB). */
  maxTokenResponseBytes?: number;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;

/** One answer from Port, read whole (the body as text, empty when there was none). */
interface ReceivedAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** What one attempt sends, and what the error messages say about it. */
interface AttemptTarget {
  method: string;
  path: string;
  url: URL;
  maxBytes: number;
  /** What a followed redirect would have carried ("the token", "the client secret"). */
  carried: string;
}

export interface PortRequest {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  query?: Record<string, string | boolean | number | undefined>;
  body?: unknown;
  /** Pre-serialized body (the bulk writer measures it before sending). */
  rawBody?: string;
  signal?: AbortSignal;
  /** What the call was, for error messages ("Creating blueprint x"). */
  what: string;
  /** Told about each retry of this request (the client-wide listener is told too). */
  onRetry?: (event: RetryEvent) => void;
}

export interface PortResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

function cancelled(signal: AbortSignal | undefined): PortError {
  return new PortError("port_cancelled", "The Port operation was cancelled.", { cause: signal?.reason, status: 499 });
}

function redirectRefused(target: AttemptTarget, status: number, location: string): PortError {
  return new PortError(
    "port_redirect_refused",
    `${target.method} ${target.path}: ${target.url.host} answered ${status} with a redirect to ${location}; it was not followed, so ${target.carried} was not sent there.`,
    { hint: "Port's API does not redirect: a redirect comes from a proxy or a wrong base URL. Use Port's API host itself (https://api.port.io or https://api.us.port.io)." },
  );
}

function tooLarge(target: AttemptTarget): PortError {
  const mb = (target.maxBytes / 1024 / 1024).toLocaleString("en-US", { maximumFractionDigits: 1 });
  return new PortError(
    "port_response_too_large",
    `${target.method} ${target.path}: Port's answer is larger than ${mb} MB, the most one answer may be; reading stopped there (${target.url.host}).`,
    { hint: "Nothing past the cap was read or kept. Port's own pages are far smaller: check that the base URL is Port's API." },
  );
}

/**
 * Reads one attempt's answer whole. A redirect or an answer over the cap is a PortError
 * (not retried); a body that fails to arrive throws fetch's own error (a network failure).
 */
async function receive(response: Response, target: AttemptTarget): Promise<ReceivedAnswer> {
  const location = redirectTarget(response, target.url);
  if (location !== null) {
    await response.body?.cancel().catch(() => {});
    throw redirectRefused(target, response.status, location);
  }
  const text = await readCappedResponseText(response, target.maxBytes);
  if (text === null) throw tooLarge(target);
  return { status: response.status, headers: response.headers, text };
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export class PortTransport {
  tokens?: TokenProvider;

  constructor(private readonly options: TransportOptions) {}

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /**
   * Sends with retries but no bearer token (the token endpoint itself). The answer comes
   * back already read (capped), so a token answer cut off on the way was retried here.
   */
  async sendUnauthenticated(path: string, init: RequestInit): Promise<Response> {
    const signal = init.signal ?? undefined;
    const url = this.options.baseUrl + path;
    const target: AttemptTarget = { method: "POST", path, url: new URL(url), maxBytes: this.options.maxTokenResponseBytes ?? DEFAULT_MAX_TOKEN_RESPONSE_BYTES, carried: "the client secret" };
    const answer = await this.withRetries(target, signal, (attemptSignal) =>
      // A redirect could carry the client secret to another host: never followed, refused in receive().
      this.options.fetch(url, { ...init, signal: attemptSignal, redirect: "manual" }),
    );
    return new Response(answer.text === "" ? null : answer.text, { status: answer.status, headers: answer.headers });
  }

  /** Sends an authenticated request; non-2xx answers become a PortError. */
  async request(req: PortRequest): Promise<PortResponse> {
    const answer = await this.send(req);
    const body = parseJson(answer.text);
    if (answer.status < 200 || answer.status > 299) throw portErrorFromResponse(req.what, answer.status, body, answer.headers.get("x-request-id") ?? undefined);
    return { status: answer.status, body, headers: answer.headers };
  }

  private async send(req: PortRequest): Promise<ReceivedAnswer> {
    if (!this.tokens) throw new Error("PortTransport used before its token provider was set");
    const tokens = this.tokens;
    let url = this.options.baseUrl + req.path;
    const query = Object.entries(req.query ?? {}).filter(([, v]) => v !== undefined);
    if (query.length) url += "?" + new URLSearchParams(query.map(([k, v]) => [k, String(v)])).toString();
    const payload = req.rawBody ?? (req.body === undefined ? undefined : JSON.stringify(req.body));
    const target: AttemptTarget = { method: req.method, path: req.path, url: new URL(url), maxBytes: this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, carried: "the token" };
    let renewedAfter401 = false;
    for (;;) {
      let usedToken = "";
      const getToken = async () => {
        // The token request is shared by every caller: a cancelled caller stops waiting
        // for it at once (the others keep waiting).
        usedToken = await untilAborted(tokens.get(), req.signal, cancelled);
      };
      const attempt = (signal: AbortSignal) =>
        this.options.fetch(url, {
          // A redirect could carry the token to another host or path: never followed, refused in receive().
          redirect: "manual",
          method: req.method,
          headers: { authorization: `Bearer ${usedToken}`, ...(payload === undefined ? {} : { "content-type": "application/json" }) },
          body: payload,
          signal,
        });
      const answer = await this.withRetries(target, req.signal, attempt, getToken, req.onRetry);
      if (answer.status === 401 && !renewedAfter401) {
        // The token may have been revoked or expired early: renew once, then give up.
        tokens.invalidate(usedToken);
        renewedAfter401 = true;
        continue;
      }
      return answer;
    }
  }

  /**
   * Runs `attempt` and reads its answer under the concurrency bound, retrying retryable
   * answers and network failures (a body cut off on the way is one). The slot is released
   * while waiting, so a backoff does not hold capacity.
   */
  private async withRetries(
    target: AttemptTarget,
    signal: AbortSignal | undefined,
    /** One try; its signal also fires after `attemptTimeoutMs` (a hung connection is retried). */
    attempt: (signal: AbortSignal) => Promise<Response>,
    /** Runs before each attempt, outside the bound (getting a token uses a slot itself). */
    prepare?: () => Promise<void>,
    onRetry?: (event: RetryEvent) => void,
  ): Promise<ReceivedAnswer> {
    const { method, path } = target;
    const { limiter, retry, now } = this.options;
    /** When the first attempt went out: the budget (retry.ts) counts from there. */
    let firstSentAt: number | undefined;
    for (let n = 1; ; n++) {
      if (signal?.aborted) throw cancelled(signal);
      let response: ReceivedAnswer | undefined;
      let failure: unknown;
      let sentAt = limiter.generation;
      try {
        await prepare?.();
        const left = firstSentAt === undefined ? retry.budgetMs : firstSentAt + retry.budgetMs - now();
        const timeout = AbortSignal.timeout(Math.max(1, Math.min(this.options.attemptTimeoutMs, left)));
        response = await limiter.run(async () => {
          sentAt = limiter.generation;
          firstSentAt ??= now();
          // The attempt's timeout covers the body too: a body that stalls is retried.
          return receive(await attempt(signal ? AbortSignal.any([signal, timeout]) : timeout), target);
        });
      } catch (error) {
        if (isPortError(error)) throw error; // the token request failed for good, a redirect, an answer over the cap
        if (signal?.aborted) throw cancelled(signal);
        failure = error;
      }
      if (response && !RETRYABLE_STATUSES.has(response.status)) {
        if (response.status >= 200 && response.status <= 299) limiter.succeeded();
        return response;
      }
      if (response?.status === 429) limiter.throttled(sentAt);
      const delayMs = retryDelayMs(n, response?.headers, retry, now(), this.options.random);
      const elapsed = firstSentAt === undefined ? undefined : now() - firstSentAt;
      if (n >= retry.maxAttempts || (elapsed !== undefined && elapsed + delayMs >= retry.budgetMs)) {
        if (response) return response; // the caller turns it into a PortError with Port's message
        const took = elapsed === undefined ? "" : ` in ${Math.round(elapsed / 1000)} s`;
        throw new PortError("port_unreachable", `${method} ${path}: Port could not be reached after ${n} attempt${n > 1 ? "s" : ""}${took} (${describeFailure(failure)}).`, {
          hint: "Check the network path to Port and the region; retry later.",
          cause: failure,
        });
      }
      const event: RetryEvent = { method, path, attempt: n, status: response?.status, delayMs };
      this.options.onRetry?.(event);
      onRetry?.(event);
      try {
        await this.options.sleep(delayMs, signal);
      } catch {
        throw cancelled(signal);
      }
    }
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}

