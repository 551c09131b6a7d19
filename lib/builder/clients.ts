/**
 * Graph and Port clients for a project's stored connections. The demo modes point the
 * same clients at the demo tenant and demo Port; nothing else differs, so what works
 * against the demo works the same way against a real tenant.
 */
import {
  clientCredentialsTokenProvider,
  createGraphClient,
  getCloud,
  staticTokenProvider,
  type GraphClient,
  type RetryPolicy,
  type TokenProvider,
} from "../graph";
import { DEMO_CLIENT_SECRET, DEMO_TENANT } from "../simulators/graph/credentials";
import { createPortClient, DEMO_PORT_CREDENTIALS, type PortClient } from "../port";
import { demoOff, loadGraphConnection, loadPortConnection } from "./connections";
import type { BuilderDeps } from "./deps";

export interface ProjectGraph {
  client: GraphClient;
  tokenProvider: TokenProvider;
  /** For messages and the setup guide. */
  mode: "demo" | "client_credentials" | "token";
  tenantId: string | null;
  clientId: string | null;
}

/** Per-use tuning of a Graph or Port client: "Test connection" wants a quick verdict, not the sync's patience. */
export interface ClientTuning {
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
}

export async function graphForProject(deps: BuilderDeps, userId: string, projectId: string, use: ClientTuning = {}): Promise<ProjectGraph> {
  const conn = await loadGraphConnection(deps, userId, projectId);
  const cloud = getCloud(conn.cloud);
  const extraAllowedHosts = deps.extraAllowedHosts;
  if (conn.mode === "demo") {
    if (!deps.demo) throw demoOff();
    const demo = deps.demo;
    const clientId = conn.clientId ?? "demo-client";
    const tokenProvider = clientCredentialsTokenProvider({
      cloud, tenantId: DEMO_TENANT, clientId, clientSecret: DEMO_CLIENT_SECRET,
      loginBaseUrl: demo.loginBaseUrl, simulatorOrigins: [demo.origin], fetch: demo.fetch,
    });
    const client = createGraphClient({ cloud, tokenProvider, graphBaseUrl: demo.graphBaseUrl, simulatorOrigins: [demo.origin], fetch: demo.fetch, ...use });
    return { client, tokenProvider, mode: "demo", tenantId: DEMO_TENANT, clientId };
  }
  const tokenProvider =
    conn.mode === "token"
      ? staticTokenProvider(conn.secret ?? "")
      : clientCredentialsTokenProvider({ cloud, tenantId: conn.tenantId ?? "", clientId: conn.clientId ?? "", clientSecret: conn.secret ?? "", timeoutMs: use.timeoutMs });
  const client = createGraphClient({ cloud, tokenProvider, extraAllowedHosts, ...use });
  return { client, tokenProvider, mode: conn.mode as ProjectGraph["mode"], tenantId: conn.tenantId, clientId: conn.clientId };
}

export async function portForProject(deps: BuilderDeps, userId: string, projectId: string, use: ClientTuning = {}): Promise<PortClient> {
  const conn = await loadPortConnection(deps, userId, projectId);
  // The same limits as Graph's: attempts, and the budget of one request with its retries.
  const retry = { ...(use.retry?.maxAttempts ? { maxAttempts: use.retry.maxAttempts } : {}), ...(use.retry?.budgetMs ? { budgetMs: use.retry.budgetMs } : {}) };
  const tuning = { ...(Object.keys(retry).length ? { retry } : {}), ...(use.timeoutMs ? { attemptTimeoutMs: use.timeoutMs } : {}) };
  if (conn.mode === "demo") {
    if (!deps.demo) throw demoOff();
    return createPortClient({ baseUrl: deps.demo.portBaseUrl, ...DEMO_PORT_CREDENTIALS, fetch: deps.demo.fetch, ...tuning });
  }
  return createPortClient({
    ...tuning,
    region: conn.region as "eu" | "us",
    clientId: conn.clientId ?? "",
    clientSecret: conn.secret ?? "",
    extraAllowedHosts: deps.extraAllowedHosts,
    allowDemoPort: false,
  });
}
