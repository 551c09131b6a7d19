/**
 * The parent values of a nested kind (`{group_id}` in /groups/{group_id}/members), read
 * from its discovery listing's preview sample as Ocean reads them: `data_path` on each
 * page, then per record `filter` (kept only when exactly true) and `field` (the value).
 * A record whose field gives no usable value is skipped and counted, as the sync does.
 */
import { compileBatch, compileExpression, evaluateBatch, type JqEngine } from "@/lib/jq";
import type { PathParameter } from "@/lib/mapping";
import type { PreviewSample } from "@/lib/builder/mapping-contracts";

export interface DiscoveredValues {
  values: string[];
  /** Records whose field gave no string or number (skipped). */
  skipped: number;
  /** A jq syntax error in data_path, field or filter. */
  error: string | null;
}

export async function discoveryValues(engine: JqEngine, spec: PathParameter, sample: PreviewSample): Promise<DiscoveredValues> {
  const [dataPath, batch] = await Promise.all([compileExpression(engine, spec.data_path), compileBatch(engine, { fields: [spec.field], selector: spec.filter })]);
  for (const [name, expr] of [["data_path", dataPath], ["field", batch.fields[0]], ["filter", batch.selector]] as const) {
    if (expr?.syntaxError) return { values: [], skipped: 0, error: `path_parameters ${name}: ${expr.syntaxError.message}` };
  }
  const out: DiscoveredValues = { values: [], skipped: 0, error: null };
  for (const page of sample.pages) {
    const [row] = await evaluateBatch(engine, { fields: [dataPath], selector: null, jqFields: dataPath.fast ? [] : [0] }, [page.body], { pageBody: true });
    const data = row?.fields?.[0];
    if (!data || data.kind !== "value" || data.value === null) continue;
    const records = Array.isArray(data.value) ? data.value : [data.value];
    const rows = await evaluateBatch(engine, batch, records);
    for (const r of rows) {
      if (batch.selector && !(r.selector?.kind === "value" && r.selector.value === true)) continue;
      const o = r.fields?.[0];
      const v = o?.kind === "value" ? o.value : undefined;
      if (typeof v === "string" && v !== "") out.values.push(v);
      else if (typeof v === "number" && Number.isFinite(v)) out.values.push(String(v));
      else out.skipped++;
    }
  }
  return out;
}
