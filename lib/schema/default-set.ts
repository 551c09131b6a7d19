/**
 * Whether Graph returns a top-level property without `$select`, from the default
 * property sets (lib/mapping/graph-defaults.ts, microsoft-graph.md).
 */
import { defaultSetFor } from "../mapping/graph-defaults";

/** true / false, or null when the kind's default set is not known (or there is no kind). */
export function inDefaultSet(kind: string | null, property: string): boolean | null {
  // Annotations (`@odata.type` on directory objects) come with the object, selected or not.
  if (property.startsWith("@odata.")) return true;
  const set = kind ? defaultSetFor(kind) : null;
  if (!set) return null;
  // Graph property names are case-insensitive in $select, and so here.
  const name = property.toLowerCase();
  switch (set.kind) {
    case "exact":
      return set.properties.some((p) => p.toLowerCase() === name);
    case "all-but":
      return !set.missing.some((p) => p.toLowerCase() === name);
    case "all":
      return true;
  }
}
