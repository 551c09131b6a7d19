import { describe, expect, it } from "vitest";
import { nextStep } from "./step-status";

const steps = (sync: "ready" | "done") =>
  [
    { id: "connect", state: "done" },
    { id: "explore", state: "done" },
    { id: "fields", state: "done" },
    { id: "blueprints", state: "done" },
    { id: "mapping", state: "done" },
    { id: "export", state: "ready" },
    { id: "sync", state: sync },
  ].map((s) => ({ ...s, label: s.id, summary: "" })) as Parameters<typeof nextStep>[0];

describe("the rail's next step", () => {
  it("is Export while nothing was synced, and not once the builder's own sync succeeded", () => {
    expect(nextStep(steps("ready"))).toBe("export");
    expect(nextStep(steps("done"))).toBeNull();
  });

  it("is the first ready step otherwise", () => {
    const s = steps("ready").map((x) => (x.id === "fields" ? { ...x, state: "ready" as const } : x));
    expect(nextStep(s)).toBe("fields");
  });
});
