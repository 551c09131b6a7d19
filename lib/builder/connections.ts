/**
 * A project's Graph and Port connections. Secrets are encrypted before they touch the
 * database and never come back out through this module's views: a view says "set" or
 * "not set". Saving with a blank secret keeps the stored one, so a person can change the
 * tenant without retyping the secret.
 */
import { AppError } from "../errors";
import { decryptSecret, encryptSecret } from "../server/secrets";
import { assertProjectAccess } from "./access";
import type {
  ConnectionsView,
  GraphConnectionInput,
  GraphConnectionView,
  PortConnectionInput,
  PortConnectionView,
} from "./contracts";
import type { BuilderDeps } from "./deps";
import { tokenExpiry } from "./token-expiry";

type GraphRow = NonNullable<Awaited<ReturnType<BuilderDeps["db"]["graphConnection"]["findUnique"]>>>;
type PortRow = NonNullable<Awaited<ReturnType<BuilderDeps["db"]["portConnection"]["findUnique"]>>>;

const blank = (v: string | undefined): boolean => v === undefined || v.trim() === "";

function demoOff(): AppError {
  return new AppError("demo_unavailable", "The demo tenant and demo Port are turned off on this server.", {
    status: 409,
    hint: "Connect a real tenant and Port account, or ask an administrator to set SIMULATORS=on.",
  });
}

export function graphView(row: GraphRow): GraphConnectionView {
  return {
    mode: row.mode as GraphConnectionView["mode"],
    cloud: row.cloud as GraphConnectionView["cloud"],
    tenantId: row.tenantId,
    clientId: row.clientId,
    clientSecret: row.secretCipher ? "set" : "not set",
    token: row.tokenCipher ? "set" : "not set",
    tokenExpiresAt: row.tokenExpiresAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function portView(row: PortRow): PortConnectionView {
  return {
    mode: row.mode as PortConnectionView["mode"],
    region: row.region as PortConnectionView["region"],
    clientId: row.clientId,
    clientSecret: row.secretCipher ? "set" : "not set",
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getConnections(deps: BuilderDeps, userId: string, projectId: string): Promise<ConnectionsView> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  const [graph, port] = await Promise.all([
    deps.db.graphConnection.findUnique({ where: { projectId } }),
    deps.db.portConnection.findUnique({ where: { projectId } }),
  ]);
  return { graph: graph ? graphView(graph) : null, port: port ? portView(port) : null, demoAvailable: deps.demo !== null };
}

function missingSecret(what: string): AppError {
  return new AppError("secret_required", `Enter the ${what}: none is stored yet.`, {
    status: 400,
    location: { path: what === "bearer token" ? "token" : "clientSecret" },
    hint: "Secrets are write-only: once saved, leave the field blank to keep the stored value.",
  });
}

export async function saveGraphConnection(
  deps: BuilderDeps,
  userId: string,
  projectId: string,
  input: GraphConnectionInput,
): Promise<GraphConnectionView> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  const existing = await deps.db.graphConnection.findUnique({ where: { projectId } });
  let data: Omit<GraphRow, "projectId" | "createdAt" | "updatedAt">;
  if (input.mode === "demo") {
    if (!deps.demo) throw demoOff();
    data = { mode: "demo", cloud: "global", tenantId: null, clientId: input.clientId ?? "demo-client", secretCipher: null, tokenCipher: null, tokenExpiresAt: null };
  } else if (input.mode === "client_credentials") {
    // A secret typed for another app or tenant must not silently pair with the old one.
    const keep = existing?.mode === "client_credentials" ? existing.secretCipher : null;
    const secretCipher = blank(input.clientSecret) ? keep : encryptSecret(input.clientSecret!.trim(), deps.encryptionKey);
    if (!secretCipher) throw missingSecret("client secret");
    data = { mode: input.mode, cloud: input.cloud, tenantId: input.tenantId, clientId: input.clientId, secretCipher, tokenCipher: null, tokenExpiresAt: null };
  } else {
    const keep = existing?.mode === "token" ? { cipher: existing.tokenCipher, exp: existing.tokenExpiresAt } : null;
    const token = blank(input.token) ? null : input.token!.trim().replace(/^Bearer\s+/i, "");
    const tokenCipher = token ? encryptSecret(token, deps.encryptionKey) : (keep?.cipher ?? null);
    if (!tokenCipher) throw missingSecret("bearer token");
    const tokenExpiresAt = token ? tokenExpiry(token) : (keep?.exp ?? null);
    data = { mode: "token", cloud: input.cloud, tenantId: null, clientId: null, secretCipher: null, tokenCipher, tokenExpiresAt };
  }
  const row = await deps.db.graphConnection.upsert({ where: { projectId }, create: { projectId, ...data }, update: data });
  return graphView(row);
}

export async function savePortConnection(
  deps: BuilderDeps,
  userId: string,
  projectId: string,
  input: PortConnectionInput,
): Promise<PortConnectionView> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  const existing = await deps.db.portConnection.findUnique({ where: { projectId } });
  let data: Omit<PortRow, "projectId" | "createdAt" | "updatedAt">;
  if (input.mode === "demo") {
    if (!deps.demo) throw demoOff();
    data = { mode: "demo", region: "eu", clientId: null, secretCipher: null };
  } else {
    const keep = existing?.mode === "credentials" ? existing.secretCipher : null;
    const secretCipher = blank(input.clientSecret) ? keep : encryptSecret(input.clientSecret!.trim(), deps.encryptionKey);
    if (!secretCipher) throw missingSecret("client secret");
    data = { mode: "credentials", region: input.region, clientId: input.clientId, secretCipher };
  }
  const row = await deps.db.portConnection.upsert({ where: { projectId }, create: { projectId, ...data }, update: data });
  return portView(row);
}

export async function deleteConnection(deps: BuilderDeps, userId: string, projectId: string, target: "graph" | "port"): Promise<void> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  if (target === "graph") await deps.db.graphConnection.deleteMany({ where: { projectId } });
  else await deps.db.portConnection.deleteMany({ where: { projectId } });
}

/** The stored Graph connection with its secret decrypted: for building a client only. */
export async function loadGraphConnection(deps: BuilderDeps, userId: string, projectId: string): Promise<GraphRow & { secret: string | null }> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  const row = await deps.db.graphConnection.findUnique({ where: { projectId } });
  if (!row) {
    throw new AppError("graph_not_connected", "This project has no Microsoft Graph connection yet.", {
      status: 409,
      hint: "Open the Connect step and connect the demo tenant or your own tenant.",
    });
  }
  const cipher = row.secretCipher ?? row.tokenCipher;
  return { ...row, secret: cipher ? decryptSecret(cipher, deps.decryptionKeys ?? deps.encryptionKey) : null };
}

export async function loadPortConnection(deps: BuilderDeps, userId: string, projectId: string): Promise<PortRow & { secret: string | null }> {
  await assertProjectAccess(deps.db, userId, projectId, "read");
  const row = await deps.db.portConnection.findUnique({ where: { projectId } });
  if (!row) {
    throw new AppError("port_not_connected", "This project has no Port connection yet.", {
      status: 409,
      hint: "Open the Connect step and connect the demo Port or your Port account.",
    });
  }
  return { ...row, secret: row.secretCipher ? decryptSecret(row.secretCipher, deps.decryptionKeys ?? deps.encryptionKey) : null };
}

export { demoOff };
