/**
 * Where a project stands, step by step, in words for the step rail ("demo tenant
 * connected", "3 samples, 2,300 items", "14 fields picked", "4 blueprints, 1 not yet in
 * Port"), and which step comes next.
 */
import { assertProjectAccess } from "./access";
import { blueprintTextHash } from "./blueprint-push";
import type { ProjectStatus, StepState } from "./contracts";
import type { BuilderDeps } from "./deps";
import { readDocument } from "./documents";
import { MAPPING_DOCUMENT_KIND } from "./mapping-store";
import { parsePortAppConfig } from "../mapping";
import { projectRuns, projectSchedule } from "./sync-service";
import type { SyncRunView, SyncScheduleView } from "./sync-contracts";

const n = (v: number) => v.toLocaleString("en-US");
const plural = (v: number, one: string, many = `${one}s`) => `${n(v)} ${v === 1 ? one : many}`;

const GRAPH_MODE: Record<string, string> = { demo: "demo tenant connected", client_credentials: "tenant connected (client credentials)", token: "tenant connected (pasted token)" };

export async function projectStatus(deps: BuilderDeps, userId: string, projectId: string): Promise<ProjectStatus> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  const [graph, port, samples, fields, blueprints, mappingRow] = await Promise.all([
    deps.db.graphConnection.findUnique({ where: { projectId }, select: { mode: true, tokenExpiresAt: true } }),
    deps.db.portConnection.findUnique({ where: { projectId }, select: { mode: true, region: true } }),
    deps.db.sample.findMany({ where: { projectId }, select: { endpoint: true, itemCount: true } }),
    readDocument(deps, projectId, "fields"),
    readDocument(deps, projectId, "blueprints"),
    deps.db.projectDocument.findUnique({ where: { projectId_kind: { projectId, kind: MAPPING_DOCUMENT_KIND } }, select: { content: true } }),
  ]);

  const connectParts = [
    graph ? GRAPH_MODE[graph.mode] ?? "tenant connected" : "no Graph connection",
    port ? (port.mode === "demo" ? "demo Port connected" : `Port ${port.region.toUpperCase()} connected`) : "no Port connection",
  ];
  if (graph?.tokenExpiresAt && graph.tokenExpiresAt.getTime() < Date.now()) connectParts[0] = "the pasted token has expired";
  const connect: StepState = { id: "connect", label: "Connect", state: graph && port ? "done" : "ready", summary: connectParts.join("; ") };

  const items = samples.reduce((s, x) => s + x.itemCount, 0);
  const explore: StepState = {
    id: "explore",
    label: "Explore",
    state: samples.length ? "done" : graph ? "ready" : "waiting",
    summary: samples.length ? `${plural(samples.length, "sample")}, ${plural(items, "item")}` : graph ? "no samples yet" : "connect Graph first",
  };

  const picked = Object.values(fields.content?.resources ?? {}).reduce((s, r) => s + r.picked.length, 0);
  const fieldsStep: StepState = {
    id: "fields",
    label: "Fields",
    state: picked ? "done" : samples.length ? "ready" : "waiting",
    summary: picked ? `${plural(picked, "field")} picked` : samples.length ? "no fields picked yet" : "keep a sample first",
  };

  const bps = blueprints.content?.blueprints ?? [];
  const pushed = blueprints.content?.pushed ?? {};
  const notInPort = bps.filter((b) => pushed[b.identifier]?.hash !== blueprintTextHash(b.text)).length;
  const blueprintsStep: StepState = {
    id: "blueprints",
    label: "Blueprints",
    state: bps.length && notInPort === 0 ? "done" : bps.length || picked ? "ready" : "waiting",
    summary: bps.length
      ? `${plural(bps.length, "blueprint")}${notInPort ? `, ${n(notInPort)} not yet in Port` : ", all in Port"}`
      : picked ? "no blueprints yet" : "pick fields first (or start from the template)",
  };

  const mapping = mappingState(mappingRow?.content ?? null);
  const mappingStep: StepState = {
    id: "mapping",
    label: "Mapping",
    state: mapping.resources !== null && mapping.valid ? "done" : graph ? "ready" : "waiting",
    summary:
      mapping.resources === null
        ? graph ? "starts from the seed mapping and your picks" : "connect Graph first"
        : `${plural(mapping.resources, "resource")}${mapping.valid ? "" : "; the saved text has an error (the last valid one is kept)"}`,
  };
  const exportStep: StepState = {
    id: "export",
    label: "Export",
    state: mapping.resources !== null ? "ready" : "waiting",
    summary: mapping.resources !== null ? "Helm, values.yaml, Docker, Argo CD, GitHub Actions" : "write or import a mapping first",
  };
  const [runs, schedule] = await Promise.all([projectRuns(deps, projectId), projectSchedule(deps, projectId)]);
  const lastRun = runs.find((r) => !r.dryRun) ?? null;
  const canSync = Boolean(graph && port && mapping.resources !== null);
  const syncStep: StepState = {
    id: "sync",
    label: "Sync",
    state: lastRun?.status === "succeeded" ? "done" : canSync ? "ready" : "waiting",
    summary: [syncSummary(lastRun, canSync, graph !== null && port !== null), scheduleSummary(schedule)].filter(Boolean).join("; "),
  };
  const steps = [connect, explore, fieldsStep, blueprintsStep, mappingStep, exportStep, syncStep];
  return { steps, next: nextStep(steps) };
}

