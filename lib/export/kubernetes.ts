/**
 * The Kubernetes Secret that `secret.create=false` (and Argo CD) expects: every variable
 * the chart then no longer provides (OCEAN__PORT__CLIENT_ID, OCEAN__PORT__CLIENT_SECRET and
 * the sensitive OCEAN__INTEGRATION__CONFIG__* value), as a `kubectl create secret generic`
 * line and as a manifest. Values are placeholders unless inline was chosen.
 */
import type { GraphAuthPlan } from "./graph-auth";
import { toYaml } from "./mapping-yaml";
import { secretSettings } from "./ocean-variables";
import { multiline, quote } from "./shell";
import type { ResolvedOptions } from "./types";

export function kubectlCreateSecret(plan: GraphAuthPlan, options: ResolvedOptions): string {
  const settings = secretSettings(plan, options);
  const create = multiline(`kubectl create secret generic ${quote(options.secretName)}`, [
    ["--namespace", quote(options.namespace)],
    ...settings.map((s) => [quote(`--from-literal=${s.variable}=${s.text}`)]),
  ]);
  return [
    "#!/bin/sh",
    `# Creates the Secret ${options.secretName} that Helm (secret.create=false) and Argo CD read.`,
    options.secrets === "inline"
      ? "# The values are written in (inline was chosen): keep this file out of version control."
      : "# Replace every <...> first (a Graph client secret goes URL-encoded into bodyForm).",
    "set -eu",
    `kubectl create namespace ${quote(options.namespace)} --dry-run=client -o yaml | kubectl apply -f -`,
    create,
    "",
  ].join("\n");
}

export function secretManifest(plan: GraphAuthPlan, options: ResolvedOptions): string {
  const manifest = {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: options.secretName, namespace: options.namespace },
    type: "Opaque",
    stringData: Object.fromEntries(secretSettings(plan, options).map((s) => [s.variable, s.text])),
  };
  const comment =
    options.secrets === "inline"
      ? " The values are written in (inline was chosen): never commit this file as it is."
      : " Replace every <...>, then apply it (or seal it: Sealed Secrets, External Secrets, SOPS) before the chart or Argo CD reads it.";
  return toYaml(manifest, ` Secret read by the port-ocean chart with secret.create=false and secret.name=${options.secretName}.\n${comment}`);
}
