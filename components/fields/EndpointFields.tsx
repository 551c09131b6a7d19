"use client";

/**
 * One sampled endpoint in the Fields step: what it was inferred from, the identifier and
 * title, the $select warnings of the picked fields, and the table of fields to pick.
 */
import { useCallback, useMemo, useState } from "react";
import type { FieldsDocument } from "@/lib/builder/contracts";
import { ErrorAlert } from "../demo-catalog/ErrorAlert";
import { EntityExpressions } from "./EntityExpressions";
import { FieldFilters } from "./FieldFilters";
import { FieldsTable } from "./FieldsTable";
import { MissingPicks } from "./MissingPicks";
import { NO_FILTER, filterFields, missingPicks, pickRange, resourceOf, selectWarnings, selectedProperties, setPicked, stringFieldPaths, updateResource, type FieldsResource } from "./field-picks";
import { SampleFacts } from "./SampleFacts";
import { SelectWarnings } from "./SelectWarnings";
import { useFieldInference } from "./useFieldsData";

export function EndpointFields({
  projectId,
  endpoint,
  doc,
  onEdit,
}: {
  projectId: string;
  endpoint: string;
  doc: FieldsDocument;
  onEdit: (update: (doc: FieldsDocument) => FieldsDocument) => void;
}) {
  const answer = useFieldInference(projectId, endpoint);
  const [filter, setFilter] = useState(NO_FILTER);
  const fields = useMemo(() => answer.data?.inference.fields ?? [], [answer.data]);
  const kind = answer.data?.kind ?? endpoint;
  const resource = resourceOf(doc, endpoint, kind, fields);
  const picked = useMemo(() => new Set(resource.picked), [resource.picked]);
  const select = useMemo(() => selectedProperties(answer.data?.sample.request.query.$select), [answer.data]);
  const shown = useMemo(() => filterFields(fields, filter, picked), [fields, filter, picked]);
  const missing = useMemo(() => missingPicks(fields, resource.picked), [fields, resource.picked]);

  const change = useCallback(
    (update: (r: FieldsResource) => FieldsResource) => onEdit((d) => updateResource(d, endpoint, kind, fields, update)),
    [onEdit, endpoint, kind, fields],
  );
  const onPickRange = useCallback(
    (order: string[], anchor: string | null, target: string, checked: boolean) => change((r) => ({ ...r, picked: pickRange(r.picked, order, anchor, target, checked) })),
    [change],
  );

  if (answer.isPending) return <p className="muted" role="status">Inferring the fields of {endpoint}…</p>;
  if (answer.error) return <ErrorAlert error={answer.error} />;

  return (
    <div id="endpoint-panel" role="tabpanel" data-testid="endpoint-fields">
      <SampleFacts answer={answer.data} />
      <EntityExpressions resource={resource} stringFields={stringFieldPaths(fields)} onChange={(c) => change((r) => ({ ...r, ...c }))} />
      <SelectWarnings warnings={selectWarnings(fields, resource.picked, select)} />
      <MissingPicks
        paths={missing}
        select={answer.data.sample.request.query.$select}
        projectId={projectId}
        onUnpick={() => change((r) => ({ ...r, picked: setPicked(r.picked, missing, false) }))}
      />
      <FieldFilters
        filter={filter}
        shown={shown.length}
        total={fields.length}
        picked={resource.picked.length}
        onFilter={setFilter}
        onPickShown={() => change((r) => ({ ...r, picked: setPicked(r.picked, shown.map((f) => f.path), true) }))}
        onClear={() => change((r) => ({ ...r, picked: [] }))}
      />
      <FieldsTable fields={shown} picked={picked} select={select} onPickRange={onPickRange} />
    </div>
  );
}
