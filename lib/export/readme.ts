/**
 * README.md of an export: the files, the order to use them in, and the differences from
 * Port's documentation page. Markdown table cells escape `|` so a value cannot break a row.
 */
import type { Artefact, Difference, ResolvedOptions } from "./types";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function readme(artefacts: readonly Artefact[], diffs: readonly Difference[], options: ResolvedOptions): string {
  const has = (id: string) => artefacts.some((a) => a.id === id);
  const steps = [
    has("kubectl-secret") ? "Create the Secret: fill in and run `kubectl-create-secret.sh` (or apply `kubernetes-secret.yaml`)." : null,
    "Install the integration: `helm-install.sh` (or `helm upgrade --install` with `values.yaml`, or `argocd-application.yaml`), or run it once with `docker-run.sh`.",
    "Put the blueprints and the mapping into Port: `apply-to-port.sh` (Ocean creates the integration record on its first start; the script says so if it is not there yet).",
    "Later resyncs run on their own (Helm: every " + `${options.scheduledResyncInterval} minutes), or from \`github-workflow.yml\`.`,
  ].filter((s): s is string => s !== null);
  return [
    `# Ocean custom integration "${options.identifier}": Microsoft Entra ID into Port`,
    "",
    `Port region: ${options.region.toUpperCase()} (${options.portBaseUrl}). Secrets: ${options.secrets}.`,
    "",
    "## Files",
    "",
    ...artefacts.map((a) => `- \`${a.fileName}\`: ${a.description}`),
    "- `README.md`: this file.",
    "",
    "## Steps",
    "",
    ...steps.map((s, i) => `${i + 1}. ${s}`),
    "",
    "## What differs from Port's documentation page, and why",
    "",
    "| | Documentation page | This export | Why |",
    "|---|---|---|---|",
    ...diffs.map((d) => `| ${cell(d.topic)} | ${cell(d.documentation)} | ${cell(d.builder)} | ${cell(d.why)} |`),
    "",
  ].join("\n");
}
