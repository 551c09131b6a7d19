/** A baseline figure of the machine itself, so other figures can be read against it. */
import type { Bench } from "./report";

const bench: Bench = async ({ quick, report }) => {
  const n = quick ? 200_000 : 2_000_000;
  const items = Array.from({ length: 1000 }, (_, i) => ({ id: `u${i}`, displayName: `User ${i}` }));
  const json = JSON.stringify({ value: items });
  const t0 = performance.now();
  let total = 0;
  for (let i = 0; i < n / 1000; i++) total += (JSON.parse(json) as { value: unknown[] }).value.length;
  const seconds = (performance.now() - t0) / 1000;
  report({ name: "JSON.parse of 1,000-item Graph pages", value: total / seconds, unit: "items/s" });
};

export default bench;
