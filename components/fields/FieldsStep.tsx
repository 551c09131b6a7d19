"use client";

/**
 * Step 3, Fields: for each sampled endpoint, the fields inferred from all its items; the
 * person picks fields and the identifier and title expressions. Everything is saved to the
 * project's `fields` document as it changes. The endpoint shown is in the URL (?endpoint=),
 * and remembered for the tab (see endpoint-order.ts).
 */
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { ErrorAlert } from "../demo-catalog/ErrorAlert";
import { EndpointFields } from "./EndpointFields";
import { orderedSamples, rememberedEndpoint, rememberEndpoint, shownEndpoint } from "./endpoint-order";
import { EndpointTabs } from "./EndpointTabs";
import { FieldsEmptyState } from "./FieldsEmptyState";
import styles from "./fields.module.css";
import { SaveProblem } from "./SaveProblem";
import { SavingIndicator } from "./SavingIndicator";
import { useSampleList } from "./useFieldsData";
import { useStepDocument } from "./useStepDocument";

export function FieldsStep({ projectId }: { projectId: string }) {
  const samples = useSampleList(projectId);
  const doc = useStepDocument(projectId, "fields");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();

  const list = useMemo(() => orderedSamples(samples.data ?? []), [samples.data]);
  // Only read once the samples are there, which is in the browser (nothing is listed on the server).
  const endpoint = list.length ? shownEndpoint(list, params.get("endpoint"), rememberedEndpoint(window.sessionStorage, projectId)) : null;
  const select = (next: string) => {
    rememberEndpoint(window.sessionStorage, projectId, next);
    router.replace(`${pathname}?${new URLSearchParams({ endpoint: next })}`, { scroll: false });
  };
  const picks = Object.fromEntries(Object.entries(doc.content.resources).map(([e, r]) => [e, r.picked.length]));

  return (
    <section className="panel" aria-labelledby="fields-title">
      <div className={styles.header}>
        <h2 id="fields-title">Fields</h2>
        <SavingIndicator status={doc.status} loaded={doc.loaded} />
      </div>
      <SaveProblem status={doc.status} onRetry={doc.retry} onReload={doc.reload} />
      {samples.error && <ErrorAlert error={samples.error} />}
      {doc.loadError && <ErrorAlert error={doc.loadError} />}
      {samples.isPending || !doc.loaded ? (
        <p className="muted" role="status">Loading the samples…</p>
      ) : list.length === 0 || endpoint === null ? (
        <FieldsEmptyState projectId={projectId} />
      ) : (
        <>
          <EndpointTabs samples={list} selected={endpoint} picks={picks} onSelect={select} />
          <EndpointFields key={endpoint} projectId={projectId} endpoint={endpoint} doc={doc.content} onEdit={doc.edit} />
        </>
      )}
    </section>
  );
}
