/**
 * `createPortClient`: the one way this project talks to Port (or the demo Port).
 * Everything goes through one transport: checked base URL, token cache, adaptive
 * concurrency bound, retries.
 */
import { AdaptiveLimiter } from "./concurrency";
import { ensureBlueprints, getBlueprint, type EnsureBlueprintsOptions, type EnsureBlueprintsReport } from "./blueprints";
import type { SerializedEntity } from "./bulk-split";
import { listEntities, upsertEntities, upsertSerializedEntities, type ListOptions, type UpsertOptions, type UpsertResult } from "./entities";
import { deleteEntities, type DeleteOptions, type DeleteResult } from "./entity-deletes";
import { getIntegration, updateIntegrationConfig } from "./integration";
import { resolvePortBaseUrl, type PortRegion } from "./regions";
import { abortableSleep } from "../net/backoff";
import { defaultRetryPolicy, type RetryPolicy } from "./retry";
import type { Blueprint, BlueprintInput, PortEntity, PortIntegration } from "./schemas";
import { TokenProvider } from "./token";
import { PortTransport, type RetryEvent } from "./transport";

export interface PortClientOptions {
  /** EU or US; or give `baseUrl` (the demo Port, or a host in `extraAllowedHosts`). */
  region?: PortRegion;
  baseUrl?: string;
  clientId: string;
  clientSecret: string;
  /** Hosts an administrator allowed (env().EXTRA_ALLOWED_HOSTS). */
  extraAllowedHosts?: readonly string[];
  /** Whether the loopback demo Port may be used (env().SIMULATORS); default true. */
  allowDemoPort?: boolean;
  /** Most requests in flight at once (default 8); 429s lower it for a while. */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
  /** Injected in tests so waits cost nothing and clocks can be moved. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Longest wait for one attempt's answer (default 120 s); a hung attempt is retried. */
  attemptTimeoutMs?: number;
  /** Every retry of every request (for logs and live progress). */
  onRetry?: (event: RetryEvent) => void;
}

export interface PortClient {
  readonly baseUrl: string;
  /** Port's blueprint or null. */
  getBlueprint(identifier: string, signal?: AbortSignal): Promise<Blueprint | null>;
  /** Creates missing blueprints and adds missing properties/relations; see blueprints.ts. */
  ensureBlueprints(desired: readonly BlueprintInput[], options?: EnsureBlueprintsOptions): Promise<EnsureBlueprintsReport>;
  upsertEntities(blueprint: string, entities: Iterable<PortEntity>, options?: UpsertOptions): Promise<UpsertResult>;
  /** The same for entities held as JSON text (`{identifier, json}`): the text is sent as it is. */
  upsertSerializedEntities(blueprint: string, entities: Iterable<SerializedEntity>, options?: UpsertOptions): Promise<UpsertResult>;
  deleteEntities(blueprint: string, identifiers: Iterable<string>, options?: DeleteOptions): Promise<DeleteResult>;
  listEntities(blueprint: string, options?: ListOptions): AsyncGenerator<PortEntity[]>;
  getIntegration(identifier: string, signal?: AbortSignal): Promise<PortIntegration>;
  updateIntegrationConfig(identifier: string, config: Record<string, unknown>, signal?: AbortSignal): Promise<PortIntegration>;
  /** Gets a token now: "Test connection" (throws `port_auth_failed` on bad credentials). */
  checkCredentials(): Promise<void>;
  /** Concurrency figures: the bound, the limit now, and the most ever in flight. */
  concurrency(): { max: number; limit: number; peakInFlight: number };
  /** How many access tokens were fetched so far. */
  tokensFetched(): number;
}

export function createPortClient(options: PortClientOptions): PortClient {
  const baseUrl = resolvePortBaseUrl(options, { extraAllowedHosts: options.extraAllowedHosts, allowDemoPort: options.allowDemoPort });
  const limiter = new AdaptiveLimiter(options.concurrency ?? 8);
  const now = options.now ?? Date.now;
  const transport = new PortTransport({
    baseUrl,
    fetch: options.fetch ?? globalThis.fetch,
    limiter,
    retry: { ...defaultRetryPolicy, ...options.retry },
    sleep: options.sleep ?? abortableSleep,
    now,
    random: options.random,
    onRetry: options.onRetry,
    attemptTimeoutMs: options.attemptTimeoutMs ?? 120_000,
  });
  const tokens = new TokenProvider({
    send: (path, init) => transport.sendUnauthenticated(path, init),
    credentials: { clientId: options.clientId, clientSecret: options.clientSecret },
    now,
  });
  transport.tokens = tokens;
  const workers = limiter.max;

  return {
    baseUrl,
    getBlueprint: (identifier, signal) => getBlueprint(transport, identifier, signal),
    ensureBlueprints: (desired, opts) => ensureBlueprints(transport, desired, opts),
    upsertEntities: (blueprint, entities, opts) => upsertEntities(transport, workers, blueprint, entities, opts),
    upsertSerializedEntities: (blueprint, entities, opts) => upsertSerializedEntities(transport, workers, blueprint, entities, opts),
    deleteEntities: (blueprint, identifiers, opts) => deleteEntities(transport, workers, blueprint, identifiers, opts),
    listEntities: (blueprint, opts) => listEntities(transport, blueprint, opts),
    getIntegration: (identifier, signal) => getIntegration(transport, identifier, signal),
    updateIntegrationConfig: (identifier, config, signal) => updateIntegrationConfig(transport, identifier, config, signal),
    checkCredentials: async () => {
      await tokens.get();
    },
    concurrency: () => ({ max: limiter.max, limit: limiter.limit, peakInFlight: limiter.peakInFlight }),
    tokensFetched: () => tokens.fetched,
  };
}
