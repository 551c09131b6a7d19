/**
 * The app's BuilderDeps: its database and key, and the demo tenant and demo Port served by
 * this very process. Their handlers are called in-process under the server's own loopback
 * origin, so they work whatever address the server listens on, and no request leaves it.
 */
import { appDemoGraphSimulator } from "../simulators/graph";
import { appDemoPort } from "../simulators/port/app-instance";
import { DEMO_PORT_PATH } from "../port";
import { db } from "../server/db";
import { env } from "../server/env";
import type { BuilderDeps, DemoEndpoints } from "./deps";
import { inProcessFetch } from "./in-process-fetch";

/** The simulators' handlers by path: the demo Port under its path, the demo tenant under /api/sim. */
function demoHandlerFor(pathname: string) {
  if (pathname.startsWith(`${DEMO_PORT_PATH}/`)) return (request: Request) => appDemoPort().handle(request);
  if (pathname.startsWith("/api/sim/")) return (request: Request) => appDemoGraphSimulator().handler(request);
  return null;
}

function appDemoEndpoints(): DemoEndpoints | null {
  const e = env();
  if (!e.SIMULATORS) return null;
  const origin = `http://127.0.0.1:${e.PORT}`;
  const { graphBaseUrl, loginBaseUrl } = appDemoGraphSimulator().endpoints(origin);
  return { origin, graphBaseUrl, loginBaseUrl, portBaseUrl: `${origin}${DEMO_PORT_PATH}`, fetch: inProcessFetch(origin, demoHandlerFor) };
}

export function appBuilderDeps(): BuilderDeps {
  const e = env();
  return { db: db(), encryptionKey: e.encryptionKey, decryptionKeys: e.decryptionKeys, demo: appDemoEndpoints(), extraAllowedHosts: e.EXTRA_ALLOWED_HOSTS };
}
