/**
 * Field inference: throughput over generated Graph users (100,000; 10,000 with --quick)
 * against, as baseline, JSON.parse of the same 999-item pages (what reading the sample
 * costs anyway); and the memory the inference keeps after all items against after a tenth
 * of them (flat memory: ratio near 1). Data: lib/simulators/graph's demo tenant.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createFieldInference } from "@/lib/schema";
import { demoRecords } from "@/lib/simulators/graph/data";
import type { Bench } from "./report";

const PAGE = 999;

/** A full collection when the runtime allows it (`--expose-gc` set late), else nothing. */
function collector(): () => void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as (() => void) | undefined;
  return gc ?? (() => {});
}

const bench: Bench = async ({ quick, report }) => {
  const count = quick ? 10_000 : 100_000;
  const pages: string[] = [];
  let page: Record<string, unknown>[] = [];
  for (const user of demoRecords("users", count)) {
    page.push(user);
    if (page.length === PAGE) {
      pages.push(JSON.stringify({ value: page }));
      page = [];
    }
  }
  if (page.length > 0) pages.push(JSON.stringify({ value: page }));
  const parsed = pages.map((p) => JSON.parse(p) as { value: unknown[] });

  let t0 = performance.now();
  let parsedItems = 0;
  for (const p of pages) parsedItems += (JSON.parse(p) as { value: unknown[] }).value.length;
  const parseRate = parsedItems / ((performance.now() - t0) / 1000);

  const inference = createFieldInference({ kind: "/users" });
  t0 = performance.now();
  for (const body of parsed) inference.addBody(body);
  const result = inference.result();
  const inferRate = result.items / ((performance.now() - t0) / 1000);
  report({
    name: `infer ${result.fields.length} fields over ${result.items.toLocaleString("en-US")} users`,
    value: inferRate,
    unit: "items/s",
    baseline: { name: "JSON.parse of the same pages", value: parseRate },
  });

  const gc = collector();
  const retained = (pageCount: number) => {
    gc();
    gc(); // the second pass frees what the first one's finalizers released
    const before = process.memoryUsage().heapUsed;
    const kept = createFieldInference({ kind: "/users" });
    for (const body of parsed.slice(0, pageCount)) kept.addBody(body);
    gc();
    const used = process.memoryUsage().heapUsed - before;
    if (kept.items < 0) throw new Error("unreachable"); // keeps `kept` alive until measured
    return used / 1024;
  };
  const tenth = Math.max(1, Math.round(parsed.length / 10));
  retained(tenth); // warm-up: code and inline caches allocated once, not counted below
  report({
    name: `inference state kept after ${count.toLocaleString("en-US")} users`,
    value: retained(parsed.length),
    unit: "KiB",
    baseline: { name: `after ${(tenth * PAGE).toLocaleString("en-US")} users`, value: retained(tenth) },
  });
};

export default bench;
