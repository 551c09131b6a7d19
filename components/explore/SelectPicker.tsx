"use client";

/**
 * `$select`: free text (what Graph receives) and the resource's known properties as a
 * filterable checkbox list, both editing the same comma-separated value.
 */
import { useId, useMemo, useState } from "react";
import { knownPropertiesFor } from "./known-properties";
import { formatSelect, isSelected, parseSelect, toggleSelect, unknownSelected } from "./select-list";
import styles from "./explore.module.css";

const KIND_NAMES = {
  user: "a user",
  group: "a group",
  application: "an application",
  servicePrincipal: "a service principal",
  device: "a device",
  directoryRole: "a directory role",
  directoryObject: "a directory object",
  member: "a member (directory object or user)",
} as const;

function DefaultsHelp({ defaults, kindName }: { defaults: ReturnType<typeof knownPropertiesFor>["defaults"]; kindName: string }) {
  if (defaults === "exact") return <>Without <code>$select</code>, Graph returns only the properties marked <em>default</em>: select the others you need.</>;
  if (defaults === "all-but") return <>Without <code>$select</code>, Graph returns all but the properties marked <em>only with $select</em>.</>;
  if (defaults === "all") return <>Graph returns every property of {kindName} without <code>$select</code>; selecting makes pages smaller.</>;
  return <>Properties of {kindName}.</>;
}

export function SelectPicker({ value, path, onChange }: { value: string; path: string; onChange: (value: string) => void }) {
  const id = useId();
  const [filter, setFilter] = useState("");
  const known = useMemo(() => knownPropertiesFor(path), [path]);
  const shown = known.properties.filter((p) => p.name.toLowerCase().includes(filter.trim().toLowerCase()));
  const selectedCount = parseSelect(value).length;
  const unknown = unknownSelected(value, known.properties.map((p) => p.name));
  const kindName = known.kind ? KIND_NAMES[known.kind] : "this resource";
  const addDefaults = () => {
    const names = parseSelect(value);
    for (const p of known.properties) if (p.isDefault && !isSelected(value, p.name)) names.push(p.name);
    onChange(formatSelect(names));
  };
  return (
    <fieldset className={styles.selectBox}>
      <legend>$select</legend>
      <input
        id={`${id}-text`}
        type="text"
        className={styles.mono}
        style={{ width: "100%" }}
        aria-label="$select (comma-separated property names)"
        aria-describedby={`${id}-help`}
        placeholder="id,displayName,department"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="select-text"
      />
      <p id={`${id}-help`} className="muted" style={{ fontSize: 12, margin: "4px 0 0" }}>
        {known.kind ? <DefaultsHelp defaults={known.defaults} kindName={kindName} /> : "Comma-separated property names. Choose a preset to pick from the known properties."}
      </p>
      {unknown.length > 0 ? (
        <p className="muted" style={{ fontSize: 12, margin: "4px 0 0" }} data-testid="select-unknown">
          Not a known property of {kindName}: <code>{unknown.join(", ")}</code>. Graph answers 400 for a property that does not exist.
        </p>
      ) : null}
      {known.properties.length > 0 ? (
        <>
          <div className={styles.selectTools}>
            <input
              type="search"
              aria-label="Filter the known properties"
              placeholder={`Filter ${known.properties.length} properties`}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <span className="muted">{selectedCount} selected</span>
            {known.defaults === "exact" ? (
              <button type="button" className="link" onClick={addDefaults}>
                Add the defaults
              </button>
            ) : null}
            <button type="button" className="link" onClick={() => onChange("")} disabled={selectedCount === 0}>
              Clear
            </button>
          </div>
          <ul className={styles.propList} aria-label={`Known properties of ${kindName}`} data-testid="select-known">
            {shown.map((p) => (
              <li key={p.name}>
                <label>
                  <input type="checkbox" checked={isSelected(value, p.name)} onChange={() => onChange(toggleSelect(value, p.name))} />
                  {p.name}
                  {known.defaults === "exact" && p.isDefault ? <span className={styles.badge}>default</span> : null}
                  {known.defaults === "all-but" && !p.isDefault ? <span className={`${styles.badge} ${styles.selectOnly}`}>only with $select</span> : null}
                </label>
              </li>
            ))}
            {shown.length === 0 ? <li className="muted">No known property contains &quot;{filter.trim()}&quot;; type it in the field above.</li> : null}
          </ul>
        </>
      ) : null}
    </fieldset>
  );
}
