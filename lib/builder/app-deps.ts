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

function inProcessFetch(origin: string): typeof fetch {
  return async (input, init) => {
    // A real request would yield to the event loop; a handler called in-process must too,
    // or a long sync against the demo services starves every other request of the server.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== origin) throw new TypeError(`in-process fetch refused ${url.origin}: only ${origin} is served here`);
    if (url.pathname.startsWith(`${DEMO_PORT_PATH}/`)) return appDemoPort().handle(request);
    if (url.pathname.startsWith("/api/sim/")) return appDemoGraphSimulator().handler(request);
    return new Response("Not Found", { status: 404 });
  };
}

function appDemoEndpoints(): DemoEndpoints | null {
  const e = env();
  if (!e.SIMULATORS) return null;
  const origin = `http://127.0.0.1:${e.PORT}`;
  const { graphBaseUrl, loginBaseUrl } = appDemoGraphSimulator().endpoints(origin);
  return { origin, graphBaseUrl, loginBaseUrl, portBaseUrl: `${origin}${DEMO_PORT_PATH}`, fetch: inProcessFetch(origin) };
}

export function appBuilderDeps(): BuilderDeps {
  const e = env();
  return { db: db(), encryptionKey: e.encryptionKey, demo: appDemoEndpoints(), extraAllowedHosts: e.EXTRA_ALLOWED_HOSTS };
}
