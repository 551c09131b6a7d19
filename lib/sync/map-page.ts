/**
 * Select and map step: one Graph page through the mapping (lib/mapping `evaluatePage`,
 * Ocean's rules), counted, with its entities grouped by blueprint in Port's shape.
 * - A selector or data_path error is an error of the run (as in Ocean): no deletion.
 * - A field's jq error gives null and is a warning, as in Ocean (not fatal).
 * - An identifier or blueprint that is not text cannot be written: an error of that entity.
 * The mapping's own duplicate tracking holds every key of the run; the sync passes it a
 * fresh state per page so memory stays flat, and finds duplicates in its stored state.
 */
import type { JqEngine } from "@/lib/jq";
import { createRunState, evaluatePage, type CompiledResource } from "@/lib/mapping";
import type { PortEntity } from "@/lib/port";
import type { FetchedPage } from "./fetch";
import type { RunRecorder } from "./recorder";

export interface MappedPage {
  /** Entities per blueprint, in page order, without the `blueprint` key (Port's upsert shape). */
  byBlueprint: Map<string, PortEntity[]>;
  /** The page had an error that forbids deleting in this run. */
  failed: boolean;
}

export async function mapPage(
  compiled: CompiledResource,
  page: FetchedPage,
  context: { engine: JqEngine; recorder: RunRecorder; timeoutMs?: number },
): Promise<MappedPage> {
  const { recorder } = context;
  const index = compiled.index;
  const counters = recorder.resources[index]!;
  const result = await evaluatePage(compiled, page.body, {
    engine: context.engine,
    state: createRunState(),
    pathParams: page.pathParams,
    timeoutMs: context.timeoutMs,
  });
  counters.pages += 1;
  counters.items += result.items;
  counters.entities += result.entities.length;
  let kept = result.entities.length;
  for (const d of result.dropped) {
    if (d.reason === "selector_false" || d.reason === "selector_error" || d.reason === "items_to_parse_not_list") counters.dropped += 1;
    else {
      counters.dropped += 1;
      kept += 1; // selected, then dropped for its identifier or blueprint
    }
  }
  counters.selected += kept;

  let failed = result.failed;
  for (const d of result.diagnostics) {
    const entry = { stage: "map" as const, resource: index, code: d.code, message: d.message, hint: d.hint, location: d.location };
    // Resource-level problems (syntax errors) come with every page: keep them once.
    if (d.index === undefined && counters.pages > 1) continue;
    if (d.code === "selector_error" || d.code === "selector_not_boolean" || d.code === "data_path_error" || (d.index === undefined && d.severity === "error")) {
      recorder.error(entry);
    } else recorder.warning(entry);
  }

  const byBlueprint = new Map<string, PortEntity[]>();
  for (const e of result.entities) {
    if (typeof e.blueprint !== "string" || typeof e.identifier !== "string") {
      failed = true;
      counters.failed += 1;
      recorder.error({
        stage: "map",
        resource: index,
        code: "entity_key_not_text",
        message: `An entity's ${typeof e.identifier !== "string" ? `identifier (${JSON.stringify(e.identifier)})` : `blueprint (${JSON.stringify(e.blueprint)})`} is not text, so Port cannot hold it.`,
        hint: "Make the identifier and blueprint mappings return strings (e.g. .id | tostring).",
      });
      continue;
    }
    const { blueprint, ...entity } = e;
    let list = byBlueprint.get(blueprint);
    if (!list) byBlueprint.set(blueprint, (list = []));
    list.push(entity as PortEntity);
  }
  return { byBlueprint, failed };
}
