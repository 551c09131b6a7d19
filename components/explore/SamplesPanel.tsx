"use client";

/** The project's samples (what the Fields and Mapping steps work on), with their actions. */
import { useId, useState } from "react";
import type { SampleSummary } from "@/lib/builder/contracts";
import { ConfirmDialog } from "./ConfirmDialog";
import { plural } from "./format";
import { problemOf } from "./problem";
import { ProblemAlert } from "./ProblemAlert";
import { SampleItem } from "./SampleItem";
import { useDeleteSample, useSamples } from "./useSamples";
import styles from "./explore.module.css";

export function SamplesPanel({
  projectId,
  busy,
  onOpen,
  onRefresh,
  onDeleted,
}: {
  projectId: string;
  busy: boolean;
  onOpen: (sample: SampleSummary) => void;
  onRefresh: (sample: SampleSummary) => void;
  onDeleted: (endpoint: string) => void;
}) {
  const headingId = useId();
  const samples = useSamples(projectId);
  const remove = useDeleteSample(projectId);
  const [deleting, setDeleting] = useState<SampleSummary | null>(null);
  const list = samples.data ?? [];
  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.endpoint, { onSuccess: (_, endpoint) => onDeleted(endpoint) });
    setDeleting(null);
  };
  return (
    <section className="panel" aria-labelledby={headingId} data-testid="samples-panel">
      <div className={styles.panelTitle}>
        <h2 id={headingId}>Samples</h2>
        <span className="spacer" />
        {samples.isFetching ? <span className="muted" role="status">Updating…</span> : null}
        <button type="button" className="link" onClick={() => void samples.refetch()} disabled={samples.isFetching}>
          Reload
        </button>
      </div>
      <p className={`muted ${styles.intro}`}>Each answer is kept per endpoint: the Fields and Mapping steps work on these samples.</p>
      {samples.error ? <ProblemAlert problem={problemOf(samples.error)} projectId={projectId} /> : null}
      {remove.error ? <ProblemAlert problem={problemOf(remove.error)} projectId={projectId} /> : null}
      {samples.isSuccess && list.length === 0 ? <p className="muted">No sample yet: send a request.</p> : null}
      {list.length > 0 ? (
        <ul className={styles.sampleList} aria-label={plural(list.length, "sample")}>
          {list.map((s) => (
            <SampleItem
              key={s.id}
              sample={s}
              busy={busy || (remove.isPending && remove.variables === s.endpoint)}
              onOpen={() => onOpen(s)}
              onRefresh={() => onRefresh(s)}
              onDelete={() => setDeleting(s)}
            />
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this sample?"
        confirmLabel="Delete sample"
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        <p style={{ margin: 0 }}>
          The {deleting ? plural(deleting.itemCount, "item") : ""} kept for <code>{deleting?.endpoint}</code> will be gone; the Fields and Mapping steps will no
          longer see them. Send the request again to take a new sample.
        </p>
      </ConfirmDialog>
    </section>
  );
}
