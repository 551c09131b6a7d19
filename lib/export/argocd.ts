/**
 * An Argo CD Application for the port-ocean chart with the export's values. An
 * Application lives in Git, and Git is no place for secrets: unless inline was chosen, it
 * reads them from the existing Secret (kubernetes-secret.yaml), whatever the Helm
 * command's handling.
 */
import { chartValues, valuesObject } from "./chart-values";
import type { GraphAuthPlan } from "./graph-auth";
import { toYaml } from "./mapping-yaml";
import { HELM_REPO_URL } from "./ocean-variables";
import type { ResolvedOptions } from "./types";

export function argoCdApplication(plan: GraphAuthPlan, options: ResolvedOptions): string {
  const handling = options.secrets === "inline" ? "inline" : "existing-secret";
  const values = valuesObject(chartValues(plan, options, handling));
  const application = {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Application",
    metadata: { name: options.identifier, namespace: "argocd" },
    spec: {
      project: "default",
      source: {
        repoURL: HELM_REPO_URL,
        chart: "port-ocean",
        // A semver range Argo CD resolves to the newest chart; pin the version you tested.
        targetRevision: "*",
        helm: { releaseName: options.identifier, valuesObject: values },
      },
      destination: { server: "https://kubernetes.default.svc", namespace: options.namespace },
      syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ["CreateNamespace=true"] },
    },
  };
  const comment =
    handling === "inline"
      ? " Argo CD Application for Ocean's custom integration. Secrets are written in (inline was chosen): never commit it as it is."
      : ` Argo CD Application for Ocean's custom integration. Secrets come from the Secret ${options.secretName}\n in namespace ${options.namespace} (kubernetes-secret.yaml): create it before the first sync.\n targetRevision "*" follows the newest chart: pin the version you tested.`;
  return toYaml(application, comment);
}
