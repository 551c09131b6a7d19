/**
 * For tests and benchmarks: the demo tenant served over real HTTP on loopback, with
 * helpers to get a token. Each caller closes what it started.
 */
import { serveFetchHandler } from "../serve";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_TENANT } from "./credentials";
import { createGraphSimulator, type GraphSimulator, type GraphSimulatorOptions } from "./simulator";

export interface ServedDemoTenant {
  sim: GraphSimulator;
  origin: string;
  graphBaseUrl: string;
  loginBaseUrl: string;
  /** A fresh access token for a demo app (default: the fully consented one). */
  token(clientId?: string): Promise<string>;
  close(): Promise<void>;
}

export async function serveDemoTenant(options: GraphSimulatorOptions = {}): Promise<ServedDemoTenant> {
  const sim = createGraphSimulator({ basePath: "", ...options });
  const served = await serveFetchHandler(sim.handler);
  const { graphBaseUrl, loginBaseUrl } = sim.endpoints(served.url);
  return {
    sim,
    origin: served.url,
    graphBaseUrl,
    loginBaseUrl,
    async token(clientId = DEMO_CLIENT_ID) {
      const res = await fetch(`${loginBaseUrl}/${DEMO_TENANT}/oauth2/v2.0/token`, {
        method: "POST",
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: DEMO_CLIENT_SECRET, scope: "https://graph.microsoft.com/.default" }),
      });
      const body = (await res.json()) as { access_token?: string };
      if (!body.access_token) throw new Error(`demo token request failed: ${res.status}`);
      return body.access_token;
    },
    close: () => served.close(),
  };
}
