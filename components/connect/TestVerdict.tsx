"use client";

import type { ConnectionTestResult } from "@/lib/builder/contracts";
import styles from "./connect.module.css";

/** The outcome of a test in one sentence. */
export function TestVerdict({ result, name }: { result: ConnectionTestResult; name: string }) {
  const failed = result.checks.filter((c) => c.status === "failed").length;
  const text = result.ok
    ? `The ${name} connection works: all ${result.checks.length} checks passed.`
    : `The ${name} connection does not work yet: ${failed} of ${result.checks.length} checks failed.`;
  return (
    <span className={`${styles.verdict} ${result.ok ? styles.good : styles.bad}`} data-testid={`${result.target}-verdict`}>
      {text}
    </span>
  );
}
