/**
 * Export options with their defaults, checked once: the identifier becomes a Helm release,
 * a Kubernetes Secret, an Argo CD Application and a workflow name, so it must be a valid
 * Kubernetes name (which also keeps it inert in a shell and in YAML).
 */
import { AppError } from "../errors";
import { PORT_REGIONS } from "../port/regions";
import { placeholder } from "./graph-auth";
import { SECRET_HANDLINGS, type ExportOptions, type ResolvedOptions, type SecretVariable } from "./types";

/** A DNS-1123 label of at most 53 characters (Helm's limit for a release name). */
export const IDENTIFIER_PATTERN = /^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$/;
const NAMESPACE_PATTERN = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
export const DEFAULT_IDENTIFIER = "entra-id";
export const DEFAULT_NAMESPACE = "port-ocean";
export const DEFAULT_RESYNC_MINUTES = 60;

function invalid(path: string, message: string, hint: string): AppError {
  return new AppError("invalid_export_option", message, { status: 400, location: { path }, hint });
}

export function resolveOptions(options: ExportOptions): ResolvedOptions {
  if (!(options.region in PORT_REGIONS)) {
    throw invalid("region", `Unknown Port region "${String(options.region)}".`, "Use eu or us.");
  }
  if (!IDENTIFIER_PATTERN.test(options.identifier)) {
    throw invalid(
      "identifier",
      `The integration identifier "${options.identifier}" is not usable: it names the Helm release, the Kubernetes Secret and the Argo CD Application.`,
      "Use 1 to 53 lower-case letters, digits and hyphens, starting and ending with a letter or digit (e.g. entra-id).",
    );
  }
  if (!(SECRET_HANDLINGS as readonly string[]).includes(options.secrets)) {
    throw invalid("secrets", `Unknown secret handling "${String(options.secrets)}".`, `Use one of: ${SECRET_HANDLINGS.join(", ")}.`);
  }
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  if (!NAMESPACE_PATTERN.test(namespace)) {
    throw invalid("namespace", `The namespace "${namespace}" is not a Kubernetes namespace name.`, "Use lower-case letters, digits and hyphens (at most 63).");
  }
  const interval = options.scheduledResyncInterval ?? DEFAULT_RESYNC_MINUTES;
  if (!Number.isInteger(interval) || interval < 5 || interval > 10_080) {
    throw invalid("scheduledResyncInterval", `A resync every ${interval} minutes is out of range.`, "Use a whole number of minutes from 5 to 10080 (a week).");
  }
  return {
    region: options.region,
    portBaseUrl: PORT_REGIONS[options.region].baseUrl,
    identifier: options.identifier,
    secrets: options.secrets,
    inlineValues: options.secrets === "inline" ? { ...options.inlineValues } : {},
    scheduledResyncInterval: interval,
    namespace,
    secretName: `${options.identifier}-ocean-secrets`,
  };
}

/** The value written for a secret: the real one only when inline was chosen and it is known. */
export function secretText(options: ResolvedOptions, variable: SecretVariable): string {
  const value = options.secrets === "inline" ? options.inlineValues[variable] : undefined;
  return value !== undefined && value !== "" ? value : placeholder(variable);
}
