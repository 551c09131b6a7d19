/**
 * The demo Port the app serves under /api/sim/port: one per process (kept on globalThis
 * so Next's module reloads reuse it), storing in the app's database.
 */
import { AppError } from "../../errors";
import { db } from "../../server/db";
import { env } from "../../server/env";
import { createDemoPort, type DemoPort } from "./handler";
import { createPrismaStore } from "./prisma-store";
import { demoPortLimitsFromEnv } from "./storage-cap";
import type { DemoPortStore } from "./store";

/** The integration record a builder can push a mapping to in the demo Port. */
export const DEMO_INTEGRATION_IDENTIFIER = "entra-id";

const holder = globalThis as unknown as { __entraPortDemoPort?: DemoPort };

export function appDemoPort(): DemoPort {
  holder.__entraPortDemoPort ??= createDemoPortFromEnv(process.env);
  return holder.__entraPortDemoPort;
}

/** The app's demo Port, its caps from DEMO_PORT_MAX_* (storage-cap.ts reads them). */
function createDemoPortFromEnv(vars: Record<string, string | undefined>): DemoPort {
  const { maxBlueprints, ...storeCap } = demoPortLimitsFromEnv(vars);
  return createDemoPort({
    store: createPrismaStore(db()),
    storeCap,
    maxBlueprints,
    seedIntegrations: [
      { identifier: DEMO_INTEGRATION_IDENTIFIER, title: "Microsoft Entra ID (demo)", installationAppType: "custom", version: "demo", config: null },
    ],
  });
}

/** The demo Port's store for the Demo catalog page; a 404 AppError when simulators are off. */
export function demoCatalogStore(): DemoPortStore {
  if (!env().SIMULATORS) {
    throw new AppError("demo_port_off", "The demo Port is turned off on this server.", {
      status: 404,
      hint: "An administrator can turn it on with SIMULATORS=on.",
    });
  }
  return appDemoPort().store;
}
