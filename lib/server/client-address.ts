/**
 * The address of the client behind a request, for sign-in limits. Route handlers only see
 * a web Request, and X-Forwarded-For is whatever the client sent (Next fills it in only
 * when absent), so the server stamps the socket's address on every request as it arrives
 * through Node's `http.server.request.start` diagnostics channel. The stamp carries a
 * per-process random token: a client cannot forge it, and a request that arrived before
 * the hook was installed counts as "unknown".
 *
 * With TRUST_PROXY on, the address is the last X-Forwarded-For entry: the one the reverse
 * proxy in front of the builder appended.
 */
import { randomBytes } from "node:crypto";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { isIPv4, isIPv6, type Socket } from "node:net";

export const CLIENT_ADDRESS_HEADER = "x-builder-client-address";
export const UNKNOWN_CLIENT = "unknown";
const CHANNEL = "http.server.request.start";

interface HookState {
  stamp: string;
  onRequest: (message: unknown) => void;
}

// On globalThis: Next bundles instrumentation and each route separately in one process.
const holder = globalThis as { __entraPortClientAddress?: HookState };

function normalise(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice("::ffff:".length) : trimmed;
}

function addressOf(request: IncomingMessage, socket: Socket, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers["x-forwarded-for"];
    const last = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").pop()?.trim();
    if (last) return normalise(last);
  }
  return socket.remoteAddress ? normalise(socket.remoteAddress) : UNKNOWN_CLIENT;
}

/** Starts stamping every incoming request; returns the function that stops it. Idempotent. */
export function installClientAddressHook(options: { trustProxy: boolean }): () => void {
  const existing = holder.__entraPortClientAddress;
  if (existing) return () => uninstall(existing);
  const state: HookState = {
    stamp: randomBytes(18).toString("base64url"),
    onRequest(message) {
      const { request, socket } = message as { request: IncomingMessage; socket: Socket };
      request.headers[CLIENT_ADDRESS_HEADER] = `${state.stamp} ${addressOf(request, socket, options.trustProxy)}`;
    },
  };
  holder.__entraPortClientAddress = state;
  subscribe(CHANNEL, state.onRequest);
  return () => uninstall(state);
}

function uninstall(state: HookState): void {
  unsubscribe(CHANNEL, state.onRequest);
  if (holder.__entraPortClientAddress === state) delete holder.__entraPortClientAddress;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** The stamped client address of a request (web Headers or next-auth's header object). */
export function clientAddress(headers: HeaderSource): string {
  const state = holder.__entraPortClientAddress;
  const raw = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!state || !value) return UNKNOWN_CLIENT;
  const space = value.indexOf(" ");
  if (space < 0 || value.slice(0, space) !== state.stamp) return UNKNOWN_CLIENT;
  return value.slice(space + 1) || UNKNOWN_CLIENT;
}

/** The eight 16-bit groups of an IPv6 address without zone id (a dotted IPv4 tail counts as two), or null. */
function ipv6Groups(address: string): number[] | null {
  if (!isIPv6(address)) return null;
  const dotted = address.match(/^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  const hex = dotted ? `${dotted[1]}${((+dotted[2]! << 8) | +dotted[3]!).toString(16)}:${((+dotted[4]! << 8) | +dotted[5]!).toString(16)}` : address;
  const [head, tail] = hex.includes("::") ? hex.split("::") : [hex, undefined];
  const parse = (part: string | undefined) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const front = parse(head);
  const back = parse(tail);
  return tail === undefined ? front : [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/**
 * The key sign-in limits count a client under. One IPv6 subscriber is handed a whole /64
 * (2^64 addresses to rotate through for free), so an IPv6 client counts by its /64 prefix;
 * an IPv4 address, and one mapped into IPv6 (`::ffff:203.0.113.9`), by the whole address.
 * Anything else (`unknown`) is its own key.
 */
export function limitKeyOf(address: string): string {
  const bare = address.trim().replace(/^\[(.*)\]$/, "$1");
  if (isIPv4(bare)) return bare;
  const groups = ipv6Groups(bare.replace(/%.*$/, ""));
  if (!groups) return bare;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}
