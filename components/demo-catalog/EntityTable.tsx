"use client";

/** The searchable, paged entity table of one blueprint; a row opens the entity's JSON. */
import { useEffect, useState } from "react";
import { ErrorAlert } from "./ErrorAlert";
import { useCatalogEntities } from "./useDemoCatalog";

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function EntityTable({ blueprint, selected, onSelect }: { blueprint: string; selected?: string; onSelect: (identifier: string) => void }) {
  const [search, setSearch] = useState("");
  const debounced = useDebounced(search.trim(), 250);
  const query = useCatalogEntities(blueprint, debounced);
  const rows = query.data?.pages.flatMap((p) => p.entities) ?? [];

  return (
    <section aria-label="Entities">
      <div className="row" style={{ marginBottom: 12 }}>
        <input
          type="search"
          placeholder="Search identifier or title"
          aria-label="Search entities"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ flex: 1 }}
        />
      </div>
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {query.isPending ? <p className="muted">Loading entities…</p> : null}
      {!query.isPending && rows.length === 0 && !query.error ? (
        <p className="muted">{debounced ? `No entity matches "${debounced}".` : "This blueprint has no entities yet."}</p>
      ) : null}
      {rows.length > 0 ? (
        <table className="list" data-testid="entity-table">
          <thead>
            <tr>
              <th>Identifier</th>
              <th>Title</th>
              <th>Properties</th>
              <th>Relations</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.identifier} data-selected={e.identifier === selected || undefined} style={e.identifier === selected ? { background: "#eef2fd" } : undefined}>
                <td>
                  <button type="button" className="link" onClick={() => onSelect(e.identifier)}>
                    <code>{e.identifier}</code>
                  </button>
                </td>
                <td>{e.title ?? <span className="muted">(none)</span>}</td>
                <td>{e.propertyCount}</td>
                <td>{e.relationCount}</td>
                <td className="muted">{new Date(e.updatedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {query.hasNextPage ? (
        <p>
          <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        </p>
      ) : null}
    </section>
  );
}
