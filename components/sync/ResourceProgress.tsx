import { etaSeconds, resourceFraction, type LiveResource } from "./live-run";
import { count, eta } from "./format";
import styles from "./sync.module.css";

/** One resource's bar and figures: pages, items, written, unchanged, failed, deleted, time left. */
export function ResourceProgress({ resource, now, dryRun }: { resource: LiveResource; now: number; dryRun: boolean }) {
  const c = resource.counters;
  const fraction = resourceFraction(resource);
  const written = c.created + c.updated;
  const left = eta(etaSeconds(resource, now));
  const label = `${c.kind}: ${fraction === null ? "in progress" : `${Math.floor(fraction * 100)}%`}`;
  return (
    <div className={styles.resource} data-testid="resource-progress" data-kind={c.kind} data-state={c.state} data-items={c.items}>
      <div className={styles.resourceHead}>
        <span className={styles.kind}>{c.kind}</span>
        <span className="muted">{c.state === "done" ? "done" : c.state}</span>
        <span className="spacer" />
        <span className={styles.figures}>{left}</span>
      </div>
      {/* Without a known total the bar is indeterminate (no value): it says the work moves. */}
      {fraction === null ? <progress aria-label={label} /> : <progress aria-label={label} max={1} value={fraction} />}
      <span className={styles.figures} data-testid="resource-figures">
        {count(c.pages)} page{c.pages === 1 ? "" : "s"} · {count(c.items)}
        {resource.expected ? ` of ${count(resource.expected)}` : ""} items · {dryRun ? "to write" : "written"} {count(written)} · unchanged {count(c.unchanged)} · failed{" "}
        {count(c.failed)} · {dryRun ? "dropped" : "deleted"} {count(dryRun ? c.dropped : c.deleted)}
      </span>
    </div>
  );
}
