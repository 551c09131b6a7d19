/**
 * "Test connection": each check in plain words. Graph: a token, then one small read of
 * each collection the builder maps, so a missing permission is named for the collection
 * it blocks (with the admin-consent link). Port: a token, then a blueprint read.
 */
import { adminConsentUrl, getCloud, isGraphError, type GraphClient } from "../graph";
import { isAppError } from "../errors";
import { graphForProject, portForProject } from "./clients";
import type { ConnectionCheck, ConnectionTestResult } from "./contracts";
import type { BuilderDeps } from "./deps";

/** The collections the seed mapping reads, in the order a person would fix them. */
export const CHECKED_COLLECTIONS = ["/users", "/groups", "/applications", "/servicePrincipals"] as const;

/** A verdict within seconds: one retry, short timeouts (the sync keeps Graph's full patience). */
const CHECK_USE = { retry: { maxAttempts: 2, budgetMs: 15_000 }, timeoutMs: 10_000 } as const;

/** Errors that say the host was not reached: the other checks would only wait for the same. */
const UNREACHABLE = new Set(["network_error", "login_unreachable", "host_not_allowed"]);

function failure(id: string, label: string, error: unknown, link?: string): ConnectionCheck {
  if (isAppError(error)) return { id, label, status: "failed", code: error.code, detail: error.message, ...(error.hint ? { hint: error.hint } : {}), ...(link ? { link } : {}) };
  return { id, label, status: "failed", detail: "The check failed unexpectedly.", hint: "Try again; if it keeps failing, see the server log." };
}

async function checkCollection(client: GraphClient, path: string, consentLink: string | undefined): Promise<ConnectionCheck> {
  const label = `${path} readable`;
  try {
    const res = await client.request<{ value?: unknown[] }>(path, { query: { $top: 1, $select: "id" } });
    const n = Array.isArray(res.body.value) ? res.body.value.length : 0;
    return { id: path, label, status: "ok", detail: n ? `Read ${path} (${res.timing.durationMs} ms).` : `Read ${path}: it is empty in this tenant.` };
  } catch (error) {
    const needsConsent = isGraphError(error) && error.status === 403;
    return failure(path, label, error, needsConsent ? consentLink : undefined);
  }
}

export async function testGraphConnection(deps: BuilderDeps, userId: string, projectId: string): Promise<ConnectionTestResult> {
  const graph = await graphForProject(deps, userId, projectId, CHECK_USE);
  const checks: ConnectionCheck[] = [];
  const tokenLabel = graph.mode === "token" ? "Pasted token accepted" : "Token obtained";
  let tokenOk = false;
  try {
    await graph.tokenProvider.getToken();
    tokenOk = true;
    const from = graph.mode === "token" ? "The pasted token is present." : `Entra ID issued a token to client ${graph.clientId}.`;
    checks.push({ id: "token", label: tokenLabel, status: "ok", detail: from });
  } catch (error) {
    checks.push(failure("token", tokenLabel, error));
  }
  const consentLink =
    graph.tenantId && graph.clientId ? adminConsentUrl(getCloud(graph.client.cloud), graph.tenantId, graph.clientId) : undefined;
  let unreachable: string | null = null;
  for (const path of CHECKED_COLLECTIONS) {
    if (!tokenOk || unreachable) {
      checks.push({ id: path, label: `${path} readable`, status: "skipped", detail: unreachable ? `Not tried: ${unreachable} could not be reached.` : "Not tried: there is no token." });
      continue;
    }
    const check = await checkCollection(graph.client, path, consentLink);
    if (check.code && UNREACHABLE.has(check.code)) unreachable = new URL(graph.client.graphBaseUrl).host;
    checks.push(check);
  }
  return { target: "graph", ok: checks.every((c) => c.status === "ok"), checks };
}

export async function testPortConnection(deps: BuilderDeps, userId: string, projectId: string): Promise<ConnectionTestResult> {
  const port = await portForProject(deps, userId, projectId, CHECK_USE);
  const checks: ConnectionCheck[] = [];
  try {
    await port.checkCredentials();
    checks.push({ id: "token", label: "Token obtained", status: "ok", detail: `Port (${port.baseUrl}) issued an access token.` });
  } catch (error) {
    checks.push(failure("token", "Token obtained", error));
    checks.push({ id: "blueprints", label: "Blueprints readable", status: "skipped", detail: "Not tried: there is no token." });
    return { target: "port", ok: false, checks };
  }
  try {
    const found = await port.getBlueprint("entra-id-user");
    checks.push({
      id: "blueprints",
      label: "Blueprints readable",
      status: "ok",
      detail: found ? "Read the blueprint entra-id-user." : "Blueprints are readable; entra-id-user does not exist yet.",
    });
  } catch (error) {
    checks.push(failure("blueprints", "Blueprints readable", error));
  }
  return { target: "port", ok: checks.every((c) => c.status === "ok"), checks };
}
