/**
 * A project's sync as the server runs it ("Sync now"): the runner builds the job from the
 * project's stored connections (demo tenant, demo Port, served on loopback as the app
 * serves them), its Blueprints step document and its mapping, and writes to the demo Port.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBuilderTestbed, type BuilderTestbed } from "@/lib/builder/testing";
import { saveGraphConnection, savePortConnection } from "@/lib/builder/connections";
import { blueprintTextHash } from "@/lib/builder/blueprint-push";
import { getDocument, saveDocument } from "@/lib/builder/documents";
import { saveMapping } from "@/lib/builder/mapping-store";
import { projectStatus } from "@/lib/builder/step-status";
import { createNodeJqPool } from "@/lib/jq/server";
import type { JqEngine } from "@/lib/jq";
import { seedConfigYaml } from "@/lib/mapping";
import { seedBlueprints } from "@/lib/schema";
import { projectJobLoader } from "./project-job";
import { createSyncRunner } from "./runner";

let tb: BuilderTestbed;
let engine: JqEngine;
beforeEach(async () => {
  tb = await createBuilderTestbed({ graph: { sizes: { users: 30, groups: 4, applications: 3, servicePrincipals: 4, devices: 0 } } });
  engine = createNodeJqPool();
});
afterEach(async () => {
  await engine.close();
  await tb.close();
});

async function demoProject(withBlueprints = true): Promise<string> {
  const projectId = await tb.project();
  await saveGraphConnection(tb.deps, tb.alice, projectId, { mode: "demo", clientId: "demo-client" });
  await savePortConnection(tb.deps, tb.alice, projectId, { mode: "demo" });
  if (withBlueprints) {
    const blueprints = seedBlueprints().map((b) => ({ identifier: b.identifier, text: JSON.stringify(b, null, 2) }));
    await saveDocument(tb.deps, tb.alice, projectId, "blueprints", 0, { blueprints, pushed: {} });
  }
  return projectId;
}

describe("projectJobLoader", () => {
  it("syncs a demo project from its connections, blueprints and Mapping step document", async () => {
    const projectId = await demoProject();
    await saveMapping(tb.deps, tb.alice, projectId, { version: 0, yaml: seedConfigYaml(["users", "groups"]) });
    const runner = createSyncRunner({ db: tb.deps.db, loadJob: projectJobLoader({ deps: tb.deps, engine }) });
    const run = await runner.enqueue({ projectId });
    await runner.idle();
    const done = await runner.runs.get(run.id);
    expect(done).toMatchObject({ status: "succeeded", projectId });
    expect(done!.summary!.blueprints!.created).toContain("entra-id-user");
    const counts = await tb.port.store.countEntities();
    expect(counts.get("entra-id-user")).toBe(30);
    expect(counts.get("entra-id-group")).toBe(4);
    // The Blueprints step now knows Port holds them (its rail stops asking to create them).
    const doc = (await getDocument(tb.deps, tb.alice, projectId, "blueprints")).content!;
    for (const b of doc.blueprints) expect(doc.pushed[b.identifier]?.hash, b.identifier).toBe(blueprintTextHash(b.text));
    // The rail: the sync is done.
    expect((await projectStatus(tb.deps, tb.alice, projectId)).steps.find((s) => s.id === "sync")!.state).toBe("done");
  });

  it("a project without a mapping fails its run with the step to fix", async () => {
    const projectId = await demoProject(false);
    const runner = createSyncRunner({ db: tb.deps.db, loadJob: projectJobLoader({ deps: tb.deps, engine }) });
    const run = await runner.enqueue({ projectId });
    await runner.idle();
    const failed = await runner.runs.get(run.id);
    expect(failed).toMatchObject({ status: "failed" });
    expect(failed!.errors[0]).toMatchObject({ code: "sync_no_mapping", hint: expect.stringMatching(/Mapping step/) });
  });
});
