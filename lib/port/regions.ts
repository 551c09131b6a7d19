/**
 * Where the Port client may send requests: Port's regions, the built-in demo Port, and
 * hosts an administrator allows through EXTRA_ALLOWED_HOSTS. Nothing else, so a Port
 * token (and the client secret that gets it) never leaves for a host it was not made for.
 */
import { forbiddenAddressProblem } from "../net/addresses";
import { LOOPBACK_HOSTNAMES } from "../net/hosts";
import { PortError } from "./errors";

export type PortRegion = "eu" | "us";

export interface PortRegionInfo {
  label: string;
  /** The API origin to use. */
  baseUrl: string;
  /** Older hostnames of the same region, still accepted. */
  legacyBaseUrls: string[];
}

export const PORT_REGIONS: Record<PortRegion, PortRegionInfo> = {
  eu: { label: "EU", baseUrl: "https://api.port.io", legacyBaseUrls: ["https://api.getport.io"] },
  us: { label: "US", baseUrl: "https://api.us.port.io", legacyBaseUrls: ["https://api.us.getport.io"] },
};

/** Path of the demo Port inside this app (the Next route under app/api/sim/port). */
export const DEMO_PORT_PATH = "/api/sim/port";

/** The demo Port's fixed credentials (shown in the README; they guard nothing real). */
export const DEMO_PORT_CREDENTIALS = { clientId: "demo-port-client", clientSecret: "demo-port-secret" } as const;

const regionHosts = new Set(
  Object.values(PORT_REGIONS).flatMap((r) => [r.baseUrl, ...r.legacyBaseUrls].map((u) => new URL(u).host)),
);

export interface AllowlistOptions {
  /** `host[:port]` entries, lower case (env().EXTRA_ALLOWED_HOSTS). */
  extraAllowedHosts?: readonly string[];
  /** Whether the demo Port (loopback, path /api/sim/port) is allowed; default true. */
  allowDemoPort?: boolean;
}

/** Why a base URL is refused, or null when it is allowed. */
export function portBaseUrlProblem(baseUrl: string, options: AllowlistOptions = {}): string | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return "is not a URL";
  }
  if (url.username || url.password) return "must not carry credentials";
  if (url.search || url.hash) return "must not have a query or fragment";
  const path = url.pathname.replace(/\/+$/, "");
  if (url.protocol === "https:" && regionHosts.has(url.host) && path === "") return null;
  // Even an administrator's entry may not name the private network or the metadata service.
  const forbidden = forbiddenAddressProblem(url.hostname);
  if (forbidden) return `is ${forbidden}, which no Port host may be`;
  // An extra host without a port allows only the scheme's default port (as for Graph), and
  // plain http only on loopback: Port's secret and tokens must not travel in clear text.
  const extra = options.extraAllowedHosts ?? [];
  const cleartextOk = url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTNAMES.has(url.hostname));
  if (cleartextOk && (extra.includes(url.host) || (url.port === "" && extra.includes(url.hostname)))) return null;
  if ((options.allowDemoPort ?? true) && url.protocol === "http:" && LOOPBACK_HOSTNAMES.has(url.hostname) && path === DEMO_PORT_PATH) return null;
  return `is not a Port API host (allowed: ${[...regionHosts].join(", ")}, the demo Port and EXTRA_ALLOWED_HOSTS)`;
}

export function isAllowedPortBaseUrl(baseUrl: string, options: AllowlistOptions = {}): boolean {
  return portBaseUrlProblem(baseUrl, options) === null;
}

/** Turns `{region}` or `{baseUrl}` into a checked base URL without a trailing slash. */
export function resolvePortBaseUrl(target: { region?: PortRegion; baseUrl?: string }, options: AllowlistOptions = {}): string {
  const raw = target.baseUrl ?? (target.region ? PORT_REGIONS[target.region].baseUrl : undefined);
  if (!raw) throw new PortError("port_host_not_allowed", "No Port region or base URL was given.", { hint: "Choose the EU or US region, or the demo Port." });
  const problem = portBaseUrlProblem(raw, options);
  if (problem) {
    throw new PortError("port_host_not_allowed", `The Port base URL ${raw} ${problem}.`, {
      hint: "Use https://api.port.io (EU) or https://api.us.port.io (US); an administrator can allow other hosts with EXTRA_ALLOWED_HOSTS.",
    });
  }
  // The parsed form, so what is used is exactly what was checked (no %2e or case tricks).
  const url = new URL(raw);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
