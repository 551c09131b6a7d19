/**
 * Deterministic randomness for the demo tenant. Every record is a pure function of
 * (seed, kind, index): `rngFor(seed, kind, i)` gives a fresh generator per record, so
 * user 299,999 costs nothing until it is read and is the same on every read.
 */

/** murmur3's finaliser: a cheap, well-mixed 32-bit hash step. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) h = fmix32((h ^ (p >>> 0)) + Math.imul(h, 31));
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for plausible fake data. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }
  between(min: number, maxInclusive: number): number {
    return min + this.int(maxInclusive - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  hex(digits: number): string {
    let out = "";
    while (out.length < digits) out += (this.int(0x10000) | 0x10000).toString(16).slice(1);
    return out.slice(0, digits);
  }
}

export const KIND_CODES = {
  users: 1,
  groups: 2,
  applications: 3,
  servicePrincipals: 4,
  devices: 5,
  appIds: 6,
  tenant: 7,
} as const;
export type KindCode = (typeof KIND_CODES)[keyof typeof KIND_CODES];

export function rngFor(seed: number, kind: KindCode, index: number, salt = 0): Rng {
  return new Rng(hash32(seed, kind, index, salt));
}

/*
 * Object ids are GUIDs whose last 12 hex digits are a keyed 48-bit Feistel permutation of
 * (kind, index). They look random, yet `/groups/{id}` finds group i without any table.
 */
const MASK24 = 0xffffff;

function roundKey(seed: number, round: number): number {
  return hash32(seed, 0xfe157e1, round);
}

function feistel(value48: number, seed: number, inverse: boolean): number {
  let left = Math.floor(value48 / 0x1000000) & MASK24;
  let right = value48 & MASK24;
  if (!inverse) {
    for (let r = 0; r < 4; r++) {
      const f = fmix32(right ^ roundKey(seed, r)) & MASK24;
      [left, right] = [right, (left ^ f) & MASK24];
    }
  } else {
    for (let r = 3; r >= 0; r--) {
      const f = fmix32(left ^ roundKey(seed, r)) & MASK24;
      [left, right] = [(right ^ f) & MASK24, left];
    }
  }
  return left * 0x1000000 + right;
}

/** A GUID for record `index` of `kind`; `decodeGuid` inverts it. */
export function guidFor(seed: number, kind: KindCode, index: number): string {
  const rng = rngFor(seed, kind, index, 0x6a1d);
  const tail = feistel(kind * 2 ** 40 + index, seed, false).toString(16).padStart(12, "0");
  const variant = "89ab"[rng.int(4)]!;
  return `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-${variant}${rng.hex(3)}-${tail}`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-([0-9a-f]{12})$/;

export function decodeGuid(seed: number, id: string): { kind: number; index: number } | null {
  const m = GUID.exec(id.toLowerCase());
  if (!m) return null;
  const plain = feistel(parseInt(m[1]!, 16), seed, true);
  const kind = Math.floor(plain / 2 ** 40);
  const index = plain % 2 ** 40;
  if (guidFor(seed, kind as KindCode, index) !== id.toLowerCase()) return null;
  return { kind, index };
}

/** Fixed "today" of the demo tenant, so dates are deterministic. */
export const REFERENCE_TIME = Date.UTC(2025, 5, 1);
const DAY = 86_400_000;

export function isoDaysBefore(days: number, rng: Rng): string {
  const ms = REFERENCE_TIME - days * DAY - rng.int(DAY);
  return isoSeconds(ms);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * `YYYY-MM-DDTHH:MM:SSZ` without Date (about 10x faster than toISOString, which was the
 * generator's hot spot). Civil-from-days after Howard Hinnant's algorithm.
 */
export function isoSeconds(ms: number): string {
  const secs = Math.floor(ms / 1000);
  const days = Math.floor(secs / 86_400);
  const rem = secs - days * 86_400;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const h = Math.floor(rem / 3600);
  const m = Math.floor((rem % 3600) / 60);
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(h)}:${pad2(m)}:${pad2(rem % 60)}Z`;
}

export function isoDaysAfter(days: number, rng: Rng): string {
  return isoDaysBefore(-days, rng);
}

/** A random-looking v4 GUID (not decodable): for ids that are never looked up, such as request ids. */
export function plainGuid(rng: Rng): string {
  return `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-${"89ab"[rng.int(4)]}${rng.hex(3)}-${rng.hex(12)}`;
}

/** An integer `step` coprime to `n`, for walking 0..n-1 in a scrambled order without a table. */
export function coprimeStep(n: number, hint: number): number {
  if (n <= 2) return 1;
  let step = (hint % (n - 1)) + 1;
  while (gcd(step, n) !== 1) step = (step % (n - 1)) + 1;
  return step;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
