"use client";

/**
 * The Demo catalog: what syncs wrote into the demo Port. Blueprints with entity counts,
 * a searchable entity table of the chosen blueprint, and one entity's JSON. The choice
 * lives in the URL (?blueprint=&entity=) so a reload or a shared link shows the same.
 */
import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { EntityTable } from "./EntityTable";
import { ErrorAlert } from "./ErrorAlert";
import { JsonPanel } from "./JsonPanel";
import { useCatalogBlueprintJson, useCatalogBlueprints, useCatalogEntity, type CatalogBlueprint } from "./useDemoCatalog";
import { visuallyHidden } from "./visually-hidden";

function BlueprintList({ blueprints, selected, onSelect }: { blueprints: CatalogBlueprint[]; selected?: string; onSelect: (id: string) => void }) {
  return (
    <nav aria-label="Blueprints" className="panel" style={{ padding: 8 }}>
      <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {blueprints.map((b) => (
          <li key={b.identifier}>
            <button
              type="button"
              onClick={() => onSelect(b.identifier)}
              aria-current={b.identifier === selected ? "true" : undefined}
              style={{ width: "100%", textAlign: "left", border: "none", background: b.identifier === selected ? "#eef2fd" : "transparent", display: "flex", gap: 8 }}
            >
              <span style={{ flex: 1 }}>
                {b.title}
                <br />
                <code className="muted" style={{ fontSize: 12 }}>{b.identifier}</code>
              </span>
              <span className="muted" data-testid={`count-${b.identifier}`}>{b.entityCount.toLocaleString()}</span>
              <span style={visuallyHidden}> entities</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function BlueprintSummary({ blueprint }: { blueprint: CatalogBlueprint }) {
  const [showJson, setShowJson] = useState(false);
  const json = useCatalogBlueprintJson(showJson ? blueprint.identifier : undefined);
  return (
    <div style={{ marginBottom: 16 }}>
      <div className="row">
        <h2 style={{ margin: 0 }}>
          {blueprint.title} <span className="muted">({blueprint.entityCount.toLocaleString()} entities)</span>
        </h2>
        <span className="spacer" />
        <button type="button" className="link" onClick={() => setShowJson((v) => !v)} aria-expanded={showJson}>
          {showJson ? "Hide blueprint JSON" : "Blueprint JSON"}
        </button>
      </div>
      <p className="muted" style={{ margin: "6px 0 0" }}>
        Properties: {blueprint.properties.map((p) => `${p.name} (${p.format ?? p.type})`).join(", ") || "none"}
        <br />
        Relations: {blueprint.relations.map((r) => `${r.name} → ${r.target}${r.many ? " (many)" : ""}`).join(", ") || "none"}
      </p>
      {showJson ? <JsonPanel title="Blueprint JSON" data={json.data} error={json.error} pending={json.isPending} /> : null}
    </div>
  );
}

export function DemoCatalogView() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const blueprints = useCatalogBlueprints();
  const list = blueprints.data ?? [];
  const selectedId = params.get("blueprint") ?? list[0]?.identifier;
  const selected = list.find((b) => b.identifier === selectedId);
  const entityId = params.get("entity") ?? undefined;
  const entity = useCatalogEntity(selected?.identifier, entityId);
  const queryClient = useQueryClient();
  // Focus goes to the entity's JSON only when a person opened it (not on a reload).
  const [openedByClick, setOpenedByClick] = useState(false);

  const navigate = (next: { blueprint?: string; entity?: string }) => {
    const q = new URLSearchParams();
    if (next.blueprint) q.set("blueprint", next.blueprint);
    if (next.entity) q.set("entity", next.entity);
    router.replace(`${pathname}?${q.toString()}`, { scroll: false });
  };

  return (
    <div>
      <div className="row">
        <h1>Demo catalog</h1>
        <span className="spacer" />
        {/* Everything on the page (counts, table, JSON), not just the blueprint list. */}
        <button type="button" onClick={() => void queryClient.invalidateQueries({ queryKey: ["demo-catalog"] })} disabled={blueprints.isFetching}>
          Refresh
        </button>
      </div>
      <p className="muted" style={{ marginTop: -8 }}>
        What syncs into the built-in demo Port wrote. It stands in for Port&apos;s catalog: connect a project to the demo Port (client id{" "}
        <code>demo-port-client</code>, secret <code>demo-port-secret</code>) and run a sync.
      </p>
      {blueprints.error ? <ErrorAlert error={blueprints.error} /> : null}
      {blueprints.isPending && !blueprints.error ? (
        <p className="muted" role="status">
          Loading blueprints…
        </p>
      ) : null}
      {blueprints.isSuccess && list.length === 0 ? (
        <div className="panel" role="status">
          <p style={{ margin: 0 }}>The demo catalog is empty: no blueprint has been created in the demo Port yet. Run a sync into the demo Port, then Refresh.</p>
        </div>
      ) : null}
      {list.length > 0 ? (
        <div style={{ display: "grid", gridTemplateColumns: "240px 1fr", gap: 16, alignItems: "start" }}>
          <BlueprintList blueprints={list} selected={selected?.identifier} onSelect={(id) => navigate({ blueprint: id })} />
          <div className="panel">
            {selected ? (
              <>
                <BlueprintSummary key={`summary-${selected.identifier}`} blueprint={selected} />
                <EntityTable
                  key={`table-${selected.identifier}`}
                  blueprint={selected.identifier}
                  selected={entityId}
                  onSelect={(id) => {
                    setOpenedByClick(true);
                    navigate({ blueprint: selected.identifier, entity: id });
                  }}
                />
              </>
            ) : (
              <p className="muted">Blueprint &quot;{selectedId}&quot; is not in the demo catalog.</p>
            )}
          </div>
        </div>
      ) : null}
      {selected && entityId ? (
        <JsonPanel
          title={`Entity ${entityId}`}
          data={entity.data}
          error={entity.error}
          pending={entity.isPending}
          focusOnOpen={openedByClick}
          onClose={() => navigate({ blueprint: selected.identifier })}
        />
      ) : null}
    </div>
  );
}
