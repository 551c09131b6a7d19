/**
 * Mapping throughput: the four seed mappings over generated Graph objects (100,000 of
 * each; 10,000 with --quick), in 999-item pages as Graph returns them with $select.
 * Figures per mapping: the engine (fast path + jq-wasm on a 2-worker pool), the engine
 * with every field through jq-wasm, and as baseline Debian's jq binary running the same
 * wrapped page program over the same pages in one process.
 * Data: lib/simulators/graph's deterministic demo tenant (`demoRecords`).
 * For users also: the same pages with one item jq cannot read in each (a lone surrogate),
 * which the engine isolates (lib/jq/batch-run.ts) instead of failing the page.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { buildPageProgram } from "@/lib/jq/program";
import { createNodeJqPool } from "@/lib/jq/server";
import { compileResource, createRunState, evaluatePage, parsePortAppConfig, SEED_RESOURCES, type ResourceConfig } from "@/lib/mapping";
import { demoRecords } from "@/lib/simulators/graph/data";
import type { Bench } from "./report";

const JQ = "/usr/bin/jq";
const PAGE = 999;
const SEEDS = [
  ["users", "users"],
  ["groups", "groups"],
  ["applications", "applications"],
  ["servicePrincipals", "servicePrincipals"],
] as const;

function pagesFor(kind: (typeof SEEDS)[number][1], resource: ResourceConfig, count: number): { value: Record<string, unknown>[] }[] {
  const select = String(resource.selector.query_params?.$select ?? "").split(",");
  const pages: { value: Record<string, unknown>[] }[] = [];
  let page: Record<string, unknown>[] = [];
  for (const record of demoRecords(kind, count)) {
    const projected: Record<string, unknown> = {};
    for (const k of select) projected[k] = record[k] ?? null; // Graph returns selected properties, null when unset
    page.push(projected);
    if (page.length === PAGE) {
      pages.push({ value: page });
      page = [];
    }
  }
  if (page.length > 0) pages.push({ value: page });
  return pages;
}

/** The pages with the middle item's displayName holding a lone surrogate, which jq refuses to read. */
function withUnreadableItem(pages: { value: Record<string, unknown>[] }[]): { value: Record<string, unknown>[] }[] {
  return pages.map((p) => {
    const value = [...p.value];
    const middle = Math.floor(value.length / 2);
    value[middle] = { ...value[middle], displayName: "bad\ud800" };
    return { value };
  });
}

const bench: Bench = async ({ quick, report }) => {
  const count = quick ? 10_000 : 100_000;
  const engine = createNodeJqPool({ size: 2, timeoutMs: 60_000 });
  try {
    for (const [seed, kind] of SEEDS) {
      const parsed = parsePortAppConfig(`resources:\n${SEED_RESOURCES[seed]}`);
      const resource = parsed.config!.resources[0]!;
      const pages = pagesFor(kind, resource, count);
      const items = pages.reduce((n, p) => n + p.value.length, 0);

      const measure = async (fastPath: boolean, bodies = pages) => {
        const compiled = await compileResource(engine, resource, { fastPath });
        await evaluatePage(compiled, bodies[0], { engine }); // warm-up: workers loaded, JIT warm
        const state = createRunState();
        let entities = 0;
        const t0 = performance.now();
        for (const body of bodies) entities += (await evaluatePage(compiled, body, { engine, state })).entities.length;
        return { perSecond: entities / ((performance.now() - t0) / 1000), compiled };
      };
      const fast = await measure(true);
      const wasmOnly = await measure(false);
      const fields = fast.compiled.fields.length;
      const jqFields = fast.compiled.batch.jqFields.length;

      let baseline: { name: string; value: number } | undefined;
      if (existsSync(JQ)) {
        const exprs = fast.compiled.batch.fields.map((f) => f.jq);
        const program = buildPageProgram(exprs, fast.compiled.batch.selector?.jq);
        const input = pages.map((p) => JSON.stringify(p.value)).join("\n");
        const t0 = performance.now();
        const out = execFileSync(JQ, ["-c", program], { input, maxBuffer: 1 << 30 }).toString();
        const mapped = out.split("\n").filter(Boolean).reduce((n, line) => n + (JSON.parse(line) as unknown[]).length, 0);
        baseline = { name: "jq 1.6 binary, same program", value: mapped / ((performance.now() - t0) / 1000) };
      }
      const label = `${seed} mapping (${fields} fields, ${jqFields} via jq) over ${items.toLocaleString("en-US")} items`;
      report({ name: `${label}: engine`, value: fast.perSecond, unit: "entities/s", baseline });
      report({ name: `${label}: engine, all fields via jq-wasm`, value: wasmOnly.perSecond, unit: "entities/s", baseline });
      if (seed === "users") {
        const dirty = withUnreadableItem(pages);
        report({ name: `${label}, one unreadable item per page: engine`, value: (await measure(true, dirty)).perSecond, unit: "entities/s", baseline });
        report({ name: `${label}, one unreadable item per page: all via jq-wasm`, value: (await measure(false, dirty)).perSecond, unit: "entities/s", baseline });
      }
    }
  } finally {
    await engine.close();
  }
};

export default bench;
