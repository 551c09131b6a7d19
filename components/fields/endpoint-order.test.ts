import { describe, expect, it } from "vitest";
import type { SampleSummary } from "@/lib/builder/contracts";
import { orderedSamples, rememberedEndpoint, rememberEndpoint, shownEndpoint, type ChoiceStore } from "./endpoint-order";

const sample = (endpoint: string): SampleSummary => ({
  id: endpoint,
  endpoint,
  itemCount: 1,
  bytes: 10,
  pages: 1,
  truncated: null,
  hasNextPage: false,
  request: { path: endpoint, query: {}, consistencyLevelEventual: false },
  updatedAt: "2026-01-01T00:00:00.000Z",
});

// As the samples API lists them: alphabetically.
const listed = ["/applications", "/groups", "/groups/g-1/members", "/servicePrincipals", "/users", "/users/u-1/memberOf"].map(sample);

function memoryStore(): ChoiceStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

describe("which sampled endpoint the Fields step shows", () => {
  it("orders the tabs as the Explore presets (users first), free paths last", () => {
    expect(orderedSamples(listed).map((s) => s.endpoint)).toEqual([
      "/users",
      "/groups",
      "/groups/g-1/members",
      "/applications",
      "/servicePrincipals",
      "/users/u-1/memberOf",
    ]);
  });

  it("shows the URL's endpoint, else the one last chosen in this tab, else the first in order", () => {
    const ordered = orderedSamples(listed);
    expect(shownEndpoint(ordered, "/groups", "/applications")).toBe("/groups");
    expect(shownEndpoint(ordered, null, "/applications")).toBe("/applications");
    expect(shownEndpoint(ordered, null, null)).toBe("/users");
    // A choice whose sample was deleted since falls through.
    expect(shownEndpoint(ordered, "/devices", "/directoryRoles")).toBe("/users");
    expect(shownEndpoint([], null, null)).toBeNull();
  });

  it("remembers the choice per project, and survives a storage that refuses", () => {
    const store = memoryStore();
    rememberEndpoint(store, "p1", "/groups");
    expect(rememberedEndpoint(store, "p1")).toBe("/groups");
    expect(rememberedEndpoint(store, "p2")).toBeNull();
    const refusing: ChoiceStore = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => rememberEndpoint(refusing, "p1", "/users")).not.toThrow();
    expect(rememberedEndpoint(refusing, "p1")).toBeNull();
  });
});
