/**
 * For tests and benchmarks: a demo Port served over real HTTP on loopback, and a fake
 * clock whose `sleep` moves time instead of waiting.
 */
import { DEMO_PORT_CREDENTIALS, DEMO_PORT_PATH } from "../../port/regions";
import { serveFetchHandler } from "../serve";
import { createDemoPort, type DemoPort, type DemoPortOptions } from "./handler";
import { createMemoryStore } from "./memory-store";

export interface ServedDemoPort {
  demo: DemoPort;
  /** The base URL a Port client uses: `http://127.0.0.1:<port>/api/sim/port`. */
  baseUrl: string;
  credentials: { clientId: string; clientSecret: string };
  close(): Promise<void>;
}

export async function serveDemoPort(options: Partial<DemoPortOptions> = {}): Promise<ServedDemoPort> {
  const demo = createDemoPort({ rateLimit: false, singleRateLimit: false, ...options, store: options.store ?? createMemoryStore() });
  const served = await serveFetchHandler((request) => demo.handle(request));
  return { demo, baseUrl: served.url + DEMO_PORT_PATH, credentials: { ...DEMO_PORT_CREDENTIALS }, close: () => served.close() };
}

export interface FakeClock {
  now(): number;
  /** Advances the clock by `ms` and records the wait; never really waits. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  advance(ms: number): void;
  readonly sleeps: number[];
}

export function fakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      t += ms;
    },
    advance: (ms) => {
      t += ms;
    },
    sleeps,
  };
}
