/**
 * Fault figures (issue 13), over real HTTP against the demo tenant and a demo Port served
 * on loopback (tests/faults/support.ts), each against a baseline of the same run undisturbed:
 * - a sync SIGKILLed mid-run: time from the kill to the next run's success (a new
 *   `cli sync` process: its start marks the dead run interrupted), against an undisturbed
 *   run start to end;
 * - Port unreachable (a closed port; a server that accepts and never answers): time until
 *   the run has failed with its clear message, the client's retry policy as shipped (its
 *   waits between attempts counted, not slept), against a successful run of the same size;
 * - the clock jumping an hour forward under a 5-minute schedule: runs started for the
 *   skipped hour (1 catch-up expected), against an hour lived through minute by minute.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Bench } from "./report";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const noOtherKinds = { groups: 0, applications: 0, servicePrincipals: 0, devices: 0 };

async function killedSync(users: number): Promise<{ recoverySeconds: number; undisturbedSeconds: number; writtenBeforeKill: number }> {
  const { seedConfigYaml } = await import("../lib/mapping");
  const { seedBlueprints } = await import("../lib/schema");
  const { serveDemoTenant } = await import("../lib/simulators/graph/testing");
  const { oceanEnv, serveWatchedPort, spawnCli, writeFile } = await import("../tests/faults/support");
  const tenant = await serveDemoTenant({ sizes: { users, ...noOtherKinds } });
  const dirs: string[] = [];
  try {
    const fresh = async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "faults-bench-"));
      dirs.push(dir);
      const port = await serveWatchedPort();
      const config = writeFile(dir, "users.yml", seedConfigYaml(["users"]).replace('$top: "999"', '$top: "100"'));
      const blueprints = writeFile(dir, "blueprints.json", JSON.stringify(seedBlueprints()));
      return { port, argv: ["sync", "--config", config, "--blueprints", blueprints], env: oceanEnv(tenant, port.baseUrl, dir) };
    };
    const succeeded = async (run: ReturnType<typeof spawnCli>) => {
      const end = await run.done;
      if (end.code !== 0) throw new Error(`cli sync exited with ${end.code}: ${end.stderr.slice(0, 500)}`);
    };

    const calm = await fresh();
    let t0 = performance.now();
    await succeeded(spawnCli(calm.argv, calm.env));
    const undisturbedSeconds = (performance.now() - t0) / 1000;
    await calm.port.close();

    const hit = await fresh();
    const killed = spawnCli(hit.argv, hit.env);
    // Killed once half the users' bulks (of 20) are in Port.
    const killAt = Math.max(1, Math.floor(users / 40));
    hit.port.onUpsert = (n) => {
      if (n !== killAt) return;
      t0 = performance.now();
      killed.proc.kill("SIGKILL");
    };
    await killed.done;
    hit.port.onUpsert = null;
    const writtenBeforeKill = (await hit.port.holdings("entra-id-user")).size;
    await succeeded(spawnCli(hit.argv, hit.env));
    const recoverySeconds = (performance.now() - t0) / 1000;
    await hit.port.close();
    return { recoverySeconds, undisturbedSeconds, writtenBeforeKill };
  } finally {
    await tenant.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

interface FailureTiming {
  status: string;
  code: string;
  seconds: number;
  waitedSeconds: number;
  connections: number;
}

async function unreachablePort(users: number, attemptTimeoutMs: number): Promise<{ success: { status: string; seconds: number }; failures: Map<string, FailureTiming> }> {
  const { SEED_RESOURCES } = await import("../lib/mapping");
  const { fakeClock } = await import("../lib/simulators/port/testing");
  const { startSyncTestBed } = await import("../lib/sync/testing");
  const { serveUnreachable } = await import("../tests/faults/support");
  const yaml = `resources:\n${SEED_RESOURCES.users.replace('$top: "999"', '$top: "100"')}`;
  const bed = await startSyncTestBed({ tenant: { sizes: { users, ...noOtherKinds } } });
  try {
    let t0 = performance.now();
    const ok = await bed.sync({ job: bed.job({ yaml }) });
    const success = { status: ok.status, seconds: (performance.now() - t0) / 1000 };
    const failures = new Map<string, FailureTiming>();
    for (const kind of ["closed port", "accepts and never answers"] as const) {
      const target = await serveUnreachable(kind);
      try {
        const clock = fakeClock(Date.now());
        const port = bed.portClient({ baseUrl: `${target.origin}/api/sim/port`, attemptTimeoutMs, sleep: clock.sleep, now: clock.now });
        t0 = performance.now();
        const run = await bed.sync({ job: bed.job({ yaml, port }) });
        const waitedSeconds = clock.sleeps.reduce((a, b) => a + b, 0) / 1000;
        failures.set(kind, { status: run.status, code: run.failure?.code ?? "none", seconds: (performance.now() - t0) / 1000 + waitedSeconds, waitedSeconds, connections: target.connections() });
      } finally {
        await target.close();
      }
    }
    return { success, failures };
  } finally {
    await bed.close();
  }
}

async function clockJump(): Promise<{ skippedHourRuns: number; livedHourRuns: number }> {
  const { SEED_RESOURCES } = await import("../lib/mapping");
  const { fakeClock } = await import("../lib/simulators/port/testing");
  const { projectScope } = await import("../lib/sync/run-store");
  const { createSyncRunner } = await import("../lib/sync/runner");
  const { startSyncTestBed } = await import("../lib/sync/testing");
  const yaml = `resources:\n${SEED_RESOURCES.users.replace('$top: "999"', '$top: "10"')}`;
  const bed = await startSyncTestBed({ tenant: { sizes: { users: 20, ...noOtherKinds } } });
  try {
    const scheduledRunsOver = async (project: string, live: (step: () => Promise<void>, clock: ReturnType<typeof fakeClock>) => Promise<void>) => {
      const clock = fakeClock(Date.now());
      const runner = createSyncRunner({ db: bed.database.db, now: clock.now, databaseFile: bed.database.file, loadJob: () => Promise.resolve(bed.job({ yaml, scope: projectScope(project) })) });
      try {
        await runner.schedules.set(project, { intervalMinutes: 5 });
        await live(async () => {
          await runner.tick();
          await runner.idle();
        }, clock);
        return (await runner.runs.list(projectScope(project))).filter((r) => r.trigger === "schedule").length;
      } finally {
        await runner.stop();
      }
    };
    const livedHourRuns = await scheduledRunsOver("lived-hour", async (step, clock) => {
      for (let minute = 0; minute < 60; minute++) {
        clock.advance(MINUTE);
        await step();
      }
    });
    const skippedHourRuns = await scheduledRunsOver("skipped-hour", async (step, clock) => {
      clock.advance(HOUR);
      // The runner polls every 2 s: a few passes at the new time, as it would make.
      for (let pass = 0; pass < 3; pass++) await step();
    });
    return { skippedHourRuns, livedHourRuns };
  } finally {
    await bed.close();
  }
}

const bench: Bench = async ({ quick, report }) => {
  const users = quick ? 400 : 2_000;
  const kill = await killedSync(users);
  report({
    name: `killed sync (${users.toLocaleString("en-US")} users, SIGKILL after ${kill.writtenBeforeKill} written): kill to the next run's success`,
    value: kill.recoverySeconds,
    unit: "s",
    baseline: { name: "an undisturbed run, start to end", value: kill.undisturbedSeconds },
  });

  const attemptTimeoutMs = quick ? 200 : 1_000;
  const port = await unreachablePort(quick ? 100 : 500, attemptTimeoutMs);
  for (const [kind, f] of port.failures) {
    const timeout = kind === "closed port" ? "" : `, ${attemptTimeoutMs} ms per attempt (shipped: 120 s)`;
    report({
      name: `Port unreachable (${kind}${timeout}): time to a clear failure (${f.status} ${f.code}, ${f.connections} connections, ${f.waitedSeconds.toFixed(1)} s of it waits between attempts)`,
      value: f.seconds,
      unit: "s",
      baseline: { name: `a successful run of the same size (${port.success.status})`, value: port.success.seconds },
    });
  }

  const clock = await clockJump();
  report({ name: "scheduled runs (every 5 min) started for an hour the clock skipped", value: clock.skippedHourRuns, unit: "runs", baseline: { name: "an hour lived through minute by minute", value: clock.livedHourRuns } });
};

export default bench;
