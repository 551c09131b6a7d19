import { describe, expect, it } from "vitest";
import { UNKNOWN_CLIENT } from "../client-address";
import { withPasswordHashSlot } from "./hash-slot";
import { signInLimits } from "./limits";

const request = () => new Request("http://localhost/api/setup", { method: "POST" });

describe("withPasswordHashSlot", () => {
  it("hashes in a slot of the sign-in gate, and answers 429 busy while the client already holds one", async () => {
    let ran = 0;
    const hash = async () => {
      ran += 1;
      return new Response(null, { status: 201 });
    };
    // A request the server did not stamp with an address counts as the unknown client.
    const held = signInLimits().gate.tryEnter(UNKNOWN_CLIENT)!;
    const busy = await withPasswordHashSlot(request(), hash);
    expect(busy.status).toBe(429);
    expect(busy.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await busy.json()).toMatchObject({ error: { code: "busy" } });
    expect(ran).toBe(0);
    held();
    expect((await withPasswordHashSlot(request(), hash)).status).toBe(201);
    expect(ran).toBe(1);
    expect(signInLimits().gate.inFlight()).toBe(0);
  });
});
