import type { PlanExample } from "@/lib/sync/types";
import { ChangeList } from "./ChangeList";
import styles from "./sync.module.css";

/** A few entities of one kind of change, with what changes key by key. */
export function ExampleList({ label, examples }: { label: string; examples: readonly PlanExample[] }) {
  if (examples.length === 0) return null;
  return (
    <div>
      <span className="muted">{label}</span>
      <ul className={styles.examples}>
        {examples.map((e) => (
          <li key={e.identifier}>
            <code>{e.identifier}</code>
            {typeof e.title === "string" && e.title ? ` — ${e.title}` : ""}
            {e.changes ? <ChangeList changes={e.changes} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
