/**
 * The Docker one-off: one resync with Ocean's custom integration image, then exit
 * (`OCEAN__EVENT_LISTENER={"type":"ONCE"}`), with the exact variables Ocean reads (nested
 * objects as JSON text). Secrets come from an env file the person fills in (generated with
 * placeholders), from the caller's environment (`-e NAME`, as the workflow does), or are
 * written in (inline, only on request). Never OCEAN__INTEGRATION__CONFIG__AUTH_VALUE,
 * which Port's web builder emits and Ocean never reads.
 */
import type { GraphAuthPlan } from "./graph-auth";
import { OCEAN_IMAGE, publicSettings, secretSettings } from "./ocean-variables";
import { multiline, quote } from "./shell";
import type { ResolvedOptions } from "./types";

export const ENV_FILE_NAME = "ocean.env";

/** Ocean's non-secret variables for a one-off run, in a fixed order. */
export function dockerPublicVariables(plan: GraphAuthPlan, options: ResolvedOptions): [string, string][] {
  const settings = publicSettings(plan, options).filter((s) => s.variable !== null);
  return [["OCEAN__EVENT_LISTENER", JSON.stringify({ type: "ONCE" })], ...settings.map((s) => [s.variable!, String(s.value)] as [string, string])];
}

export type DockerSecretSource = "env-file" | "environment" | "inline";

export function dockerRunCommand(plan: GraphAuthPlan, options: ResolvedOptions, secretsFrom: DockerSecretSource, envFilePath = ENV_FILE_NAME): string {
  const secrets = secretSettings(plan, options);
  const groups: string[][] = [];
  if (secretsFrom === "env-file") groups.push(["--env-file", envFilePath]);
  for (const [name, value] of dockerPublicVariables(plan, options)) groups.push(["-e", quote(`${name}=${value}`)]);
  if (secretsFrom === "environment") for (const s of secrets) groups.push(["-e", s.variable]);
  if (secretsFrom === "inline") for (const s of secrets) groups.push(["-e", quote(`${s.variable}=${s.text}`)]);
  groups.push([OCEAN_IMAGE]);
  return multiline("docker run --rm -i --platform linux/amd64", groups);
}

export function dockerScript(plan: GraphAuthPlan, options: ResolvedOptions): string {
  const inline = options.secrets === "inline";
  return [
    "#!/bin/sh",
    `# One resync of Ocean's custom integration "${options.identifier}" (Microsoft Graph -> Port), then it exits.`,
    inline
      ? "# The secrets are written in (inline was chosen): keep this file out of version control."
      : `# Fill in ${ENV_FILE_NAME} beside this script first: it holds the secrets (keep it out of version control).`,
    "set -eu",
    inline ? "" : 'cd "$(dirname "$0")"',
    dockerRunCommand(plan, options, inline ? "inline" : "env-file"),
    "",
  ]
    .filter((l, i, all) => l !== "" || i === all.length - 1)
    .join("\n");
}

/**
 * The env file for `docker run --env-file`: Docker reads each line as NAME=value, as it is
 * (no quotes removed, no `$` expanded, one line per value), so JSON goes in unquoted.
 */
export function dockerEnvFile(plan: GraphAuthPlan, options: ResolvedOptions): string {
  const lines = secretSettings(plan, options).map((s) => `${s.variable}=${s.text}`);
  return [
    `# Secrets for docker-run.sh (docker run --env-file ${ENV_FILE_NAME}). Replace every <...>.`,
    "# Docker takes each value as written: no quotes, no $ expansion, one line each.",
    plan.custom ? "# The Graph client secret goes into bodyForm URL-encoded (most secrets need no change)." : "# The Graph token expires about an hour after it was issued.",
    ...lines,
    "",
  ].join("\n");
}
