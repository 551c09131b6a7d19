import { describe, expect, it } from "vitest";
import { inProcessFetch } from "./in-process-fetch";

describe("inProcessFetch", () => {
  it("lets the event loop turn before each request reaches its handler", async () => {
    let turned = false;
    const seen: boolean[] = [];
    const fetchIt = inProcessFetch("http://127.0.0.1:3000", () => () => {
      seen.push(turned);
      return new Response("{}");
    });
    setImmediate(() => (turned = true));
    await fetchIt("http://127.0.0.1:3000/api/sim/graph/v1.0/users");
    expect(seen).toEqual([true]);
  });

  it("routes by path, answers 404 for no handler, and refuses another origin", async () => {
    const fetchIt = inProcessFetch("http://127.0.0.1:3000", (p) => (p.startsWith("/api/sim/") ? () => new Response("sim") : null));
    expect(await (await fetchIt("http://127.0.0.1:3000/api/sim/port/v1/x")).text()).toBe("sim");
    expect((await fetchIt("http://127.0.0.1:3000/elsewhere")).status).toBe(404);
    await expect(fetchIt("http://169.254.169.254/latest")).rejects.toThrow(/refused http:\/\/169\.254\.169\.254/);
  });
});
