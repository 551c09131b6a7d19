/**
 * One HTTP path to Port for every call of the client: base URL fixed at construction
 * (so the bearer token only ever goes to that origin), bounded adaptive concurrency,
 * retries on 429/408/502/503/504, network failures and attempts that time out,
 * honouring the server's wait, and one token renewal on a 401.
 */
import { untilAborted } from "../net/backoff";
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

export class PortTransport {
  tokens?: TokenProvider;

  constructor(private readonly options: TransportOptions) {}

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /** Sends with retries but no bearer token (the token endpoint itself). */
  sendUnauthenticated(path: string, init: RequestInit): Promise<Response> {
    const signal = init.signal ?? undefined;
    return this.withRetries("POST", path, signal, (attemptSignal) => this.options.fetch(this.options.baseUrl + path, { ...init, signal: attemptSignal, redirect: "error" }));
  }

  /** Sends an authenticated request; non-2xx answers become a PortError. */
  async request(req: PortRequest): Promise<PortResponse> {
    const response = await this.send(req);
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw portErrorFromResponse(req.what, response.status, body, response.headers.get("x-request-id") ?? undefined);
    return { status: response.status, body, headers: response.headers };
  }

  private async send(req: PortRequest): Promise<Response> {
    if (!this.tokens) throw new Error("PortTransport used before its token provider was set");
    const tokens = this.tokens;
    let url = this.options.baseUrl + req.path;
    const query = Object.entries(req.query ?? {}).filter(([, v]) => v !== undefined);
    if (query.length) url += "?" + new URLSearchParams(query.map(([k, v]) => [k, String(v)])).toString();
    const payload = req.rawBody ?? (req.body === undefined ? undefined : JSON.stringify(req.body));
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
          // A redirect could carry the secret or the token to another host or path: never follow one.
          redirect: "error",
          method: req.method,
          headers: { authorization: `Bearer ${usedToken}`, ...(payload === undefined ? {} : { "content-type": "application/json" }) },
          body: payload,
          signal,
        });
      const response = await this.withRetries(req.method, req.path, req.signal, attempt, getToken, req.onRetry);
      if (response.status === 401 && !renewedAfter401) {
        // The token may have been revoked or expired early: renew once, then give up.
        await response.body?.cancel();
        tokens.invalidate(usedToken);
        renewedAfter401 = true;
        continue;
      }
      return response;
    }
  }

  /**
   * Runs `attempt` under the concurrency bound, retrying retryable answers and network
   * failures. The slot is released while waiting, so a backoff does not hold capacity.
   */
  private async withRetries(
    method: string,
    path: string,
    signal: AbortSignal | undefined,
    /** One try; its signal also fires after `attemptTimeoutMs` (a hung connection is retried). */
    attempt: (signal: AbortSignal) => Promise<Response>,
    /** Runs before each attempt, outside the bound (getting a token uses a slot itself). */
    prepare?: () => Promise<void>,
    onRetry?: (event: RetryEvent) => void,
  ): Promise<Response> {
    const { limiter, retry } = this.options;
    for (let n = 1; ; n++) {
      if (signal?.aborted) throw cancelled(signal);
      let response: Response | undefined;
      let failure: unknown;
      let sentAt = limiter.generation;
      try {
        await prepare?.();
        const timeout = AbortSignal.timeout(this.options.attemptTimeoutMs);
        response = await limiter.run(() => {
          sentAt = limiter.generation;
          return attempt(signal ? AbortSignal.any([signal, timeout]) : timeout);
        });
      } catch (error) {
        if (isPortError(error)) throw error; // e.g. the token request failed for good
        if (signal?.aborted) throw cancelled(signal);
        failure = error;
      }
      if (response && !RETRYABLE_STATUSES.has(response.status)) {
        if (response.ok) limiter.succeeded();
        return response;
      }
      if (response?.status === 429) limiter.throttled(sentAt);
      if (n >= retry.maxAttempts) {
        if (response) return response; // the caller turns it into a PortError with Port's message
        throw new PortError("port_unreachable", `${method} ${path}: Port could not be reached after ${n} attempts (${describeFailure(failure)}).`, {
          hint: "Check the network path to Port and the region; retry later.",
          cause: failure,
        });
      }
      const delayMs = retryDelayMs(n, response?.headers, retry, this.options.now(), this.options.random);
      await response?.body?.cancel();
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

