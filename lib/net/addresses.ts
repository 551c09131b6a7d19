/**
 * Addresses a secret must never be sent to, whoever listed them: private networks, link-local
 * and cloud metadata addresses (169.254.169.254, fd00:ec2::254, metadata.google.internal).
 * A request there reaches the builder's own network or its cloud credentials, not Microsoft
 * Graph or Port (server-side request forgery).
 *
 * Only what the URL itself says is checked: IP literals (in every spelling the URL parser
 * normalises: decimal, hex, IPv4-mapped IPv6) and the known metadata names. A DNS name that
 * resolves to such an address is not caught here (the name is not resolved before the
 * request); that is why only an administrator can allow a name (EXTRA_ALLOWED_HOSTS).
 */

/** Host names of cloud metadata services (lower case, without a trailing dot). */
const METADATA_NAMES = new Set(["metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"]);

function ipv4Parts(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

/** Why an IPv4 address may not be called, or null (a public address or loopback). */
function ipv4Problem([a, b, c, d]: number[]): string | null {
  if (a === 169 && b === 254 && c === 169 && d === 254) return "the cloud metadata address (169.254.169.254)";
  if (a === 127) return null;
  if (a === 0) return 'a "this network" address (0.0.0.0/8)';
  if (a === 10) return "a private address (10.0.0.0/8)";
  if (a === 172 && b! >= 16 && b! <= 31) return "a private address (172.16.0.0/12)";
  if (a === 192 && b === 168) return "a private address (192.168.0.0/16)";
  if (a === 100 && b! >= 64 && b! <= 127) return "a shared (carrier-grade NAT) address (100.64.0.0/10)";
  if (a === 169 && b === 254) return "a link-local address (169.254.0.0/16)";
  if (a === 192 && b === 0 && c === 0) return "an IETF protocol address (192.0.0.0/24)";
  if (a! >= 224) return "a multicast or reserved address (224.0.0.0/3)";
  return null;
}

/** The 8 groups of an IPv6 address (without brackets), or null when it is not one. */
function ipv6Groups(text: string): number[] | null {
  let s = text;
  // A trailing dotted IPv4 (::ffff:1.2.3.4) is two groups.
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const p = ipv4Parts(v4[2]!);
    if (!p) return null;
    s = `${v4[1]}${((p[0]! << 8) | p[1]!).toString(16)}:${((p[2]! << 8) | p[3]!).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const parse = (h: string) => (h === "" ? [] : h.split(":").map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN)));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return groups.some(Number.isNaN) ? null : groups;
}

function embeddedIpv4(g: number[]): number[] {
  return [g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff];
}

/** Why an IPv6 address may not be called, or null (a public address or ::1). */
function ipv6Problem(g: number[]): string | null {
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(7) && g[7] === 1) return null;
  if (zeroUpTo(8)) return "the unspecified address (::)";
  if (zeroUpTo(5) && g[5] === 0xffff) {
    const inner = ipv4Problem(embeddedIpv4(g));
    return `an IPv4-mapped address (::ffff:0:0/96) of ${inner ?? "an IPv4 address"}`;
  }
  if (zeroUpTo(6)) return `an IPv4-compatible address (::/96) of ${ipv4Problem(embeddedIpv4(g)) ?? "an IPv4 address"}`;
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    const inner = ipv4Problem(embeddedIpv4(g));
    if (inner) return `a NAT64 address (64:ff9b::/96) of ${inner}`;
  }
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && g.slice(2, 7).every((x) => x === 0) && g[7] === 0x254) return "the cloud metadata address (fd00:ec2::254)";
  if ((g[0]! & 0xfe00) === 0xfc00) return "a unique local (private) address (fc00::/7)";
  if ((g[0]! & 0xffc0) === 0xfe80) return "a link-local address (fe80::/10)";
  if ((g[0]! & 0xffc0) === 0xfec0) return "a site-local address (fec0::/10)";
  if ((g[0]! & 0xff00) === 0xff00) return "a multicast address (ff00::/8)";
  return null;
}

/**
 * Why `hostname` (as `URL.hostname` spells it) may not receive a request: a private,
 * link-local, metadata or otherwise non-public address, named with its range. Null for a
 * public address, a DNS name other than the metadata names, and loopback (the simulators).
 */
export function forbiddenAddressProblem(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (METADATA_NAMES.has(host)) return `a cloud metadata host name (${host})`;
  const v4 = ipv4Parts(host);
  if (v4) return ipv4Problem(v4);
  if (host.startsWith("[") && host.endsWith("]")) {
    const groups = ipv6Groups(host.slice(1, -1).replace(/%.*$/, ""));
    return groups ? ipv6Problem(groups) : "an IPv6 address that cannot be read";
  }
  return null;
}
