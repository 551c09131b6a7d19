"use client";

import type { BlueprintProblem } from "@/lib/schema";
import { problemText } from "./blueprint-entries";
import styles from "./blueprints.module.css";

/** The problems of the text in the editor; choosing one puts the cursor there. */
export function ProblemList({ problems, onGo }: { problems: BlueprintProblem[]; onGo: (problem: BlueprintProblem) => void }) {
  if (problems.length === 0) {
    return (
      <p className={styles.valid} data-testid="blueprint-valid">
        ✓ A valid Port blueprint.
      </p>
    );
  }
  return (
    <ul className={styles.problems} aria-label="Problems" data-testid="blueprint-problems">
      {problems.map((p, i) => (
        <li key={`${i}-${p.line}-${p.column}`}>
          <button type="button" className={styles[p.severity]} onClick={() => onGo(p)}>
            {p.severity === "error" ? "✕ " : "⚠ "}
            {problemText(p)}
          </button>
        </li>
      ))}
    </ul>
  );
}
