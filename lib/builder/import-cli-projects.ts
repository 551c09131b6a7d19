/**
 * The command line's view of saved projects (`export --project`, `import --project`): a
 * project found by id or by name, and what an export needs from it (the mapping, the
 * blueprints, how Graph and Port were connected, and, only for `--secrets inline`, the
 * stored secrets decrypted). Errors are AppErrors with one line a terminal can show.
 */
import { AppError } from "../errors";
import type { GraphAuthSource, SecretVariable } from "../export/types";
import { parsePortAppConfig, type PortAppConfig } from "../mapping";
import type { PortRegion } from "../port/regions";
import type { BlueprintInput } from "../port/schemas";
import type { Db } from "../server/db";
import { decryptSecret } from "../server/secrets";
import { parseBlueprintTexts } from "./blueprint-push";
import { blueprintsDocument, type GraphConnectionView } from "./contracts";
import { MAPPING_DOCUMENT_KIND } from "./mapping-store";

export interface FoundProject {
  id: string;
  name: string;
  ownerId: string;
}

const usage = (message: string, hint?: string) => new AppError("cli_bad_input", message, { status: 400, hint });

/** A project by id, else by name (narrowed to an owner's when an email is given). Null when none. */
export async function findProject(db: Db, idOrName: string, ownerEmail?: string): Promise<FoundProject | null> {
  const owner = ownerEmail ? await db.user.findFirst({ where: { email: ownerEmail.toLowerCase() } }) : null;
  if (ownerEmail && !owner) throw usage(`no user with email ${ownerEmail}`, "Sign in to the builder once to create the account, or name another owner.");
  const byId = await db.project.findUnique({ where: { id: idOrName }, select: { id: true, name: true, ownerId: true } });
  if (byId && (!owner || byId.ownerId === owner.id)) return byId;
  const byName = await db.project.findMany({ where: { name: idOrName, ...(owner ? { ownerId: owner.id } : {}) }, select: { id: true, name: true, ownerId: true } });
  if (byName.length > 1) {
    throw usage(`${byName.length} projects are named "${idOrName}" (ids ${byName.map((p) => p.id).join(", ")}): give the id${ownerEmail ? "" : " or --owner"}`);
  }
  return byName[0] ?? null;
}

/** The owner for a new project: the given email's user, or the only user there is. */
export async function ownerForNewProject(db: Db, ownerEmail?: string): Promise<string> {
  if (ownerEmail) {
    const user = await db.user.findFirst({ where: { email: ownerEmail.toLowerCase() } });
    if (!user) throw usage(`no user with email ${ownerEmail}`, "Sign in to the builder once to create the account.");
    return user.id;
  }
  const users = await db.user.findMany({ take: 2, select: { id: true } });
  if (users.length === 1) return users[0]!.id;
  throw usage(users.length === 0 ? "there is no user yet: create the administrator at /setup first" : "several users exist: name the project's owner with --owner EMAIL");
}

export interface ProjectExportSource {
  mapping: PortAppConfig;
  blueprints: BlueprintInput[];
  graph: GraphAuthSource | null;
  region: PortRegion | null;
  /** Stored secrets by the variable an export names them with (decrypted; for inline only). */
  storedSecrets: Partial<Record<SecretVariable, string>>;
}

async function documentContent(db: Db, projectId: string, kind: string): Promise<unknown> {
  const row = await db.projectDocument.findUnique({ where: { projectId_kind: { projectId, kind } } });
  return row ? (JSON.parse(row.content) as unknown) : null;
}

export async function loadExportSource(db: Db, project: FoundProject, decryptionKeys: readonly Buffer[] | null): Promise<ProjectExportSource> {
  const mappingDoc = (await documentContent(db, project.id, MAPPING_DOCUMENT_KIND)) as { yaml?: string } | null;
  if (!mappingDoc?.yaml) throw usage(`project "${project.name}" has no mapping yet`, "Write it in the builder's Mapping step, or import one.");
  const parsed = parsePortAppConfig(mappingDoc.yaml);
  const issue = parsed.issues[0];
  if (!parsed.config || issue) {
    const where = issue?.location?.line ? ` (line ${issue.location.line}, column ${issue.location.column})` : "";
    throw usage(`the mapping of project "${project.name}" has an error${where}: ${issue?.message ?? "unusable configuration"}`);
  }
  const blueprintsRaw = await documentContent(db, project.id, "blueprints");
  const doc = blueprintsRaw ? blueprintsDocument.safeParse(blueprintsRaw) : null;
  const blueprints = doc?.success ? parseBlueprintTexts(doc.data) : [];

  const [graph, port] = await Promise.all([db.graphConnection.findUnique({ where: { projectId: project.id } }), db.portConnection.findUnique({ where: { projectId: project.id } })]);
  const storedSecrets: ProjectExportSource["storedSecrets"] = {};
  const reveal = (cipher: string | null) => (cipher && decryptionKeys ? decryptSecret(cipher, decryptionKeys) : undefined);
  let graphSource: GraphAuthSource | null = null;
  if (graph) {
    const cloud = graph.cloud as GraphConnectionView["cloud"];
    if (graph.mode === "token") {
      graphSource = { kind: "bearer_token", cloud };
      storedSecrets.GRAPH_TOKEN = reveal(graph.tokenCipher);
    } else {
      // The demo tenant lives inside the builder: an export for it needs a real tenant's ids.
      graphSource = graph.mode === "demo" ? { kind: "client_credentials", cloud: "global", tenantId: null, clientId: null } : { kind: "client_credentials", cloud, tenantId: graph.tenantId, clientId: graph.clientId };
      if (graph.mode === "client_credentials") storedSecrets.GRAPH_CLIENT_SECRET = reveal(graph.secretCipher);
    }
  }
  if (port?.mode === "credentials") {
    storedSecrets.PORT_CLIENT_ID = port.clientId ?? undefined;
    storedSecrets.PORT_CLIENT_SECRET = reveal(port.secretCipher);
  }
  return {
    mapping: parsed.config,
    blueprints,
    graph: graphSource,
    region: port?.mode === "credentials" ? (port.region as PortRegion) : null,
    storedSecrets: Object.fromEntries(Object.entries(storedSecrets).filter(([, v]) => v !== undefined)),
  };
}
