"use client";

import type { ConnectionTestResult } from "@/lib/builder/contracts";
import { CheckLine } from "./CheckLine";
import styles from "./connect.module.css";

/** The verdict in one line, then each check. */
export function TestResults({ result, name }: { result: ConnectionTestResult; name: string }) {
  const failed = result.checks.filter((c) => c.status === "failed").length;
  const verdict = result.ok
    ? `The ${name} connection works: all ${result.checks.length} checks passed.`
    : `The ${name} connection does not work yet: ${failed} of ${result.checks.length} checks failed.`;
  return (
    <>
      <p className={`${styles.verdict} ${result.ok ? styles.good : styles.bad}`} data-testid={`${result.target}-verdict`}>{verdict}</p>
      <ul className={styles.checks} aria-label={`${name} connection checks`}>
        {result.checks.map((check) => (
          <CheckLine key={check.id} check={check} />
        ))}
      </ul>
    </>
  );
}
