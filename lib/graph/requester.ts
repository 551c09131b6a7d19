/**
 * The requester: one Graph request with the bearer token, retries and timing.
 * - 429/503/504: wait Retry-After, else backoff with jitter; bounded attempts and budget.
 * - 401: renew the token once (client credentials); a static token fails with its hint.
 * - Network failures, timeouts and cut-off JSON: retried for idempotent methods.
 * - Any other 4xx fails at once with an explained GraphError.
 * - A redirect is refused, never followed (it could take the token to another host).
 * - An answer larger than `maxResponseBytes` is refused as it streams in (never held whole).
 * The token is only ever sent to the Graph origin it was configured for.
 */
import { randomUUID } from "node:crypto";
import type { Allowlist } from "./allowlist";
import { explainGraphError, GraphError, type ErrorContext, type GraphResponse } from "./errors";
import { backoffDelay, parseRetryAfter, type Sleep } from "../net/backoff";
import { readCappedResponseText } from "../net/body";
import { redirectTarget } from "../net/redirects";
import { RETRYABLE_STATUSES, type RetryPolicy } from "./retry";
import type { TokenProvider } from "./token-providers";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const IDEMPOTENT = new Set<HttpMethod>(["GET", "PUT", "DELETE"]);

export interface SendOptions {
  method?: HttpMethod;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

export interface RequesterConfig {
  graphOrigin: string;
  /** Pathname of the version root, e.g. `/v1.0` or `/graph/v1.0`, to name paths in hints. */
  graphBasePath: string;
  allowlist: Allowlist;
  tokenProvider: TokenProvider;
  errorContext: ErrorContext;
  retry: RetryPolicy;
  sleep: Sleep;
  fetch: typeof fetch;
  timeoutMs: number;
  /** Largest answer read; a larger one is refused while it streams in. */
  maxResponseBytes: number;
  random: () => number;
  now: () => number;
}

function aborted(signal: AbortSignal): GraphError {
  return new GraphError("aborted", "The request was cancelled.", { status: 499, hint: "Nothing more was fetched.", cause: signal.reason });
}

function tooLarge(url: URL, path: string, maxBytes: number): GraphError {
  const mb = (maxBytes / 1024 / 1024).toLocaleString("en-US", { maximumFractionDigits: 1 });
  return new GraphError("response_too_large", `Graph's answer from ${path} is larger than ${mb} MB, the most one answer may be; reading stopped there (${url.host}).`, {
    status: 502,
    hint: "Ask for fewer items per page ($top) or fewer properties ($select); nothing past the cap was read or kept.",
  });
}

function redirectRefused(url: URL, status: number, target: string): GraphError {
  return new GraphError("redirect_refused", `${url.host} answered ${status} with a redirect to ${target}; it was not followed, so the token was not sent there.`, {
    status: 502,
    hint: "Graph does not redirect API calls: a redirect comes from a proxy or a wrong base URL. Point the connection at the Graph host itself.",
  });
}

function headersOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

export function createRequester(config: RequesterConfig) {
  const relativePath = (url: URL) => {
    const p = url.pathname.startsWith(config.graphBasePath) ? url.pathname.slice(config.graphBasePath.length) : url.pathname;
    return p || "/";
  };

  return async function send(url: URL, options: SendOptions = {}): Promise<GraphResponse> {
    const method = options.method ?? "GET";
    const signal = options.signal;
    if (url.origin !== config.graphOrigin) {
      throw new GraphError("origin_mismatch", `Refused to send the Graph token to ${url.origin}.`, {
        status: 400, hint: `Requests and page links must stay on ${config.graphOrigin}.`,
      });
    }
    config.allowlist.assert(url);
    const startedAt = config.now();
    const deadline = startedAt + config.retry.budgetMs;
    let attempts = 0;
    let waitedMs = 0;
    let renewed = false;
    let lastFailure: GraphError | null = null;

    const wait = async (ms: number, failure: GraphError): Promise<boolean> => {
      lastFailure = failure;
      if (attempts >= config.retry.maxAttempts || config.now() + ms > deadline) return false;
      waitedMs += ms;
      try {
        await config.sleep(ms, signal);
      } catch {
        throw aborted(signal!);
      }
      return true;
    };

    for (;;) {
      if (signal?.aborted) throw aborted(signal);
      attempts += 1;
      let token: string;
      try {
        token = await config.tokenProvider.getToken({ signal });
      } catch (error) {
        // A cancel while the token is fetched is a cancel, not a raw AbortError.
        if (signal?.aborted) throw aborted(signal);
        throw error;
      }
      const t0 = config.now();
      let res: Response;
      let text: string | null;
      let redirect: string | null;
      try {
        // One attempt may not outlive the request's budget.
        const timeout = AbortSignal.timeout(Math.max(1, Math.min(config.timeoutMs, deadline - t0)));
        res = await config.fetch(url, {
          method,
          headers: {
            accept: "application/json",
            ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
            ...options.headers,
            authorization: `Bearer ${token}`,
            "client-request-id": randomUUID(),
            "return-client-request-id": "true",
          },
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
          // A redirect could carry the token elsewhere: never followed, refused below.
          redirect: "manual",
        });
        redirect = redirectTarget(res, url);
        if (redirect !== null) await res.body?.cancel().catch(() => {});
        text = redirect === null ? await readCappedResponseText(res, config.maxResponseBytes) : "";
      } catch (error) {
        if (signal?.aborted) throw aborted(signal);
        const failure = new GraphError("network_error", `Could not get an answer from ${url.host}: ${(error as Error).message}.`, {
          status: 502, cause: error, hint: "The connection failed or timed out; retries ran out. Check the network and try again.",
        });
        if (IDEMPOTENT.has(method) && (await wait(backoffDelay(attempts, config.retry, config.random), failure))) continue;
        throw lastFailure ?? failure;
      }
      if (redirect !== null) throw redirectRefused(url, res.status, redirect);
      if (text === null) throw tooLarge(url, relativePath(url), config.maxResponseBytes);
      const headers = headersOf(res);
      const requestId = headers["request-id"];
      const timing = { startedAt, durationMs: config.now() - t0, attempts, waitedMs };
      let body: unknown = null;
      let parseFailed = false;
      if (text.length > 0) {
        try {
          body = JSON.parse(text);
        } catch {
          parseFailed = true;
          body = text;
        }
      }
      const response: GraphResponse = { url: url.href, status: res.status, headers, body, requestId, timing };

      if (res.ok) {
        if (!parseFailed) return response;
        const failure = new GraphError("invalid_json", `Graph's answer from ${relativePath(url)} is not complete JSON (${text.length} bytes).`, {
          status: 502, requestId, response, hint: "The response was cut off; retries ran out. Try again.",
        });
        if (IDEMPOTENT.has(method) && (await wait(backoffDelay(attempts, config.retry, config.random), failure))) continue;
        throw failure;
      }
      if (res.status === 401 && !renewed && config.tokenProvider.invalidate()) {
        renewed = true;
        continue;
      }
      const failure = explainGraphError(response, relativePath(url), config.errorContext);
      if (RETRYABLE_STATUSES.has(res.status)) {
        // Retry-After is honoured in full (retrying earlier only earns another 429); the
        // budget decides whether it is worth waiting at all.
        const retryAfter = parseRetryAfter(headers["retry-after"], Date.now());
        const delay = retryAfter ?? backoffDelay(attempts, config.retry, config.random);
        if (await wait(delay, failure)) continue;
      }
      throw failure;
    }
  };
}
