/**
 * The host names this builder answers to. A DNS-rebinding page reaches the server under
 * its own name (`attacker.example` pointed at 127.0.0.1) and sends a matching Origin, so
 * comparing Origin with Host proves nothing: the Host itself must be one we serve.
 *
 * Served: NEXTAUTH_URL's host name (any port), HOST when it names one interface, loopback
 * names when the server listens on loopback (a loopback or wildcard bind), and every
 * SERVED_HOSTS entry (`host` for any port, `host:port` for that port only).
 */
import type { AppEnv } from "./env";

export interface HostName {
  /** Lower case, without a trailing dot; IPv6 in brackets (`[::1]`), as URL.hostname has it. */
  hostname: string;
  /** Absent: any port. */
  port?: string;
}

const HOST_VALUE = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;
const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/** A Host header (or `host[:port]` setting) split into name and port; null when malformed. */
export function parseHost(value: string): HostName | null {
  const match = HOST_VALUE.exec(value.trim().toLowerCase());
  if (!match) return null;
  const hostname = match[1]!.replace(/\.$/, "");
  if (!hostname) return null;
  return match[2] === undefined ? { hostname } : { hostname, port: match[2] };
}

/** HOST as a host name: bare IPv6 addresses get their brackets. */
function bindName(host: string): string {
  const lower = host.toLowerCase();
  return lower.includes(":") && !lower.startsWith("[") ? `[${lower}]` : lower;
}

function isLoopback(name: string): boolean {
  return name === "localhost" || name === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(name);
}

function isWildcard(name: string): boolean {
  return name === "0.0.0.0" || name === "[::]";
}

export interface ServedHosts {
  /** Whether a request's Host header names this builder. */
  allows(hostHeader: string | null | undefined): boolean;
  /** The served names, for messages. */
  readonly names: string[];
}

export function servedHosts(config: Pick<AppEnv, "HOST" | "NEXTAUTH_URL" | "SERVED_HOSTS">): ServedHosts {
  const entries: HostName[] = [];
  if (config.NEXTAUTH_URL) entries.push({ hostname: new URL(config.NEXTAUTH_URL).hostname.replace(/\.$/, "") });
  const bind = bindName(config.HOST);
  if (isLoopback(bind) || isWildcard(bind)) entries.push(...LOOPBACK_NAMES.map((hostname) => ({ hostname })));
  if (!isWildcard(bind)) entries.push({ hostname: bind });
  for (const entry of config.SERVED_HOSTS) {
    const parsed = parseHost(entry);
    if (parsed) entries.push(parsed);
  }
  return {
    names: [...new Set(entries.map((e) => (e.port ? `${e.hostname}:${e.port}` : e.hostname)))],
    allows(hostHeader) {
      const host = hostHeader ? parseHost(hostHeader) : null;
      if (!host) return false;
      return entries.some((e) => e.hostname === host.hostname && (e.port === undefined || e.port === host.port));
    },
  };
}

const cache = new WeakMap<object, ServedHosts>();

/** The served hosts of a parsed environment, computed once per environment object. */
export function servedHostsOf(config: AppEnv): ServedHosts {
  let hosts = cache.get(config);
  if (!hosts) {
    hosts = servedHosts(config);
    cache.set(config, hosts);
  }
  return hosts;
}
