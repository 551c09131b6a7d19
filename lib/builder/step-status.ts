/**
 * Where a project stands, step by step, in words for the step rail ("demo tenant
 * connected", "3 samples, 2,300 items", "14 fields picked", "4 blueprints, 1 not yet in
 * Port"), and which step comes next.
 */
import { assertProjectOwner } from "./access";
import { blueprintTextHash } from "./blueprint-push";
import type { ProjectStatus, StepState } from "./contracts";
import type { BuilderDeps } from "./deps";
import { getDocument } from "./documents";

const n = (v: number) => v.toLocaleString("en-US");
const plural = (v: number, one: string, many = `${one}s`) => `${n(v)} ${v === 1 ? one : many}`;

const GRAPH_MODE: Record<string, string> = { demo: "demo tenant connected", client_credentials: "tenant connected (client credentials)", token: "tenant connected (pasted token)" };

export async function projectStatus(deps: BuilderDeps, ownerId: string, projectId: string): Promise<ProjectStatus> {
  await assertProjectOwner(deps.db, ownerId, projectId);
  const [graph, port, samples, fields, blueprints] = await Promise.all([
    deps.db.graphConnection.findUnique({ where: { projectId }, select: { mode: true, tokenExpiresAt: true } }),
    deps.db.portConnection.findUnique({ where: { projectId }, select: { mode: true, region: true } }),
    deps.db.sample.findMany({ where: { projectId }, select: { endpoint: true, itemCount: true } }),
    getDocument(deps, ownerId, projectId, "fields"),
    getDocument(deps, ownerId, projectId, "blueprints"),
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

  const later = (id: StepState["id"], label: string): StepState => ({ id, label, state: "later", summary: "coming in a later version" });
  const steps = [connect, explore, fieldsStep, blueprintsStep, later("mapping", "Mapping"), later("export", "Export"), later("sync", "Sync")];
  const next = steps.find((s) => s.state === "ready")?.id ?? null;
  return { steps, next };
}
