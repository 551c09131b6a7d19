/**
 * The Demo catalog's table and JSON panel, rendered to HTML (no DOM library in this
 * project): labels, keyboard-reachable rows, live status and error states.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EntityTable } from "@/components/demo-catalog/EntityTable";
import { JsonPanel } from "@/components/demo-catalog/JsonPanel";
import type { CatalogEntityPage } from "@/lib/simulators/port/catalog";

function render(element: ReactElement, seed?: (client: QueryClient) => void): string {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  seed?.(client);
  return renderToStaticMarkup(createElement(QueryClientProvider, { client }, element));
}

const page = (ids: string[], next: string | null = null): CatalogEntityPage => ({
  entities: ids.map((identifier) => ({ identifier, title: `T ${identifier}`, updatedAt: "2026-01-02T03:04:05.000Z", propertyCount: 2, relationCount: 1 })),
  next,
});

const table = (selected?: string) => createElement(EntityTable, { blueprint: "user", selected, onSelect: () => {} });
const seeded = (p: CatalogEntityPage) => (client: QueryClient) =>
  client.setQueryData(["demo-catalog", "entities", "user", ""], { pages: [p], pageParams: [undefined] });

describe("Demo catalog entity table", () => {
  it("has a visible label on the search field and a button per row", () => {
    const html = render(table("b"), seeded(page(["a", "b"], "b")));
    const id = /<label for="([^"]+)">Search entities<\/label>/.exec(html)?.[1];
    expect(id).toBeDefined();
    expect(html).toContain(`<input id="${id}" type="search"`);
    expect(html.match(/<button type="button" class="link"[^>]*><code>/g)).toHaveLength(2);
    expect(html).toContain('aria-current="true"><code>b</code>');
    expect(html).toContain("<caption");
    expect(html).toContain('<th scope="col">Identifier</th>');
    expect(html).toContain(">Load more</button>");
    expect(html).toMatch(/role="status"[^>]*>2\+ entities shown/);
  });

  it("says so when the blueprint has no entities, and while loading", () => {
    expect(render(table(), seeded(page([])))).toMatch(/role="status"[^>]*>This blueprint has no entities yet/);
    expect(render(table())).toMatch(/role="status"[^>]*>Loading entities/);
  });
});

describe("Demo catalog JSON panel", () => {
  it("is a labelled region with a focusable heading, a close button, and an error alert", () => {
    const html = render(createElement(JsonPanel, { title: "Entity u1", data: undefined, error: new Error("Entity not found"), pending: false, onClose: () => {} }));
    const id = /<h2 id="([^"]+)" tabindex="-1"/.exec(html)?.[1];
    expect(html).toContain(`aria-labelledby="${id}"`);
    expect(html).toContain(">Close</button>");
    expect(html).toContain('role="alert">Entity not found');
    expect(html).not.toContain("Loading");
  });
});
