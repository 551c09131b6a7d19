"use client";

import { formErrorOf } from "./field-errors";
import { ApiErrorAlert } from "./ApiErrorAlert";
import { TestResults } from "./TestResults";
import { TestVerdict } from "./TestVerdict";
import type { ConnectionTarget, useTestConnection } from "./useConnections";
import styles from "./connect.module.css";

/** "Test connection" for the saved connection, its progress and verdict (announced), and the checks. */
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
  const result = test.isPending ? undefined : test.data;
  return (
    <section className={styles.tests} aria-label={`Test the ${name} connection`}>
      <div className={styles.actions}>
        <button type="button" onClick={() => test.mutate()} disabled={!saved || test.isPending} data-testid={`${target}-test`}>
          Test connection
        </button>
        {/* One live region that stays in the page, so screen readers hear "Testing…" and then the verdict. */}
        <span role="status" className="muted">
          {test.isPending ? (
            <>
              <span className={styles.spinner} aria-hidden /> Testing…
            </>
          ) : result ? (
            <TestVerdict result={result} name={name} />
          ) : !saved ? (
            "Save a connection first, then test it."
          ) : test.error ? null : (
            "Gets a token and reads what the builder needs."
          )}
        </span>
      </div>
      {test.error && !test.isPending ? <ApiErrorAlert error={formErrorOf(test.error, [])} /> : null}
      {result ? <TestResults result={result} name={name} /> : null}
    </section>
  );
}
