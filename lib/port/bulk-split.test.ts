import { describe, expect, it } from "vitest";
import { splitIntoBulks } from "./bulk-split";
import type { PortEntity } from "./schemas";

const entity = (i: number, padding = 0): PortEntity => ({ identifier: `e${i}`, title: `E ${i}`, properties: padding ? { blob: "x".repeat(padding) } : {}, relations: {} });

describe("splitIntoBulks", () => {
  it("splits by count: at most 20 per bulk, indexes kept", () => {
    const bulks = [...splitIntoBulks(Array.from({ length: 45 }, (_, i) => entity(i)))];
    expect(bulks.map((b) => b.entities.length)).toEqual([20, 20, 5]);
    expect(bulks[2]!.indexes).toEqual([40, 41, 42, 43, 44]);
    expect(JSON.parse(bulks[0]!.body)).toEqual({ entities: bulks[0]!.entities });
  });

  it("sends the caller's own JSON of each entity as it is, and measures the bulk on it", () => {
    const texts = [0, 1, 2].map((i) => `{"identifier":"e${i}","title":"given ${i}"}`);
    const bulks = [...splitIntoBulks([entity(0), entity(1), entity(2)], {}, (_, i) => texts[i]!)];
    expect(bulks.map((b) => b.body)).toEqual([`{"entities":[${texts.join(",")}]}`]);
    // Sized by the given text (a few bytes each), not by the entities' own JSON.
    const small = [...splitIntoBulks([entity(0, 5_000), entity(1, 5_000)], { maxBytes: 200 }, (_, i) => texts[i]!)];
    expect(small).toHaveLength(1);
  });

  it("splits by size so that no body exceeds the limit", () => {
    const bulks = [...splitIntoBulks(Array.from({ length: 10 }, (_, i) => entity(i, 300_000)))];
    expect(bulks.map((b) => b.entities.length)).toEqual([3, 3, 3, 1]);
    for (const b of bulks) expect(Buffer.byteLength(b.body)).toBeLessThanOrEqual(1024 * 1024);
  });

  it("gives an entity over the limit a bulk of its own", () => {
    const bulks = [...splitIntoBulks([entity(0), entity(1, 2_000_000), entity(2)])];
    expect(bulks.map((b) => b.indexes)).toEqual([[0], [1], [2]]);
  });

  it("keeps every body strictly under the byte limit, measured on the bytes sent", () => {
    const small = [...splitIntoBulks([entity(0, 10), entity(1, 10)], { maxBytes: 10_000 })];
    expect(small).toHaveLength(1);
    const size = Buffer.byteLength(small[0]!.body);
    expect([...splitIntoBulks([entity(0, 10), entity(1, 10)], { maxBytes: size + 1 })]).toHaveLength(1);
    expect([...splitIntoBulks([entity(0, 10), entity(1, 10)], { maxBytes: size })]).toHaveLength(2);
  });

  it("counts multi-byte characters as the UTF-8 bytes they become", () => {
    const wide = (i: number): PortEntity => ({ identifier: `e${i}`, properties: { name: "é".repeat(100_000) }, relations: {} });
    const bulks = [...splitIntoBulks(Array.from({ length: 8 }, (_, i) => wide(i)))];
    // 200 kB of UTF-8 per entity (100,000 characters): 5 fit under 1 MiB, not 10.
    expect(bulks.map((b) => b.entities.length)).toEqual([5, 3]);
    for (const b of bulks) expect(Buffer.byteLength(b.body)).toBeLessThan(1024 * 1024);
  });
});
