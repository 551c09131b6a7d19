/**
 * Every key the export gives the port-ocean chart (on the command line, in values.yaml, in
 * the Argo CD Application) is one the chart reads: the chart has no values schema, so a
 * misspelt key would be silently ignored.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CHART_KEYS, isChartKey, NOT_CHART_KEYS } from "./fixtures/chart-keys";
import { exportProject, SECRET_HANDLINGS, type GraphAuthSource } from "./index";
import { flagValues, runScript, sampleInput } from "./testing";

const SET_FLAGS = ["--set", "--set-literal", "--set-string", "--set-json", "--set-file"];
const ENV = { PORT_CLIENT_ID: "id", PORT_CLIENT_SECRET: "secret", GRAPH_CLIENT_SECRET: "graph-secret", GRAPH_TOKEN: "token" };
const GRAPHS: GraphAuthSource[] = [
  { kind: "client_credentials", cloud: "usGovL4", tenantId: "contoso.onmicrosoft.us", clientId: "client" },
  { kind: "bearer_token", cloud: "global" },
];

function leafPaths(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

const unknownKeys = (keys: readonly string[]) => keys.filter((k) => !isChartKey(k));

describe("chart keys", () => {
  it("the fixture names a source for every key and none of the keys that do not exist", () => {
    for (const k of CHART_KEYS) expect(k.source.length).toBeGreaterThan(10);
    for (const k of NOT_CHART_KEYS) expect(isChartKey(k)).toBe(false);
    expect(unknownKeys(["integration.config.apiTokn", "secret.useExistingSecret", "port.clientSecret"])).toEqual(["integration.config.apiTokn", "secret.useExistingSecret"]);
  });

  for (const graph of GRAPHS) {
    for (const secrets of SECRET_HANDLINGS) {
      it(`${graph.kind}, ${secrets}: helm --set keys, values.yaml and Argo CD values are all chart keys`, () => {
        const { artefacts } = exportProject(sampleInput(graph), { region: "us", identifier: "entra-id", secrets });
        const file = (id: string) => artefacts.find((a) => a.id === id)!.content;

        const run = runScript(file("helm"), { env: ENV });
        expect(run.stderr).toBe("");
        expect(run.status).toBe(0);
        const upgrade = run.calls.find((c) => c[0] === "helm" && c[1] === "upgrade")!;
        const setKeys = flagValues(upgrade, SET_FLAGS).map((f) => f.key);
        expect(setKeys.length).toBeGreaterThan(10);
        expect(unknownKeys(setKeys)).toEqual([]);

        const valuesKeys = leafPaths(parse(file("helm-values")));
        expect(unknownKeys(valuesKeys)).toEqual([]);
        const argo = parse(file("argocd")) as { spec: { source: { helm: { valuesObject: unknown } } } };
        expect(unknownKeys(leafPaths(argo.spec.source.helm.valuesObject))).toEqual([]);

        // Never a secret under integration.config: that is a ConfigMap.
        for (const key of [...setKeys, ...valuesKeys]) expect(key).not.toMatch(/^integration\.config\.(apiToken|customAuthRequest|password|apiKey)$/);
        // The values Ocean must get for Graph.
        const values = Object.fromEntries(flagValues(upgrade, SET_FLAGS).map((f) => [f.key, f.value]));
        expect(values["integration.type"]).toBe("custom");
        expect(values["integration.eventListener.type"]).toBe("POLLING");
        expect(values["integration.config.paginationType"]).toBe("next_link");
        expect(values["port.baseUrl"]).toBe("https://api.us.port.io");
        expect(values["integration.config.baseUrl"]).toBe(graph.kind === "bearer_token" ? "https://graph.microsoft.com/v1.0" : "https://graph.microsoft.us/v1.0");
      });
    }
  }

  it("existing-secret: the chart creates no Secret and gets no secret value", () => {
    const { artefacts } = exportProject(sampleInput(), { region: "eu", identifier: "entra-id", secrets: "existing-secret" });
    const upgrade = runScript(artefacts.find((a) => a.id === "helm")!.content).calls.find((c) => c[1] === "upgrade")!;
    const values = Object.fromEntries(flagValues(upgrade, SET_FLAGS).map((f) => [f.key, f.value]));
    expect(values["secret.create"]).toBe("false");
    expect(values["secret.name"]).toBe("entra-id-ocean-secrets");
    expect(Object.keys(values).filter((k) => k.startsWith("port.client") || k.startsWith("integration.secrets"))).toEqual([]);
  });
});
