/**
 * A project holding one of everything a user owns: both connections with secrets, a
 * sample, the step documents, a mapping with a saved version, a finished sync run with
 * entity state, and a schedule. Written through the owner's own routes where a route
 * writes it (so it is shaped as the app shapes it), and as rows where only the sync
 * runner or Graph would write it.
 */
import { db } from "@/lib/server/db";
import { projectScope } from "@/lib/sync/run-store";
import { callRoute, sameOriginHeaders, type HttpMethod } from "./route-walk";

export const PLANTED_SECRETS = {
  graphClientSecret: "PLANTED-access-graph-secret-Qw3~x",
  portClientSecret: "PLANTED-access-port-secret-Er4~y",
};

export interface SeededProject {
  projectId: string;
  name: string;
  runId: string;
  mappingVersion: number;
  sampleEndpoint: string;
}

async function ownerCall(cookie: string, route: string, method: HttpMethod, projectId: string, body: unknown, extra: Record<string, string> = {}) {
  const response = await callRoute({ route, method, params: { id: projectId, ...extra }, headers: sameOriginHeaders(cookie), body: JSON.stringify(body) });
  if (response.status >= 300) throw new Error(`seeding ${method} ${route}: ${response.status} ${await response.text()}`);
}

export async function seedProject(owner: { id: string; cookie: string }, name: string): Promise<SeededProject> {
  const { id: projectId } = await db().project.create({ data: { name, ownerId: owner.id } });
  await ownerCall(owner.cookie, "projects/[id]/connections/graph/route.ts", "PUT", projectId, {
    mode: "client_credentials",
    cloud: "global",
    tenantId: "contoso.onmicrosoft.com",
    clientId: "11111111-2222-3333-4444-555555555555",
    clientSecret: PLANTED_SECRETS.graphClientSecret,
  });
  await ownerCall(owner.cookie, "projects/[id]/connections/port/route.ts", "PUT", projectId, {
    mode: "credentials",
    region: "eu",
    clientId: "port-client",
    clientSecret: PLANTED_SECRETS.portClientSecret,
  });
  const fields = { resources: { "/users": { picked: [".id", ".displayName"], identifier: ".id", title: ".displayName" } } };
  await ownerCall(owner.cookie, "projects/[id]/documents/[kind]/route.ts", "PUT", projectId, { version: 0, content: fields }, { kind: "fields" });
  await ownerCall(owner.cookie, "projects/[id]/mapping/route.ts", "PUT", projectId, { version: 0, yaml: `resources: []\n# ${name}\n`, checkpoint: true });
  const sampleEndpoint = "/users";
  const items = [{ id: "u1", displayName: `${name} person` }];
  await db().sample.create({
    data: { projectId, endpoint: sampleEndpoint, request: JSON.stringify({ path: sampleEndpoint }), items: JSON.stringify(items), itemCount: 1, bytes: 60 },
  });
  const scope = projectScope(projectId);
  const run = await db().syncRun.create({
    data: { scope, projectId, status: "succeeded", trigger: "button", startedAt: new Date(), finishedAt: new Date(), summary: JSON.stringify({ project: name }) },
  });
  await db().syncEntityState.create({
    data: { scope, blueprint: "entraUser", identifier: "u1", fingerprint: "f", content: JSON.stringify({ title: `${name} person` }), kind: "/users", seenRunId: run.id },
  });
  await db().syncSchedule.create({ data: { projectId, intervalMinutes: 60, nextRunAt: new Date(Date.now() + 3_600_000), lastRunId: run.id } });
  const version = await db().mappingVersion.findFirst({ where: { projectId }, orderBy: { version: "desc" }, select: { version: true } });
  if (!version) throw new Error("seeding: the mapping save kept no version");
  return { projectId, name, runId: run.id, mappingVersion: version.version, sampleEndpoint };
}
