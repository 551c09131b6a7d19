"use client";

import { formErrorOf } from "./field-errors";
import { ApiErrorAlert } from "./ApiErrorAlert";
import { TestResults } from "./TestResults";
import type { ConnectionTarget, useTestConnection } from "./useConnections";
import styles from "./connect.module.css";

/** "Test connection" for the saved connection, its progress, and the checks. */
export function TestSection({
  target, name, test, saved,
}: {
  target: ConnectionTarget;
  /** "Microsoft Graph", "Port". */
  name: string;
  test: ReturnType<typeof useTestConnection>;
  /** Whether a connection is saved (there is nothing to test before). */
  saved: boolean;
}) {
  return (
    <section className={styles.tests} aria-label={`Test the ${name} connection`}>
      <div className={styles.actions}>
        <button type="button" onClick={() => test.mutate()} disabled={!saved || test.isPending} data-testid={`${target}-test`}>
          Test connection
        </button>
        <span role="status" className="muted">
          {test.isPending ? (
            <>
              <span className={styles.spinner} aria-hidden /> Testing…
            </>
          ) : !saved ? (
            "Save a connection first, then test it."
          ) : !test.data && !test.error ? (
            "Gets a token and reads what the builder needs."
          ) : null}
        </span>
      </div>
      {test.error ? <ApiErrorAlert error={formErrorOf(test.error, [])} /> : null}
      {test.data && !test.isPending ? <TestResults result={test.data} name={name} /> : null}
    </section>
  );
}
