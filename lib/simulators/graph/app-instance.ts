/**
 * The app's one demo tenant (served under /api/sim). Kept on globalThis because Next may
 * load each route module separately; tokens are stateless anyway, but delta state and
 * mutations should be shared.
 */
import { createGraphSimulator, type GraphSimulator } from "./simulator";

const KEY = Symbol.for("entra-port-builder.demoGraphSimulator");

export function appDemoGraphSimulator(): GraphSimulator {
  const holder = globalThis as unknown as Record<symbol, GraphSimulator | undefined>;
  holder[KEY] ??= createGraphSimulator({ basePath: "/api/sim" });
  return holder[KEY];
}
