/**
 * apply-to-port.sh with real sh, curl and jq against the demo Port served on loopback:
 * blueprints created in an order Port accepts (cycles patched in after), the mapping
 * written into the integration, and the first-run case (no integration yet) told apart.
 */
import { afterEach, describe, expect, it } from "vitest";
import { parsePortAppConfig } from "../mapping/parse";
import { serveDemoPort, type ServedDemoPort } from "../simulators/port/testing";
import { exportProject } from "./index";
import { mappingObject } from "./mapping-yaml";
import { runScriptAsync, sampleInput } from "./testing";

let served: ServedDemoPort | null = null;
afterEach(async () => {
  await served?.close();
  served = null;
});

const integration = { identifier: "entra-id", title: "Entra ID", installationAppType: "custom", version: "1", config: null };

function setupScript(identifier = "entra-id") {
  return exportProject(sampleInput(), { region: "eu", identifier, secrets: "chart-secret" }).artefacts.find((a) => a.id === "port-setup")!.content;
}

describe("apply-to-port.sh", () => {
  it("creates every blueprint (a cycle patched in after) and writes the mapping; a second run changes nothing", async () => {
    served = await serveDemoPort({ seedIntegrations: [integration] });
    const env = { PORT_CLIENT_ID: served.credentials.clientId, PORT_CLIENT_SECRET: served.credentials.clientSecret, PORT_BASE_URL: served.baseUrl };
    const first = await runScriptAsync(setupScript(), { env, stubs: [] });
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("added the relations of entra-id-user (manager)");

    const input = sampleInput();
    for (const b of input.blueprints) {
      const stored = await served.demo.store.getBlueprint(b.identifier);
      expect(stored, b.identifier).not.toBeNull();
      expect(Object.keys(stored!.relations).sort()).toEqual(Object.keys(b.relations ?? {}).sort());
    }
    const record = await served.demo.store.getIntegration("entra-id");
    expect(record!.config).toEqual(mappingObject(input.mapping));
    // What Port holds is the same model the builder exported.
    expect(parsePortAppConfig(JSON.stringify(record!.config)).config).toEqual(input.mapping);

    const second = await runScriptAsync(setupScript(), { env, stubs: [] });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("blueprint entra-id-user already exists in Port: left as it is");
    expect(second.stdout).not.toContain("added the relations");
  });

  it("exits 3 when the integration does not exist yet, 1 on refused credentials", async () => {
    served = await serveDemoPort();
    const env = { PORT_CLIENT_ID: served.credentials.clientId, PORT_CLIENT_SECRET: served.credentials.clientSecret, PORT_BASE_URL: served.baseUrl };
    const missing = await runScriptAsync(setupScript("not-there"), { env, stubs: [] });
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/integration not-there does not exist in Port yet/);

    const refused = await runScriptAsync(setupScript(), { env: { ...env, PORT_CLIENT_SECRET: "wrong 'secret' $HOME" }, stubs: [] });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Port refused the client ID and secret: HTTP 401/);
  });
});
