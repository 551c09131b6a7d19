"use client";

/** The searchable, paged entity table of one blueprint; a row opens the entity's JSON. */
import { useEffect, useId, useState } from "react";
import { ErrorAlert } from "./ErrorAlert";
import { useCatalogEntities } from "./useDemoCatalog";
import { visuallyHidden } from "./visually-hidden";

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

  const searchId = useId();
  return (
    <section aria-label="Entities">
      <div className="field">
        <label htmlFor={searchId}>Search entities</label>
        <input id={searchId} type="search" placeholder="Identifier or title" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {/* One live region for loading and empty states, so a search result is announced. */}
      <p className="muted" role="status" style={query.isPending || rows.length === 0 ? undefined : visuallyHidden}>
        {query.isPending
          ? "Loading entities…"
          : query.error && rows.length === 0
            ? ""
            : rows.length === 0
              ? debounced
                ? `No entity matches "${debounced}".`
                : "This blueprint has no entities yet."
              : `${rows.length}${query.hasNextPage ? "+" : ""} entities shown.`}
      </p>
      {rows.length > 0 ? (
        <table className="list" data-testid="entity-table">
          <caption style={visuallyHidden}>Entities of blueprint {blueprint}; choose an identifier to see the entity&apos;s JSON.</caption>
          <thead>
            <tr>
              <th scope="col">Identifier</th>
              <th scope="col">Title</th>
              <th scope="col">Properties</th>
              <th scope="col">Relations</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.identifier} data-selected={e.identifier === selected || undefined} style={e.identifier === selected ? { background: "#eef2fd" } : undefined}>
                <td>
                  {/* A real button: reachable with Tab, opened with Enter or Space. */}
                  <button type="button" className="link" onClick={() => onSelect(e.identifier)} aria-current={e.identifier === selected ? "true" : undefined}>
                    <code>{e.identifier}</code>
                  </button>
                </td>
                <td>{e.title ?? <span className="muted">(none)</span>}</td>
                <td>{e.propertyCount}</td>
                <td>{e.relationCount}</td>
                <td className="muted">
                  <time dateTime={e.updatedAt}>{new Date(e.updatedAt).toLocaleString()}</time>
                </td>
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
