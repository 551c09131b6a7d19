import { describe, expect, it } from "vitest";
import { createHashGate } from "./hash-gate";

describe("hash gate", () => {
  it("lets one hash per client and two in all run; the rest are refused until a slot is released", () => {
    const gate = createHashGate({ maxConcurrent: 2, maxPerClient: 1 });
    const a = gate.tryEnter("10.0.0.1");
    expect(a).not.toBeNull();
    expect(gate.tryEnter("10.0.0.1")).toBeNull();
    const b = gate.tryEnter("10.0.0.2");
    expect(b).not.toBeNull();
    expect(gate.tryEnter("10.0.0.3")).toBeNull();
    expect(gate.inFlight()).toBe(2);
    a!();
    a!(); // releasing twice frees one slot only
    expect(gate.inFlight()).toBe(1);
    expect(gate.tryEnter("10.0.0.1")).not.toBeNull();
    expect(gate.tryEnter("10.0.0.3")).toBeNull();
    b!();
    expect(gate.tryEnter("10.0.0.3")).not.toBeNull();
  });

  it("of forty simultaneous attempts from one client, one runs", () => {
    const gate = createHashGate();
    const entered = Array.from({ length: 40 }, () => gate.tryEnter("10.0.0.66")).filter(Boolean);
    expect(entered).toHaveLength(1);
  });
});
