import Link from "next/link";
import type { SyncProblem } from "@/lib/builder/sync-contracts";
import styles from "./sync.module.css";

const STEP_NAMES: Record<string, string> = { connect: "Connect", explore: "Explore", fields: "Fields", blueprints: "Blueprints", mapping: "Mapping", export: "Export" };

/** What stops a sync, each with a link to the step that fixes it. */
export function SyncProblems({ projectId, problems }: { projectId: string; problems: readonly SyncProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="alert error" role="alert" data-testid="sync-problems">
      <strong>The project cannot sync yet:</strong>
      <ul className={styles.problems}>
        {problems.map((p) => (
          <li key={`${p.code}-${p.message}`} data-code={p.code}>
            {p.message} <span className="hint">{p.hint}</span>{" "}
            <Link href={`/projects/${encodeURIComponent(projectId)}/${p.step}`}>Open the {STEP_NAMES[p.step] ?? p.step} step</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
