/**
 * The demo tenant: a Microsoft Graph + Entra ID token endpoint simulator that honours
 * shared/docs/microsoft-graph.md, with data generated lazily from a seed.
 */
export { createGraphSimulator, type GraphSimulator, type GraphSimulatorOptions } from "./simulator";
export { demoRecords, DEFAULT_SEED, DEFAULT_SIZES } from "./data";
export type { TenantSizes, GraphObject } from "./data";
export { DemoTenant } from "./tenant";
export type { Fault, FaultRule, FaultPlan } from "./faults";
export {
  DEMO_TENANT, DEMO_CLIENT_ID, DEMO_LIMITED_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_CLIENT_SECRET_ID, DEMO_APPS,
} from "./credentials";
export { appDemoGraphSimulator } from "./app-instance";
export { serveDemoTenant, type ServedDemoTenant } from "./testing";
