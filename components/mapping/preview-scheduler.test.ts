import { describe, expect, it } from "vitest";
import { parsePortAppConfig, type ConfigIssue, type Diagnostic } from "@/lib/mapping";
import type { RunScope } from "./preview-engine";
import type { PreviewResult, SampleState } from "./preview-run";
import { PreviewScheduler, type PreviewInput } from "./preview-scheduler";

const YAML = (id: string) => `resources:\n  - kind: /users\n    selector:\n      query: 'true'\n    port:\n      entity:\n        mappings:\n          identifier: ${id}\n          blueprint: '"u"'\n`;

function input(text: string, samples: SampleState[] = [{ status: "ready", sample: {} as never }]): PreviewInput {
  return { text, parsed: parsePortAppConfig(text), samples: new Map(samples.map((s, i) => [i, s])), blueprints: [] };
}

function result(text: string, extra: Partial<PreviewResult> = {}): PreviewResult {
  return { resources: [{ kind: text } as never], compileIssues: [], stopped: [], ...extra };
}

function setup() {
  let now = 0;
  const runs: { text: string; resolve: (r: PreviewResult) => void }[] = [];
  const superseded: RunScope[] = [];
  const host = {
    scope(): RunScope {
      const s = { cancelled: false, timeouts: 0, failures: 0 };
      return {
        engine: { run: async () => ({ ok: true, stdout: "" }) as const, parallelism: 1, close: async () => undefined },
        get cancelled() {
          return s.cancelled;
        },
        get timeouts() {
          return s.timeouts;
        },
        get failures() {
          return s.failures;
        },
        cancel: () => void (s.cancelled = true),
      };
    },
    supersede(scopes: RunScope[]) {
      for (const s of scopes) s.cancel();
      superseded.push(...scopes);
    },
  };
  const scheduler = new PreviewScheduler(
    (i) => new Promise((resolve) => void runs.push({ text: i.text, resolve: (r) => resolve({ result: r, cache: new Map() }) })),
    host,
    { restartAfterMs: 300, now: () => now },
  );
  return { scheduler, runs, superseded, tick: (ms: number) => (now += ms) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("PreviewScheduler", () => {
  it("runs an edit at once, coalesces edits made during a run into one run of the latest text", async () => {
    const { scheduler, runs } = setup();
    scheduler.submit(input(YAML(".a")));
    expect(runs.map((r) => r.text)).toEqual([YAML(".a")]);
    scheduler.submit(input(YAML(".b")));
    scheduler.submit(input(YAML(".c")));
    expect(runs).toHaveLength(1);
    runs[0]!.resolve(result("a"));
    await settle();
    // The run of ".a" is older than the latest text: discarded, and ".c" runs (never ".b").
    expect(scheduler.getSnapshot().shown).toBeNull();
    expect(runs.map((r) => r.text)).toEqual([YAML(".a"), YAML(".c")]);
    runs[1]!.resolve(result("c"));
    await settle();
    expect(scheduler.getSnapshot()).toMatchObject({ shown: { resources: [{ kind: "c" }] }, stale: null, running: false, runs: 1 });
  });

  it("keeps the last good preview, marked stale, on a YAML error, a jq syntax error and a stopped run", async () => {
    const { scheduler, runs } = setup();
    scheduler.submit(input(YAML(".a")));
    runs[0]!.resolve(result("good"));
    await settle();
    scheduler.submit(input(`${YAML(".a")}  - kind: [\n`));
    expect(scheduler.getSnapshot()).toMatchObject({ shown: { resources: [{ kind: "good" }] }, stale: { reason: "yaml" } });
    expect(runs).toHaveLength(1);

    scheduler.submit(input(YAML(".a |")));
    const syntax: ConfigIssue = { severity: "error", code: "jq_syntax", message: "identifier: syntax error", location: { line: 8, column: 27 } };
    runs[1]!.resolve(result("broken", { compileIssues: [syntax] }));
    await settle();
    expect(scheduler.getSnapshot()).toMatchObject({ shown: { resources: [{ kind: "good" }] }, latest: { resources: [{ kind: "broken" }] }, stale: { reason: "jq", line: 8, column: 27 } });

    scheduler.submit(input(YAML("[recurse(.)]")));
    const stopped: Diagnostic = { field: "identifier", code: "jq_error", severity: "error", message: "identifier: stopped after 2000 ms: the expression did not finish", location: { line: 8 } };
    runs[2]!.resolve(result("stopped", { stopped: [stopped] }));
    await settle();
    expect(scheduler.getSnapshot()).toMatchObject({ shown: { resources: [{ kind: "good" }] }, stale: { reason: "stopped", message: stopped.message } });
  });

  it("waits while a sample is read, then runs", async () => {
    const { scheduler, runs } = setup();
    scheduler.submit(input(YAML(".a"), [{ status: "loading" }]));
    expect(scheduler.getSnapshot().waitingForSamples).toBe(true);
    expect(runs).toHaveLength(0);
    scheduler.submit(input(YAML(".a")));
    expect(scheduler.getSnapshot().waitingForSamples).toBe(false);
    expect(runs).toHaveLength(1);
  });

  it("supersedes a run busy past the limit when a newer edit comes, and runs the edit at once", async () => {
    const { scheduler, runs, superseded, tick } = setup();
    scheduler.submit(input(YAML("'def f: f; f'")));
    tick(100);
    scheduler.submit(input(YAML(".b")));
    expect(runs).toHaveLength(1);
    expect(superseded).toHaveLength(0);
    tick(400);
    scheduler.submit(input(YAML(".c")));
    expect(superseded).toHaveLength(1);
    expect(runs.map((r) => r.text)).toEqual([YAML("'def f: f; f'"), YAML(".c")]);
    runs[1]!.resolve(result("c"));
    runs[0]!.resolve(result("runaway"));
    await settle();
    expect(scheduler.getSnapshot()).toMatchObject({ shown: { resources: [{ kind: "c" }] }, running: false });
  });
});
