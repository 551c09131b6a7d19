import { describe, expect, it } from "vitest";
import { flatMapConcurrent, readAhead } from "./streams";

/** A source that counts how far it was pulled. */
function counting(n: number) {
  const state = { pulled: 0, returned: false };
  async function* source() {
    try {
      for (let i = 0; i < n; i++) {
        state.pulled += 1;
        yield i;
      }
    } finally {
      state.returned = true;
    }
  }
  return { state, source: source() };
}

const collect = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

describe("readAhead", () => {
  it("keeps order and reads at most `ahead` items before they are asked for", async () => {
    const { state, source } = counting(10);
    const seen: number[] = [];
    for await (const x of readAhead(source, 2)) {
      seen.push(x);
      await new Promise((r) => setTimeout(r, 1));
      // Pulled: what was consumed, plus at most 2 waiting, plus one the producer holds.
      expect(state.pulled).toBeLessThanOrEqual(seen.length + 3);
      if (x === 4) break;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    await new Promise((r) => setTimeout(r, 5));
    expect(state.returned).toBe(true);
    expect(state.pulled).toBeLessThan(10);
  });

  it("hands the source's error to the consumer", async () => {
    async function* failing() {
      yield 1;
      throw new Error("page 2 failed");
    }
    await expect(collect(readAhead(failing(), 2))).rejects.toThrow("page 2 failed");
  });

  it("the items fetched before the error reach the consumer first, however slow it is", async () => {
    async function* failing() {
      yield 1;
      yield 2;
      throw new Error("page 3 failed");
    }
    const got: number[] = [];
    const consume = async () => {
      for await (const n of readAhead(failing(), 2)) {
        // The producer has long failed when the consumer asks for the next item.
        await new Promise((r) => setTimeout(r, 20));
        got.push(n);
      }
    };
    await expect(consume()).rejects.toThrow("page 3 failed");
    expect(got).toEqual([1, 2]);
  });
});

describe("flatMapConcurrent", () => {
  it("keeps at most `concurrency` inner streams open and yields every item", async () => {
    let open = 0;
    let peak = 0;
    const inner = async function* (v: number) {
      open += 1;
      peak = Math.max(peak, open);
      try {
        for (let k = 0; k < 3; k++) {
          await new Promise((r) => setTimeout(r, 1));
          yield `${v}.${k}`;
        }
      } finally {
        open -= 1;
      }
    };
    const out = await collect(flatMapConcurrent(counting(12).source, 3, inner));
    expect(out).toHaveLength(36);
    expect(new Set(out).size).toBe(36);
    expect(peak).toBe(3);
  });

  it("stops every inner stream at the first error and throws it", async () => {
    let started = 0;
    const inner = async function* (v: number, signal: AbortSignal) {
      started += 1;
      await new Promise((r) => setTimeout(r, v === 1 ? 1 : 20));
      if (v === 1) throw new Error("listing 1 failed");
      if (!signal.aborted) yield v;
    };
    await expect(collect(flatMapConcurrent(counting(100).source, 4, inner))).rejects.toThrow("listing 1 failed");
    expect(started).toBeLessThan(10);
  });

  it("a cancel is never a quiet end: the consumer gets an error, not a short list", async () => {
    const cancel = new AbortController();
    const inner = async function* (v: number, signal: AbortSignal) {
      if (v === 3) cancel.abort(new Error("cancelled"));
      if (!signal.aborted) yield v;
    };
    await expect(collect(flatMapConcurrent(counting(10).source, 1, inner, { signal: cancel.signal }))).rejects.toThrow("cancelled");
  });
});
