/**
 * The Sync step's server side as the routes call it, with the server's runner working on
 * a demo project (demo tenant and demo Port served on loopback): start answers at once and
 * a second start is refused; the live stream carries the run from queued to its end; the
 * dry run's plan; cancel; a run of another project is a 404; the schedule; what stops a
 * sync before it starts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveGraphConnection, savePortConnection } from "./connections";
import { saveDocument } from "./documents";
import { saveMapping } from "./mapping-store";
import { createBuilderTestbed, type BuilderTestbed } from "./testing";
import { createNodeJqPool } from "../jq/server";
import type { JqEngine } from "../jq";
import { seedConfigYaml } from "../mapping";
import { seedBlueprints } from "../schema";
import { projectJobLoader } from "../sync/project-job";
import { startSyncRunner, syncRunner, type SyncRunner } from "../sync/runner";
import type { SyncStreamMessage } from "./sync-contracts";
import { cancelProjectRun, latestPlan, projectRun, projectRunDetail, projectRuns, projectSchedule, removeProjectSchedule, setProjectSchedule, startProjectRun, syncOverview } from "./sync-service";
import { runStream } from "./sync-stream";
import { runView } from "./sync-views";

let tb: BuilderTestbed;
let engine: JqEngine;
let runner: SyncRunner;

beforeAll(async () => {
  tb = await createBuilderTestbed({ graph: { sizes: { users: 600, groups: 4, applications: 3, servicePrincipals: 4, devices: 0 } } });
  engine = createNodeJqPool();
  runner = startSyncRunner({ db: tb.deps.db, loadJob: projectJobLoader({ deps: tb.deps, engine }), pollMs: 60_000 });
});
afterAll(async () => {
  await runner.stop();
  delete (globalThis as { __entraPortSyncRunner?: unknown }).__entraPortSyncRunner;
  await engine.close();
  await tb.close();
});

async function demoProject(withMapping = true): Promise<string> {
  const projectId = await tb.project();
  await saveGraphConnection(tb.deps, tb.alice, projectId, { mode: "demo", clientId: "demo-client" });
  await savePortConnection(tb.deps, tb.alice, projectId, { mode: "demo" });
  const blueprints = seedBlueprints().map((b) => ({ identifier: b.identifier, text: JSON.stringify(b, null, 2) }));
  await saveDocument(tb.deps, tb.alice, projectId, "blueprints", 0, { blueprints, pushed: {} });
  // /users pages at $top 999 would be one page: 100 a page gives the stream several steps.
  if (withMapping) await saveMapping(tb.deps, tb.alice, projectId, { version: 0, yaml: seedConfigYaml(["users"]).replace('$top: "999"', '$top: "100"') });
  return projectId;
}

async function streamOf(projectId: string, runId: string): Promise<SyncStreamMessage[]> {
  const out: SyncStreamMessage[] = [];
  const read = async () => runView(await projectRun(tb.deps, projectId, runId));
  for await (const m of runStream({ runId, read, source: syncRunner(), signal: new AbortController().signal, pollMs: 50, batchMs: 0 })) out.push(m);
  return out;
}

describe("sync service", () => {
  it("says what stops a sync, with the step that fixes it, and refuses to start it", async () => {
    const bare = await tb.project("bare");
    const overview = await syncOverview(tb.deps, tb.alice, bare);
    expect(overview.problems.map((p) => [p.step, p.code])).toEqual([
      ["connect", "graph_not_connected"],
      ["connect", "port_not_connected"],
      ["mapping", "sync_no_mapping"],
    ]);
    expect(overview).toMatchObject({ runnerAvailable: true, active: null, schedule: null, demoPort: false });
    await expect(startProjectRun(tb.deps, tb.alice, bare, {})).rejects.toMatchObject({ status: 409, code: "graph_not_connected" });

    const broken = await demoProject(false);
    await saveMapping(tb.deps, tb.alice, broken, { version: 0, yaml: "resources:\n  - kind: /users\n    port: [\n" });
    const problems = (await syncOverview(tb.deps, tb.alice, broken)).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ step: "mapping", code: "sync_invalid_mapping", message: expect.stringMatching(/line \d+/) });
  });

  it("runs a dry run, then a sync, streamed live from queued to the end; a second start is refused", async () => {
    const projectId = await demoProject();
    expect((await syncOverview(tb.deps, tb.alice, projectId)).demoPort).toBe(true);

    const dry = await startProjectRun(tb.deps, tb.alice, projectId, { dryRun: true });
    expect(dry).toMatchObject({ status: "queued", dryRun: true, trigger: "button" });
    await expect(startProjectRun(tb.deps, tb.alice, projectId, {})).rejects.toMatchObject({ status: 409, code: "sync_already_running" });
    const dryMessages = await streamOf(projectId, dry.id);
    expect(dryMessages.at(-1)).toMatchObject({ type: "run", run: { status: "succeeded" } });
    const plan = await latestPlan(tb.deps, projectId);
    expect(plan?.run.id).toBe(dry.id);
    expect(plan?.plan.find((p) => p.blueprint === "entra-id-user")).toMatchObject({ create: 600, update: 0, delete: 0 });
    expect(await tb.port.store.countEntities()).not.toContain("entra-id-user");

    const sync = await startProjectRun(tb.deps, tb.alice, projectId, {});
    const messages = await streamOf(projectId, sync.id);
    expect(messages[0]).toMatchObject({ type: "run" });
    const itemsSeen = messages.flatMap((m) => (m.type === "event" && m.event.type === "progress" ? [m.event.resource.items] : []));
    // Figures on the way (a page is 100 users), growing, not only the end.
    expect(itemsSeen.filter((n) => n > 0 && n < 600).length).toBeGreaterThanOrEqual(1);
    expect(itemsSeen).toEqual([...itemsSeen].sort((a, b) => a - b));
    expect(itemsSeen.at(-1)).toBe(600);
    expect(messages.some((m) => m.type === "event" && m.event.type === "run-finished")).toBe(true);
    expect(messages.at(-1)).toMatchObject({ type: "run", run: { status: "succeeded", totals: { created: 600 } } });
    expect((await tb.port.store.countEntities()).get("entra-id-user")).toBe(600);

    const history = await projectRuns(tb.deps, projectId);
    expect(history.map((r) => [r.dryRun, r.status])).toEqual([[false, "succeeded"], [true, "succeeded"]]);
    const detail = await projectRunDetail(tb.deps, projectId, sync.id);
    expect(detail).toMatchObject({ errors: [], deletion: { performed: true, deleted: 0 } });
  });

  it("cancels a run (nothing deleted, and why), and answers another project's run as missing", async () => {
    const projectId = await demoProject();
    const other = await demoProject();
    const run = await startProjectRun(tb.deps, tb.alice, projectId, {});
    await expect(cancelProjectRun(tb.deps, other, run.id)).rejects.toMatchObject({ status: 404, code: "sync_run_not_found" });
    await expect(projectRunDetail(tb.deps, other, run.id)).rejects.toMatchObject({ status: 404 });
    const cancelled = await cancelProjectRun(tb.deps, projectId, run.id);
    expect(cancelled.cancelRequested).toBe(true);
    const end = (await streamOf(projectId, run.id)).at(-1);
    expect(end).toMatchObject({ type: "run", run: { status: "cancelled", deletionSkipped: expect.stringMatching(/cancelled/) } });
    // Cancelling an ended run answers it as it is.
    expect(await cancelProjectRun(tb.deps, projectId, run.id)).toMatchObject({ status: "cancelled" });
    // The slot is free again.
    const next = await startProjectRun(tb.deps, tb.alice, projectId, { dryRun: true, verify: true });
    expect((await streamOf(projectId, next.id)).at(-1)).toMatchObject({ type: "run", run: { status: "succeeded", verify: true } });
    expect((await latestPlan(tb.deps, projectId))?.drift).not.toBeNull();
  });

  it("keeps a schedule: set, shown with its next run, disabled, removed", async () => {
    const projectId = await demoProject();
    const before = Date.now();
    const set = await setProjectSchedule(tb.deps, projectId, { intervalMinutes: 30 });
    expect(set).toMatchObject({ intervalMinutes: 30, enabled: true });
    expect(Date.parse(set.nextRunAt!)).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect((await syncOverview(tb.deps, tb.alice, projectId)).schedule).toEqual(set);
    expect(await setProjectSchedule(tb.deps, projectId, { intervalMinutes: 30, enabled: false })).toMatchObject({ enabled: false, nextRunAt: null });
    await removeProjectSchedule(tb.deps, projectId);
    expect(await projectSchedule(tb.deps, projectId)).toBeNull();
  });
});
