/**
 * No secret value appears in any artefact unless inline was chosen; with inline it is in
 * the artefacts that install the integration, exactly (encoded only inside the form body).
 */
import { describe, expect, it } from "vitest";
import { exportProject, type GraphAuthSource, type SecretVariable } from "./index";
import { formEncode } from "./graph-auth";
import { sampleInput } from "./testing";

const VALUES: Record<SecretVariable, string> = {
  PORT_CLIENT_ID: "portIdQx81",
  PORT_CLIENT_SECRET: "portSecret-Vm27~k",
  GRAPH_CLIENT_SECRET: "graphSecret.Hd93_z",
  GRAPH_TOKEN: "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.graphTokenWp55.sig",
};
const CC: GraphAuthSource = { kind: "client_credentials", cloud: "global", tenantId: "contoso.onmicrosoft.com", clientId: "client-1" };
const TOKEN: GraphAuthSource = { kind: "bearer_token", cloud: "global" };

describe("secrets in artefacts", () => {
  for (const secrets of ["chart-secret", "existing-secret"] as const) {
    for (const graph of [CC, TOKEN]) {
      it(`${secrets}, ${graph.kind}: no secret value anywhere, even when values are passed`, () => {
        const { artefacts } = exportProject(sampleInput(graph), { region: "eu", identifier: "entra-id", secrets, inlineValues: VALUES });
        for (const a of artefacts) {
          for (const value of Object.values(VALUES)) {
            expect(a.content, `${a.fileName} holds ${value}`).not.toContain(value);
            expect(a.content).not.toContain(formEncode(value));
          }
        }
      });
    }
  }

  it("inline, client credentials: the values are in the install artefacts, nowhere else", () => {
    const { artefacts, warnings } = exportProject(sampleInput(CC), { region: "eu", identifier: "entra-id", secrets: "inline", inlineValues: VALUES });
    const holding = (value: string) => artefacts.filter((a) => a.content.includes(value)).map((a) => a.id).sort();
    const install = ["argocd", "docker", "helm", "helm-values", "kubernetes-secret"];
    expect(holding(VALUES.PORT_CLIENT_SECRET)).toEqual(install);
    expect(holding(VALUES.GRAPH_CLIENT_SECRET)).toEqual(install);
    expect(holding(VALUES.GRAPH_TOKEN)).toEqual([]);
    expect(artefacts.map((a) => a.id)).not.toContain("docker-env");
    expect(warnings.join(" ")).toMatch(/inline/);
  });

  it("inline without a value writes its placeholder", () => {
    const { artefacts } = exportProject(sampleInput(TOKEN), { region: "eu", identifier: "entra-id", secrets: "inline", inlineValues: { PORT_CLIENT_SECRET: VALUES.PORT_CLIENT_SECRET } });
    const helm = artefacts.find((a) => a.id === "helm")!.content;
    expect(helm).toContain("integration.secrets.apiToken=<GRAPH_TOKEN>");
    expect(helm).toContain(VALUES.PORT_CLIENT_SECRET);
  });

  it("a pasted token is exported as bearer_token with the warning that it expires", () => {
    const { artefacts, warnings } = exportProject(sampleInput(TOKEN), { region: "eu", identifier: "entra-id", secrets: "chart-secret" });
    expect(warnings.join(" ")).toMatch(/expires about an hour/);
    expect(artefacts.find((a) => a.id === "helm")!.warnings.join(" ")).toMatch(/expires about an hour/);
    expect(artefacts.find((a) => a.id === "helm")!.content).toContain("integration.config.authType=bearer_token");
  });
});
