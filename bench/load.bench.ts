/**
 * Load figures (issue 13), each scenario in a child process of its own (a fresh app
 * database, and a peak RSS that is the scenario's alone), against the demo tenant the app
 * serves in-process (about 1,200 users):
 * - people exploring and previewing through the app's routes with real sessions (send,
 *   next page, fetch-all, preview sample and the mapping over it: tests/faults/load-support.ts):
 *   requests/s and p95 latency with 20 at once, against 1 person alone making as many visits;
 * - projects syncing at once (one runner each, sharing the app's database, into a demo
 *   Port served on loopback): peak RSS and entities/s with 5 at once, against 1 alone.
 *
 * The file has two roles: the bench (default export), and with LOAD_BENCH_ROLE set, the
 * child that runs one scenario and prints its figures as one JSON line.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { Bench } from "./report";

interface VisitFigures {
  requests: number;
  seconds: number;
  p95Ms: number;
  failed: number;
}

interface SyncFigures {
  entities: number;
  seconds: number;
  peakRssMb: number;
  failed: number;
}

const SELF = __filename;

// ---- child role ---------------------------------------------------------------------

async function runScenario(role: "visits" | "syncs", count: number, visits: number): Promise<VisitFigures | SyncFigures> {
  const { openAppDatabase } = await import("../tests/security/support/app-database");
  const support = await import("../tests/faults/load-support");
  const { createNodeJqPool } = await import("../lib/jq/server");
  const { db } = await import("../lib/server/db");
  const app = openAppDatabase("load-bench", { SIMULATORS: "on", LOG_LEVEL: "silent" });
  const engine = createNodeJqPool();
  try {
    // One more person than the scenario needs: their visit or sync warms the process up.
    const users = await support.signedInUsersWithDemoProjects(count + 1);
    if (role === "visits") {
      await support.exploreAndPreview(users[count]!, engine, () => undefined);
      const answers: import("../tests/faults/load-support").LoadAnswer[] = [];
      const t0 = performance.now();
      await Promise.all(users.slice(0, count).map(async (user) => {
        for (let v = 0; v < visits; v++) await support.exploreAndPreview(user, engine, (a) => answers.push(a));
      }));
      const seconds = (performance.now() - t0) / 1000;
      const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
      return { requests: answers.length, seconds, p95Ms: sorted[Math.ceil(sorted.length * 0.95) - 1] ?? 0, failed: answers.filter((a) => a.status >= 300 || a.problem).length };
    }
    for (const user of users) await support.makeReadyToSync(user);
    const services = await support.servedDemoEndpoints();
    const sync = await support.syncReplicas(count, services.demo);
    try {
      await sync.queue(users[count]!);
      await sync.idle();
      const owners = users.slice(0, count);
      const t0 = performance.now();
      for (const user of owners) await sync.queue(user);
      await sync.claimAll();
      await sync.idle();
      const seconds = (performance.now() - t0) / 1000;
      const runs = await db().syncRun.findMany({ where: { projectId: { in: owners.map((u) => u.projectId) } } });
      const entities = runs.reduce((n, r) => n + ((JSON.parse(r.summary ?? "null") as { totals?: { entities: number } } | null)?.totals?.entities ?? 0), 0);
      return { entities, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, failed: runs.filter((r) => r.status !== "succeeded").length };
    } finally {
      await sync.close();
      await services.close();
    }
  } finally {
    await engine.close();
    app.close();
  }
}

if (process.env.LOAD_BENCH_ROLE) {
  const [role, count, visits] = process.env.LOAD_BENCH_ROLE.split(":");
  runScenario(role as "visits" | "syncs", Number(count), Number(visits)).then(
    (figures) => {
      process.stdout.write(`${JSON.stringify(figures)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

// ---- the bench --------------------------------------------------------------------

function scenario<T>(role: "visits" | "syncs", count: number, visits = 0): Promise<T> {
  const proc = spawn(process.execPath, ["--import", "tsx", SELF], { env: { ...process.env, LOAD_BENCH_ROLE: `${role}:${count}:${visits}` }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise<T>((resolve, reject) => {
    createInterface({ input: proc.stdout }).once("line", (line) => resolve(JSON.parse(line) as T));
    // "close", not "exit": a child that printed its line and exited at once may exit before the line is read.
    proc.once("close", (code) => reject(new Error(`load bench ${role} child exited with ${code} before printing its figures`)));
  });
}

const bench: Bench = async ({ quick, report }) => {
  const visits = quick ? 1 : 3;
  // The same number of visits either way: one person making all of them one after another.
  const alone = await scenario<VisitFigures>("visits", 1, 20 * visits);
  const crowd = await scenario<VisitFigures>("visits", 20, visits);
  const label = `${visits} visit(s) each, ${crowd.requests} requests, ${crowd.failed} failed`;
  const aloneLabel = `1 person alone making all ${20 * visits} visits (${alone.requests} requests, ${alone.failed} failed)`;
  report({ name: `route requests/s, 20 people at once (${label})`, value: crowd.requests / crowd.seconds, unit: "requests/s", baseline: { name: aloneLabel, value: alone.requests / alone.seconds } });
  report({ name: "route p95 latency, 20 people at once", value: crowd.p95Ms, unit: "ms", baseline: { name: "1 person alone", value: alone.p95Ms } });

  const one = await scenario<SyncFigures>("syncs", 1);
  const five = await scenario<SyncFigures>("syncs", 5);
  report({ name: `peak RSS of the process, 5 syncs at once (${five.entities.toLocaleString("en-US")} entities, ${five.failed} failed)`, value: five.peakRssMb, unit: "MB", baseline: { name: `1 sync alone (${one.entities.toLocaleString("en-US")} entities, ${one.failed} failed)`, value: one.peakRssMb } });
  report({ name: "entities/s of all syncs together, 5 at once", value: five.entities / five.seconds, unit: "entities/s", baseline: { name: "1 sync alone", value: one.entities / one.seconds } });
};

export default bench;
