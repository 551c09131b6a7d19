/**
 * What an export is made of (a project's mapping, blueprints and Graph connection) and
 * what it produces: artefacts, each a file a platform team can commit or run.
 * Browser-safe: the export page computes the same artefacts as the command line.
 */
import type { CloudId } from "../graph/clouds";
import type { PortAppConfig } from "../mapping/model";
import type { BlueprintInput } from "../port/schemas";
import type { PortRegion } from "../port/regions";

/** How Graph is reached, as the person connected it (never a secret value). */
export type GraphAuthSource =
  /** Client credentials: Ocean's `custom` auth renews the token. Unknown ids become placeholders. */
  | { kind: "client_credentials"; cloud: CloudId; tenantId: string | null; clientId: string | null }
  /** A pasted token: Ocean's `bearer_token`, never renewed. */
  | { kind: "bearer_token"; cloud: CloudId };

export const SECRET_HANDLINGS = ["chart-secret", "existing-secret", "inline"] as const;
/**
 * chart-secret: the chart's own Secret, values read from the caller's environment;
 * existing-secret: a Secret the team creates (kubectl line with placeholders);
 * inline: the values written into the artefacts (only on request).
 */
export type SecretHandling = (typeof SECRET_HANDLINGS)[number];

/** The secret values an export may need, by the environment variable a caller sets. */
export const SECRET_VARIABLES = ["PORT_CLIENT_ID", "PORT_CLIENT_SECRET", "GRAPH_CLIENT_SECRET", "GRAPH_TOKEN"] as const;
export type SecretVariable = (typeof SECRET_VARIABLES)[number];

export interface ExportInput {
  mapping: PortAppConfig;
  blueprints: BlueprintInput[];
  graph: GraphAuthSource;
}

export interface ExportOptions {
  region: PortRegion;
  /** Ocean's integration identifier; also the Helm release, Secret and workflow names. */
  identifier: string;
  secrets: SecretHandling;
  /** Only read with `secrets: "inline"`; a missing value is written as its placeholder. */
  inlineValues?: Partial<Record<SecretVariable, string>>;
  /** Minutes between Ocean's scheduled resyncs (Helm) and the workflow's schedule. */
  scheduledResyncInterval?: number;
  /** Kubernetes namespace for Helm, the Secret and Argo CD. */
  namespace?: string;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  region: PortRegion;
  portBaseUrl: string;
  identifier: string;
  secrets: SecretHandling;
  inlineValues: Partial<Record<SecretVariable, string>>;
  scheduledResyncInterval: number;
  namespace: string;
  /** The Secret's name with existing-secret (and for Argo CD). */
  secretName: string;
}

export type ArtefactLanguage = "yaml" | "json" | "shell" | "dotenv" | "markdown";

export interface Artefact {
  /** Stable id (the page's tab, the test's handle). */
  id: string;
  /** File name inside the export folder or zip. */
  fileName: string;
  title: string;
  language: ArtefactLanguage;
  content: string;
  /** What the file is for, in a sentence or two. */
  description: string;
  /** Things the person must know before using it (a token that expires, placeholders to fill). */
  warnings: string[];
}

export interface Difference {
  topic: string;
  documentation: string;
  builder: string;
  why: string;
}

export interface ExportResult {
  artefacts: Artefact[];
  differences: Difference[];
  /** Warnings for the whole export (also listed on the artefacts they concern). */
  warnings: string[];
}