/**
 * The first step ready to be done. Export stays available, but once the builder's own
 * sync has succeeded it is not what comes next.
 */
export function nextStep(steps: readonly StepState[]): StepState["id"] | null {
  const synced = steps.some((s) => s.id === "sync" && s.state === "done");
  return steps.find((s) => s.state === "ready" && !(s.id === "export" && synced))?.id ?? null;
}

/** The saved mapping's resource count (from its last valid text) and whether the saved text itself is valid. */
function mappingState(content: string | null): { resources: number | null; valid: boolean } {
  if (!content) return { resources: null, valid: false };
  let doc: { yaml?: unknown; lastValidYaml?: unknown };
  try {
    doc = JSON.parse(content) as typeof doc;
  } catch {
    return { resources: null, valid: false };
  }
  const text = typeof doc.yaml === "string" ? doc.yaml : null;
  const lastValid = typeof doc.lastValidYaml === "string" ? doc.lastValidYaml : null;
  const current = text ? parsePortAppConfig(text) : null;
  const valid = current !== null && current.config !== null && current.issues.length === 0;
  const usable = valid ? current : lastValid ? parsePortAppConfig(lastValid) : null;
  return { resources: usable?.config ? usable.config.resources.length : null, valid };
}

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) + " UTC";

function syncSummary(run: SyncRunView | null, canSync: boolean, connected: boolean): string {
  if (!run) return canSync ? "no sync yet: plan it first" : connected ? "write a valid mapping first" : "connect Graph and Port first";
  if (run.status === "queued" || run.status === "running") return `sync running since ${when(run.startedAt ?? run.queuedAt)}`;
  const t = run.totals;
  if (run.status === "succeeded") return `last sync ${when(run.finishedAt ?? run.queuedAt)}: ${n(t.entities)} entities (${n(t.created + t.updated)} written, ${n(t.unchanged)} unchanged, ${n(t.deleted)} deleted)`;
  const errors = run.errorCount ? `${plural(run.errorCount, "error")}, ` : "";
  return `last sync ${run.status}: ${errors}nothing deleted`;
}

function scheduleSummary(schedule: SyncScheduleView | null): string {
  if (!schedule?.enabled || !schedule.nextRunAt) return "";
  return `every ${plural(schedule.intervalMinutes, "minute")}, next ${when(schedule.nextRunAt)}`;
}
