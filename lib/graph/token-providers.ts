/**
 * Token providers: a pasted static bearer token, or client credentials against the
 * cloud's login host, cached and renewed 5 minutes before expiry (MSAL's default) and
 * once on a 401 (the requester calls `invalidate`).
 *
 * Why not @azure/msal-node: see lib/graph/README.md (it refuses http:// authorities, so it
 * cannot be pointed at the simulator without rewriting its network layer).
 */
import { z } from "zod";
import { untilAborted } from "../net/backoff";
import { readCappedResponseText } from "../net/body";
import { redirectTarget } from "../net/redirects";
import { createAllowlist, type Allowlist } from "./allowlist";
import { getCloud, type Cloud, type CloudId } from "./clouds";
import { explainTokenError, GraphError, type ErrorContext } from "./errors";

export interface TokenProvider {
  readonly kind: "static" | "clientCredentials";
  /** A usable access token; throws an explained GraphError on failure. */
  getToken(options?: { signal?: AbortSignal }): Promise<string>;
  /** Drops the cached token after a 401; returns false when the provider cannot get another. */
  invalidate(): boolean;
  /** Tenant and client, for hints (consent link). */
  readonly context: Omit<ErrorContext, "cloud"> & { cloud?: Cloud };
}

export function staticTokenProvider(token: string): TokenProvider {
  const value = token.trim().replace(/^Bearer\s+/i, "");
  return {
    kind: "static",
    context: { staticToken: true },
    async getToken() {
      if (!value) {
        throw new GraphError("token_missing", "No bearer token was given.", { status: 400, hint: "Paste an access token for Microsoft Graph, or use client credentials." });
      }
      return value;
    },
    invalidate: () => false,
  };
}

export interface ClientCredentialsOptions {
  cloud: CloudId | Cloud;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Override of `https://{loginHost}` (the simulator: `{origin}/api/sim/login`). */
  loginBaseUrl?: string;
  /**
   * Hosts the secret may be sent to. Defaults to the cloud's hosts plus `simulatorOrigins`:
   * a `loginBaseUrl` elsewhere is refused, never trusted because it was passed in.
   */
  allowlist?: Allowlist;
  /** Origins of the demo tenant (or another simulator) that `loginBaseUrl` may point at. */
  simulatorOrigins?: string[];
  fetch?: typeof fetch;
  /** Clock in ms. */
  now?: () => number;
  /** Renew this long before expiry (default 300 s). */
  renewBeforeSeconds?: number;
  timeoutMs?: number;
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  token_type: z.string().optional(),
});

/** A token answer is a few KB; a larger one is not read. */
const MAX_TOKEN_ANSWER_BYTES = 1024 * 1024;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function clientCredentialsTokenProvider(options: ClientCredentialsOptions): TokenProvider {
  const cloud = getCloud(options.cloud);
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const renewBeforeMs = (options.renewBeforeSeconds ?? 300) * 1000;
  const loginBase = (options.loginBaseUrl ?? cloud.loginBaseUrl).replace(/\/$/, "");
  const allowlist = options.allowlist ?? createAllowlist({ cloud, simulatorOrigins: options.simulatorOrigins ?? [] });
  const context: ErrorContext = { cloud, tenantId: options.tenantId, clientId: options.clientId };
  let cached: { token: string; expiresAt: number } | null = null;
  let inFlight: Promise<string> | null = null;

  async function requestToken(): Promise<string> {
    const tenant = options.tenantId.trim();
    if (!tenant || /[/?#\\\s]/.test(tenant)) {
      throw new GraphError("invalid_tenant", `"${options.tenantId}" is not a tenant ID or domain.`, {
        status: 400, hint: "Use the Directory (tenant) ID from Entra ID > Overview, or the tenant's primary domain.",
      });
    }
    const url = new URL(`${loginBase}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`);
    allowlist.assert(url);
    const body = new URLSearchParams({
      client_id: options.clientId.trim(),
      client_secret: options.clientSecret,
      scope: cloud.scope,
      grant_type: "client_credentials",
    });
    const started = now();
    let res: Response;
    let text: string | null;
    let redirect: string | null;
    try {
      const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
      res = await doFetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body,
        signal: timeout,
        // Never followed: a redirect could take the client secret to another host.
        redirect: "manual",
      });
      redirect = redirectTarget(res, url);
      text = redirect === null ? await readCappedResponseText(res, MAX_TOKEN_ANSWER_BYTES) : "";
    } catch (error) {
      throw new GraphError("login_unreachable", `Could not reach ${url.host} for a token.`, {
        status: 502, cause: error, hint: "Check the network, proxy and cloud; the login host must be reachable from the server.",
      });
    }
    if (redirect !== null) {
      await res.body?.cancel().catch(() => {});
      throw new GraphError("redirect_refused", `${url.host} answered ${res.status} with a redirect to ${redirect}; it was not followed, so the client secret was not sent there.`, {
        status: 502, hint: "The token endpoint does not redirect: a redirect comes from a proxy or a wrong login URL.",
      });
    }
    if (text === null) {
      throw new GraphError("token_response_invalid", `The token answer from ${url.host} is larger than 1 MB; it was not read.`, { status: 502, hint: "A token answer is a few KB: check the cloud and the login host." });
    }
    const json = parseJson(text);
    if (!res.ok) throw explainTokenError(res.status, json, context);
    const parsed = tokenResponse.safeParse(json);
    if (!parsed.success) {
      throw new GraphError("token_response_invalid", "The token endpoint answered without an access token.", { status: 502, hint: "Check the cloud: a proxy may be answering instead of Entra ID." });
    }
    cached = { token: parsed.data.access_token, expiresAt: started + parsed.data.expires_in * 1000 };
    return cached.token;
  }

  return {
    kind: "clientCredentials",
    context,
    async getToken({ signal } = {}) {
      if (cached && now() < cached.expiresAt - renewBeforeMs) return cached.token;
      // One request at a time: concurrent callers share it. The shared request is bounded
      // by its own timeout, not by the first caller's signal, so one caller's cancel does
      // not fail the others; each caller stops waiting on its own signal.
      inFlight ??= requestToken().finally(() => {
        inFlight = null;
      });
      return untilAborted(inFlight, signal);
    },
    invalidate() {
      cached = null;
      return true;
    },
  };
}
