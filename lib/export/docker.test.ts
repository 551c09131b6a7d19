/**
 * The Docker one-off and the Secret carry only variables Ocean reads, and together they
 * are a configuration Ocean's reader accepts (the CLI's parseOceanEnv, which refuses what
 * Ocean would silently degrade).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseOceanEnv } from "../sync/ocean-env";
import { isOceanVariable, NEVER_READ } from "./fixtures/ocean-variables";
import { exportProject, type GraphAuthSource } from "./index";
import { flagValues, runScript, sampleInput } from "./testing";

const GRAPHS: GraphAuthSource[] = [
  { kind: "client_credentials", cloud: "china", tenantId: "contoso.partner.onmschina.cn", clientId: "client-1" },
  { kind: "bearer_token", cloud: "global" },
];
const FILLED: Record<string, string> = { "<PORT_CLIENT_ID>": "port-id", "<PORT_CLIENT_SECRET>": "port-secret", "<GRAPH_CLIENT_SECRET>": "graph-secret", "<GRAPH_TOKEN>": "graph-token" };
const fill = (text: string) => text.replace(/<[A-Z_]+>/g, (p) => FILLED[p] ?? p);

/** docker --env-file semantics: NAME=value per line, value as written, # lines ignored. */
function envFileValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    out[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
  }
  return out;
}

describe("Docker one-off", () => {
  for (const graph of GRAPHS) {
    it(`${graph.kind}: every variable is one Ocean reads, and the whole is accepted once the env file is filled in`, () => {
      const { artefacts } = exportProject(sampleInput(graph), { region: "eu", identifier: "entra-id", secrets: "chart-secret" });
      const get = (id: string) => artefacts.find((a) => a.id === id)!.content;
      const envFile = get("docker-env");
      const run = runScript(get("docker"), { files: { "ocean.env": fill(envFile) } });
      expect(run.status).toBe(0);
      const args = run.calls[0]!;
      expect(args[args.length - 1]).toBe("ghcr.io/port-labs/port-ocean-custom:latest");
      expect(args[args.indexOf("--env-file") + 1]).toBe("ocean.env");
      const fromArgs = Object.fromEntries(flagValues(args, ["-e"]).map((f) => [f.key, f.value]));
      const fromFile = envFileValues(fill(envFile));
      const names = [...Object.keys(fromArgs), ...Object.keys(fromFile)];
      expect(names.filter((n) => !isOceanVariable(n))).toEqual([]);
      for (const never of NEVER_READ) expect(names).not.toContain(never);
      expect(fromArgs.OCEAN__EVENT_LISTENER).toBe('{"type":"ONCE"}');
      // Secrets only in the env file.
      expect(Object.keys(fromFile).sort()).toEqual(["OCEAN__INTEGRATION__CONFIG__" + (graph.kind === "bearer_token" ? "API_TOKEN" : "CUSTOM_AUTH_REQUEST"), "OCEAN__PORT__CLIENT_ID", "OCEAN__PORT__CLIENT_SECRET"].sort());

      const settings = parseOceanEnv({ ...fromArgs, ...fromFile });
      expect(settings.identifier).toBe("entra-id");
      expect(settings.paginate).toBe(true);
      if (graph.kind === "bearer_token") {
        expect(settings.auth).toEqual({ type: "bearer_token", token: "graph-token" });
      } else {
        if (settings.auth.type !== "custom") throw new Error("expected custom auth");
        expect(settings.graphBaseUrl).toBe("https://microsoftgraph.chinacloudapi.cn/v1.0");
        expect(settings.auth.request.endpoint).toBe("https://login.chinacloudapi.cn/contoso.partner.onmschina.cn/oauth2/v2.0/token");
        expect(Object.fromEntries(new URLSearchParams(settings.auth.request.bodyForm as string))).toEqual({
          client_id: "client-1",
          scope: "https://microsoftgraph.chinacloudapi.cn/.default",
          grant_type: "client_credentials",
          client_secret: "graph-secret",
        });
        expect(settings.auth.template).toEqual({ headers: { Authorization: "Bearer {{.access_token}}" } });
      }
    });
  }
});

describe("existing Secret", () => {
  it("kubectl create secret (real kubectl, client-side dry run) and the manifest hold the same Ocean variables", () => {
    const { artefacts } = exportProject(sampleInput(), { region: "eu", identifier: "entra-id", secrets: "existing-secret" });
    const get = (id: string) => artefacts.find((a) => a.id === id)!.content;
    const run = runScript(get("kubectl-secret"), { stubs: ["kubectl"] });
    expect(run.status).toBe(0);
    const create = run.calls.find((c) => c[1] === "create" && c[2] === "secret")!;
    const real = spawnSync("kubectl", [...create.slice(1), "--dry-run=client", "-o", "json"], { encoding: "utf8" });
    expect(real.stderr).toBe("");
    const secret = JSON.parse(real.stdout) as { metadata: { name: string; namespace: string }; data: Record<string, string> };
    expect(secret.metadata).toMatchObject({ name: "entra-id-ocean-secrets", namespace: "port-ocean" });
    const data = Object.fromEntries(Object.entries(secret.data).map(([k, v]) => [k, Buffer.from(v, "base64").toString("utf8")]));
    expect(Object.keys(data).every(isOceanVariable)).toBe(true);
    const manifest = parse(get("kubernetes-secret")) as { metadata: { name: string }; stringData: Record<string, string> };
    expect(manifest.metadata.name).toBe("entra-id-ocean-secrets");
    expect(manifest.stringData).toEqual(data);
    expect(JSON.parse(data.OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST!)).toMatchObject({ method: "POST", reauthenticateIntervalSeconds: 3300 });
  });
});
