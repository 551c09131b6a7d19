"use client";

import type { ConnectionTestResult } from "@/lib/builder/contracts";
import { CheckLine } from "./CheckLine";
import styles from "./connect.module.css";

/** Each check of a test, in the order they ran. */
export function TestResults({ result, name }: { result: ConnectionTestResult; name: string }) {
  return (
    <ul className={styles.checks} aria-label={`${name} connection checks`}>
      {result.checks.map((check) => (
        <CheckLine key={check.id} check={check} />
      ))}
    </ul>
  );
}
