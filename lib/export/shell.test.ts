/**
 * The generated commands survive hostile values: run through a real /bin/sh, each program
 * (stand-ins for helm, docker) receives exactly the value that was meant, never a split,
 * expanded or re-read one. (printf stands in for echo: dash's echo itself rewrites
 * backslashes, which would test echo rather than the quoting.)
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseOceanEnv } from "../sync/ocean-env";
import { exportProject, type ExportOptions } from "./index";
import { flagValues, runScript, sampleInput } from "./testing";
import { quote } from "./shell";

const HOSTILE = [
  "plain",
  "with spaces  and\ttabs",
  "it's 'quoted'",
  'double "quotes"',
  "$HOME and ${PATH} and $(id) and `id`",
  "back\\slash\\n",
  "new\nline\n",
  "glob * ? [a-z]",
  "-n",
  "semi; rm -rf / && echo pwned | cat",
  "comma,separated,{braces}",
  "unicode ✓ 名前",
  "",
];
const HOSTILE_SECRET = "s3cr3t 'x' \"y\" $HOME `id` \\ ,&=%+\n2nd line";

function shellWords(...words: string[]): string[] {
  const result = spawnSync("/bin/sh", ["-c", `printf '%s\\0' ${words.join(" ")}`], { encoding: "utf8", env: { HOME: "/home/x", PATH: "/usr/bin:/bin" } as Record<string, string> as NodeJS.ProcessEnv });
  expect(result.status).toBe(0);
  return result.stdout.split("\0").slice(0, -1);
}

const file = (options: ExportOptions, id: string, graph = sampleInput().graph) =>
  exportProject(sampleInput(graph), options).artefacts.find((a) => a.id === id)!.content;

describe("shell quoting through a real shell", () => {
  it("quote() gives back every value as one word, unchanged", () => {
    expect(shellWords(...HOSTILE.map(quote))).toEqual(HOSTILE);
  });

  it("helm, chart-secret: values from the environment arrive exactly, the Graph secret last in the form body", () => {
    const run = runScript(file({ region: "eu", identifier: "entra-id", secrets: "chart-secret" }, "helm"), {
      env: { PORT_CLIENT_ID: HOSTILE[4]!, PORT_CLIENT_SECRET: HOSTILE_SECRET, GRAPH_CLIENT_SECRET: "Abc8Q~x.y_z-9" },
    });
    expect(run.stderr).toBe("");
    expect(run.calls.map((c) => c.slice(0, 2))).toEqual([["helm", "repo"], ["helm", "upgrade"]]);
    const values = Object.fromEntries(flagValues(run.calls[1]!, ["--set", "--set-literal"]).map((f) => [f.key, f.value]));
    expect(values["port.clientId"]).toBe(HOSTILE[4]);
    expect(values["port.clientSecret"]).toBe(HOSTILE_SECRET);
    const form = new URLSearchParams(values["integration.secrets.customAuthRequest.bodyForm"]);
    expect(Object.fromEntries(form)).toEqual({
      client_id: "11111111-2222-3333-4444-555555555555",
      scope: "https://graph.microsoft.com/.default",
      grant_type: "client_credentials",
      client_secret: "Abc8Q~x.y_z-9",
    });
  });

  it("helm, chart-secret: stops before helm when a variable is missing or the Graph secret would need encoding", () => {
    const options: ExportOptions = { region: "eu", identifier: "entra-id", secrets: "chart-secret" };
    const missing = runScript(file(options, "helm"), { env: { PORT_CLIENT_ID: "id", GRAPH_CLIENT_SECRET: "x" } });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/PORT_CLIENT_SECRET/);
    expect(missing.calls).toEqual([]);
    const hostile = runScript(file(options, "helm"), { env: { PORT_CLIENT_ID: "id", PORT_CLIENT_SECRET: "s", GRAPH_CLIENT_SECRET: "a&b=c" } });
    expect(hostile.status).toBe(1);
    expect(hostile.stderr).toMatch(/GRAPH_CLIENT_SECRET holds a character/);
    expect(hostile.calls).toEqual([]);
  });

  it("helm, inline: hostile values arrive exactly; the Graph secret decodes from the form body", () => {
    const options: ExportOptions = {
      region: "eu",
      identifier: "entra-id",
      secrets: "inline",
      inlineValues: { PORT_CLIENT_ID: HOSTILE[2], PORT_CLIENT_SECRET: HOSTILE_SECRET, GRAPH_CLIENT_SECRET: HOSTILE_SECRET },
    };
    const run = runScript(file(options, "helm"));
    expect(run.status).toBe(0);
    const values = Object.fromEntries(flagValues(run.calls[1]!, ["--set", "--set-literal"]).map((f) => [f.key, f.value]));
    expect(values["port.clientId"]).toBe(HOSTILE[2]);
    expect(values["port.clientSecret"]).toBe(HOSTILE_SECRET);
    expect(new URLSearchParams(values["integration.secrets.customAuthRequest.bodyForm"]).get("client_secret")).toBe(HOSTILE_SECRET);
  });

  it("docker, inline with a pasted token: the container's environment is what Ocean (and the CLI's reader) accepts", () => {
    const options: ExportOptions = {
      region: "us",
      identifier: "entra-id",
      secrets: "inline",
      inlineValues: { PORT_CLIENT_ID: "port-id", PORT_CLIENT_SECRET: HOSTILE_SECRET, GRAPH_TOKEN: HOSTILE[4] },
    };
    const run = runScript(file(options, "docker", { kind: "bearer_token", cloud: "global" }));
    expect(run.status).toBe(0);
    const env = Object.fromEntries(flagValues(run.calls[0]!, ["-e"]).map((f) => [f.key, f.value]));
    expect(env.OCEAN__PORT__CLIENT_SECRET).toBe(HOSTILE_SECRET);
    const settings = parseOceanEnv(env);
    expect(settings.auth).toEqual({ type: "bearer_token", token: HOSTILE[4] });
    expect(settings.port).toEqual({ clientId: "port-id", clientSecret: HOSTILE_SECRET, baseUrl: "https://api.us.port.io" });
    expect(settings.paginate).toBe(true);
  });

  it("GitHub workflow: the run step hands the repository secrets to the container by name", async () => {
    const { parse } = await import("yaml");
    const workflow = parse(file({ region: "eu", identifier: "entra-id", secrets: "chart-secret" }, "github-actions")) as {
      jobs: { resync: { steps: { name?: string; run?: string }[] } };
    };
    const step = workflow.jobs.resync.steps.find((s) => s.name?.startsWith("Resync once"))!;
    const run = runScript(step.run!, {
      env: { OCEAN__PORT__CLIENT_ID: "port-id", OCEAN__PORT__CLIENT_SECRET: HOSTILE_SECRET, GRAPH_CLIENT_SECRET: "Abc8Q~x.y_z-9" },
    });
    expect(run.stderr).toBe("");
    const args = run.calls[0]!;
    expect(args.join("\n")).not.toContain(HOSTILE_SECRET);
    const passed: Record<string, string> = {};
    for (const f of flagValues(args, ["-e"])) passed[f.key] = args.includes(f.key) ? run.envs[0]![f.key]! : f.value;
    const settings = parseOceanEnv(passed);
    expect(settings.port.clientSecret).toBe(HOSTILE_SECRET);
    if (settings.auth.type !== "custom") throw new Error("expected custom auth");
    expect(new URLSearchParams(settings.auth.request.bodyForm as string).get("client_secret")).toBe("Abc8Q~x.y_z-9");
    expect(settings.auth.request.reauthenticateIntervalSeconds).toBeLessThan(3599);
  });
});
