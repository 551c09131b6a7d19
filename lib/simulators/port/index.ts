/** The demo Port: a stand-in for Port's API, used by the app, tests and benchmarks. */
export { createDemoPort, type DemoPort, type DemoPortOptions, type DemoPortStats } from "./handler";
export { createMemoryStore } from "./memory-store";
export { createPrismaStore } from "./prisma-store";
export { PORT_BULK_RATE_LIMIT, PORT_SINGLE_UPSERT_RATE_LIMIT, type RateLimitConfig } from "./rate-limit";
export { DEMO_PORT_STORE_CAP, type StoreCap } from "./storage-cap";
export type { FaultRule, FaultAction } from "./faults";
export type { DemoPortStore, StoredEntity } from "./store";
export * from "./catalog";
