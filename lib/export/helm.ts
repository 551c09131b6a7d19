/**
 * Helm: `helm repo add` and `helm upgrade --install` of port-labs/port-ocean with every
 * value on the command line, and a values.yaml carrying the same values (plus the mapping,
 * as a comment: the chart has no key for it, Ocean reads it from Port). Strings go through
 * `--set-literal` (Helm 3.12+), which takes the value as it is: `--set` would split a
 * value at a comma and read backslashes, and a secret may hold either.
 */
import { chartValues, valuesObject, type ChartValues } from "./chart-values";
import { FORM_SAFE_SECRET, type GraphAuthPlan } from "./graph-auth";
import { HELM_CHART, HELM_REPO_NAME, HELM_REPO_URL } from "./ocean-variables";
import { toYaml } from "./mapping-yaml";
import { literalThenEnv, multiline, quote, requireEnv } from "./shell";
import type { ResolvedOptions, SecretVariable } from "./types";

const SECRET_PURPOSE: Record<SecretVariable, string> = {
  PORT_CLIENT_ID: "your Port client ID",
  PORT_CLIENT_SECRET: "your Port client secret",
  GRAPH_CLIENT_SECRET: "the client secret value of the app registration",
  GRAPH_TOKEN: "a Microsoft Graph access token",
};

/** `--set key=value` for booleans and numbers, `--set-literal key=value` for text. */
export function setFlags(values: ChartValues): string[][] {
  const fixed = values.fixed.map(({ key, value }) =>
    typeof value === "string" ? ["--set-literal", quote(`${key}=${value}`)] : ["--set", quote(`${key}=${String(value)}`)],
  );
  const fromEnv = values.fromEnv.map(({ key, prefix, variable }) => ["--set-literal", literalThenEnv(`${key}=${prefix}`, variable)]);
  return [...fixed, ...fromEnv];
}

/** Lines that stop the script early: a variable unset, or a Graph secret a form body would need to encode. */
export function environmentChecks(values: ChartValues, plan: GraphAuthPlan): string[] {
  const lines = values.fromEnv.map((v) => requireEnv(v.variable, `set ${v.variable} to ${SECRET_PURPOSE[v.variable]}`));
  if (plan.custom && values.fromEnv.some((v) => v.variable === "GRAPH_CLIENT_SECRET")) {
    lines.push(
      `case "$GRAPH_CLIENT_SECRET" in`,
      `  *[!${FORM_SAFE_SECRET}]*)`,
      `    echo "GRAPH_CLIENT_SECRET holds a character outside ${FORM_SAFE_SECRET}: it would have to be URL-encoded in the token request's form body; create a new client secret, or use --secrets existing-secret and write the encoded value into the Secret" >&2`,
      `    exit 1 ;;`,
      `esac`,
    );
  }
  return lines;
}

function helmUpgrade(options: ResolvedOptions, flags: string[][]): string {
  return multiline(`helm upgrade --install ${quote(options.identifier)} ${HELM_CHART}`, [
    ["--namespace", quote(options.namespace), "--create-namespace"],
    ...flags,
  ]);
}

export function helmScript(plan: GraphAuthPlan, options: ResolvedOptions): string {
  const values = chartValues(plan, options);
  const intro = {
    "chart-secret": "Secrets go into the chart's own Kubernetes Secret, read from your environment here.",
    "existing-secret": `Secrets come from the existing Secret ${options.secretName} (create it first: kubectl-create-secret.sh).`,
    inline: "Secrets are written into this file (inline was chosen): keep it out of version control.",
  }[options.secrets];
  return [
    "#!/bin/sh",
    `# Installs (or upgrades) Port's Ocean custom integration "${options.identifier}" for Microsoft Graph.`,
    `# ${intro}`,
    "# Needs Helm 3.12 or newer (--set-literal).",
    "set -eu",
    ...environmentChecks(values, plan),
    `helm repo add --force-update ${HELM_REPO_NAME} ${HELM_REPO_URL}`,
    helmUpgrade(options, setFlags(values)),
    "",
  ].join("\n");
}

/** values.yaml with a header that says how to use it, and the mapping as a comment. */
export function helmValuesYaml(plan: GraphAuthPlan, options: ResolvedOptions, mappingText: string): string {
  const values = chartValues(plan, options);
  const command = helmUpgrade(options, [["-f", "values.yaml"], ...setFlags({ fixed: [], fromEnv: values.fromEnv })]);
  const header = [
    ` Values for Helm chart ${HELM_CHART} (${HELM_REPO_URL}): Ocean's custom integration "${options.identifier}".`,
    " Install:",
    ...`helm repo add --force-update ${HELM_REPO_NAME} ${HELM_REPO_URL}\n${command}`.split("\n").map((l) => `   ${l}`),
    values.fromEnv.length ? ` Secrets are not in this file: the command takes them from ${values.fromEnv.map((v) => v.variable).join(", ")}.` : "",
  ].filter(Boolean);
  const mapping = [
    "",
    " The mapping (port-app-config.yml) is not a chart value: Ocean reads it from the integration in Port.",
    " apply-to-port.sh writes it there (or paste it into the integration's mapping in Port). It is:",
    ...mappingText.trimEnd().split("\n").map((l) => (l === "" ? "" : `   ${l}`)),
  ];
  const body = toYaml(valuesObject(values), header.join("\n"));
  return `${body}${mapping.map((l) => `#${l}`).join("\n")}\n`;
}
