/**
 * For tests and benchmarks: a Graph client wired to a served demo tenant exactly as the
 * app wires one to a real tenant (client credentials, allowlist with the simulator's
 * origin), with waits recorded instead of slept.
 */
import type { ServedDemoTenant } from "../simulators/graph/testing";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_TENANT } from "../simulators/graph/credentials";
import { createGraphClient, type GraphClient, type GraphClientOptions } from "./client";
import { GraphError } from "./errors";
import { clientCredentialsTokenProvider } from "./token-providers";

export interface DemoClientOptions extends Partial<GraphClientOptions> {
  /** Receives every wait the client asks for; when given, nothing is slept. */
  onWait?: (ms: number) => void;
  clientId?: string;
}

export function demoGraphClient(t: ServedDemoTenant, { onWait, clientId = DEMO_CLIENT_ID, ...options }: DemoClientOptions = {}): GraphClient {
  return createGraphClient({
    cloud: "global",
    tokenProvider: clientCredentialsTokenProvider({
      cloud: "global",
      tenantId: DEMO_TENANT,
      clientId,
      clientSecret: DEMO_CLIENT_SECRET,
      loginBaseUrl: t.loginBaseUrl,
      simulatorOrigins: [t.origin],
    }),
    graphBaseUrl: t.graphBaseUrl,
    simulatorOrigins: [t.origin],
    ...(onWait ? { sleep: async (ms: number) => onWait(ms), random: () => 0.5 } : {}),
    ...options,
  });
}

/** The GraphError a promise rejects with (fails the test if it resolves or throws something else). */
export async function graphFailure(promise: Promise<unknown>): Promise<GraphError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof GraphError) return e;
    throw e;
  }
  throw new Error("expected a GraphError");
}
