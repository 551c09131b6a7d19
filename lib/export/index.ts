/**
 * Export: a project (mapping, blueprints, Graph connection) in, Ocean-ready artefacts out.
 * Pure and browser-safe: the export page, the zip and `npm run cli -- export` call the same
 * `exportProject`.
 *
 *   const result = exportProject({ mapping, blueprints, graph }, { region: "eu", identifier: "entra-id", secrets: "chart-secret" });
 *   result.artefacts  // [{id, fileName, title, language, content, description, warnings}]
 */
import { argoCdApplication } from "./argocd";
import { blueprintsExport, blueprintsJson, splitBlueprintsJson } from "./blueprints-json";
import { differences } from "./differences";
import { dockerEnvFile, dockerScript, ENV_FILE_NAME } from "./docker";
import { exportFolder, githubWorkflow } from "./github-actions";
import { graphAuthPlan } from "./graph-auth";
import { helmScript, helmValuesYaml } from "./helm";
import { kubectlCreateSecret, secretManifest } from "./kubernetes";
import { mappingYaml } from "./mapping-yaml";
import { resolveOptions } from "./options";
import { portSetupScript } from "./port-setup";
import { readme } from "./readme";
import type { Artefact, ExportInput, ExportOptions, ExportResult } from "./types";

export * from "./types";
export { resolveOptions, DEFAULT_IDENTIFIER, DEFAULT_NAMESPACE, DEFAULT_RESYNC_MINUTES, IDENTIFIER_PATTERN } from "./options";
export { mappingYaml, mappingObject } from "./mapping-yaml";
export { blueprintsExport } from "./blueprints-json";
export { leastPermissions } from "./differences";

export function exportProject(input: ExportInput, exportOptions: ExportOptions): ExportResult {
  const options = resolveOptions(exportOptions);
  const plan = graphAuthPlan(input.graph);
  const mapping = mappingYaml(input.mapping, ` port-app-config for Ocean's custom integration "${options.identifier}" (Microsoft Graph -> Port).`);
  const blueprints = blueprintsExport(input.blueprints);
  const inline = options.secrets === "inline";
  const inlineWarning = inline ? ["Secrets are written into this file (inline was chosen): keep it out of version control."] : [];
  const placeholders = "Replace every <...> placeholder before use.";

  const artefacts: Artefact[] = [
    {
      id: "mapping",
      fileName: "port-app-config.yml",
      title: "Mapping YAML",
      language: "yaml",
      content: mapping,
      description: "The port-app-config: resources, selectors and entity mappings, as Ocean reads it from the integration in Port.",
      warnings: [],
    },
    {
      id: "blueprints",
      fileName: "blueprints.json",
      title: "Blueprints JSON",
      language: "json",
      content: blueprintsJson(blueprints.ordered),
      description: blueprints.split
        ? `Blueprints in creation order (${blueprints.order.order.join(", ")}). Their relations form a cycle: create them with blueprints-split.json.`
        : `Blueprints in creation order (${blueprints.order.order.join(", ") || "none"}): relation targets first.`,
      warnings: [],
    },
  ];
  if (blueprints.split) {
    artefacts.push({
      id: "blueprints-split",
      fileName: "blueprints-split.json",
      title: "Blueprints in two passes",
      language: "json",
      content: splitBlueprintsJson(blueprints.split),
      description: `Relations in a cycle (${blueprints.order.cycles.map((c) => c.join(" <-> ")).join("; ")}): create every blueprint of "create" first, then PATCH each of "patchRelations".`,
      warnings: [],
    });
  }
  artefacts.push(
    {
      id: "helm",
      fileName: "helm-install.sh",
      title: "Helm command",
      language: "shell",
      content: helmScript(plan, options),
      description: `helm repo add and helm upgrade --install of port-labs/port-ocean in namespace ${options.namespace}, every value on the command line.`,
      warnings: [...plan.warnings, ...inlineWarning],
    },
    {
      id: "helm-values",
      fileName: "values.yaml",
      title: "values.yaml",
      language: "yaml",
      content: helmValuesYaml(plan, options, mappingYaml(input.mapping)),
      description: "The same chart values as a file (for GitOps); its header has the install command. The mapping is carried as a comment.",
      warnings: [...plan.warnings, ...inlineWarning],
    },
  );
  if (options.secrets === "existing-secret") {
    artefacts.push({
      id: "kubectl-secret",
      fileName: "kubectl-create-secret.sh",
      title: "kubectl create secret",
      language: "shell",
      content: kubectlCreateSecret(plan, options),
      description: `Creates the Secret ${options.secretName} with every variable the chart reads from it. Run it once before helm-install.sh.`,
      warnings: [placeholders],
    });
  }
  artefacts.push(
    {
      id: "kubernetes-secret",
      fileName: "kubernetes-secret.yaml",
      title: "Kubernetes Secret",
      language: "yaml",
      content: secretManifest(plan, options),
      description: `The Secret ${options.secretName} as a manifest, for secret.create=false and for Argo CD.`,
      warnings: inline ? inlineWarning : [placeholders],
    },
    {
      id: "docker",
      fileName: "docker-run.sh",
      title: "Docker one-off",
      language: "shell",
      content: dockerScript(plan, options),
      description: inline ? "One resync, then the container exits." : `One resync, then the container exits. The secrets come from ${ENV_FILE_NAME}.`,
      warnings: [...plan.warnings, ...inlineWarning],
    },
  );
  if (!inline) {
    artefacts.push({
      id: "docker-env",
      fileName: ENV_FILE_NAME,
      title: "Docker env file",
      language: "dotenv",
      content: dockerEnvFile(plan, options),
      description: "The secrets for docker-run.sh, as placeholders to fill in. Keep the filled file out of version control.",
      warnings: [placeholders],
    });
  }
  artefacts.push(
    {
      id: "port-setup",
      fileName: "apply-to-port.sh",
      title: "Blueprints and mapping into Port",
      language: "shell",
      content: portSetupScript(input.mapping, input.blueprints, options),
      description: "Creates the blueprints in Port and writes the mapping into the integration (Ocean reads its mapping from Port). Needs curl and jq.",
      warnings: [],
    },
    {
      id: "argocd",
      fileName: "argocd-application.yaml",
      title: "Argo CD Application",
      language: "yaml",
      content: argoCdApplication(plan, options),
      description: inline ? "The chart as an Argo CD Application." : `The chart as an Argo CD Application; secrets from the Secret ${options.secretName}.`,
      warnings: [...plan.warnings, ...inlineWarning],
    },
    {
      id: "github-actions",
      fileName: "github-workflow.yml",
      title: "GitHub Actions workflow",
      language: "yaml",
      content: githubWorkflow(plan, options),
      description: `A scheduled run of the Docker one-off with the repository's secrets. Commit the exported files to ${exportFolder(options)}/.`,
      warnings: plan.warnings,
    },
  );
  const diffs = differences(input.mapping, plan, options);
  artefacts.push({
    id: "readme",
    fileName: "README.md",
    title: "README",
    language: "markdown",
    content: readme(artefacts, diffs, options),
    description: "What each file is, the order to use them in, and what differs from Port's documentation page.",
    warnings: [],
  });
  return { artefacts, differences: diffs, warnings: [...new Set([...plan.warnings, ...inlineWarning])] };
}
