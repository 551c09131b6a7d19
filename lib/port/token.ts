/**
 * Port access tokens from `POST /v1/auth/access_token`: cached, renewed ahead of expiry,
 * and renewed on demand after a 401. Concurrent callers share one token request.
 */
import { PortError, portErrorFromResponse } from "./errors";
import { tokenResponseSchema } from "./schemas";

export interface PortCredentials {
  clientId: string;
  clientSecret: string;
}

export interface TokenProviderOptions {
  /** Sends the token request (the transport's retrying fetch, without a bearer). */
  send: (path: string, init: RequestInit) => Promise<Response>;
  credentials: PortCredentials;
  now?: () => number;
}

/** Renew when less than this share of the lifetime is left (at most 5 minutes early). */
const RENEW_SHARE = 0.1;
const RENEW_MAX_MS = 5 * 60_000;

export class TokenProvider {
  private token?: { value: string; renewAtMs: number };
  private pending?: Promise<string>;
  private readonly now: () => number;
  /** How many tokens were fetched (for progress and tests). */
  fetched = 0;

  constructor(private readonly options: TokenProviderOptions) {
    this.now = options.now ?? Date.now;
  }

  /** A valid token, from the cache when it is not close to expiry. */
  async get(): Promise<string> {
    if (this.token && this.now() < this.token.renewAtMs) return this.token.value;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forget `rejected` (Port answered 401 with it) so the next get() fetches a new one. */
  invalidate(rejected: string): void {
    if (this.token?.value === rejected) this.token = undefined;
  }

  private async fetchToken(): Promise<string> {
    const response = await this.options.send("/v1/auth/access_token", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ clientId: this.options.credentials.clientId, clientSecret: this.options.credentials.clientSecret }),
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = portErrorFromResponse("Getting a Port access token", response.status, body, response.headers.get("x-request-id") ?? undefined);
      if (response.status === 401 || response.status === 403 || response.status === 422 || response.status === 400) {
        throw new PortError("port_auth_failed", `Port refused the client id and secret (${response.status}).`, {
          hint: "Copy the client id and secret again from Port (Credentials), and check the region: EU and US are separate accounts.",
          upstreamStatus: response.status,
          portError: error.portError,
          requestId: error.requestId,
        });
      }
      throw error;
    }
    const parsed = tokenResponseSchema.safeParse(body);
    if (!parsed.success) throw new PortError("port_invalid_response", "Port's token answer has no accessToken/expiresIn.");
    const lifetimeMs = parsed.data.expiresIn * 1000;
    const early = Math.min(RENEW_MAX_MS, lifetimeMs * RENEW_SHARE);
    this.token = { value: parsed.data.accessToken, renewAtMs: this.now() + lifetimeMs - early };
    this.fetched += 1;
    return parsed.data.accessToken;
  }
}
