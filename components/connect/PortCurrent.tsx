"use client";

import type { PortConnectionView } from "@/lib/builder/contracts";
import { PORT_MODE_LABEL, PORT_REGION_LABEL, savedAt } from "./labels";
import styles from "./connect.module.css";

/** The saved Port connection: the secret only as "set" / "not set". */
export function PortCurrent({ view }: { view: PortConnectionView | null }) {
  if (!view) {
    return <p className={`${styles.current} muted`} data-testid="port-current">Not connected yet.</p>;
  }
  return (
    <div className={styles.current} data-testid="port-current">
      <dl>
        <dt>Connected to</dt>
        <dd>{PORT_MODE_LABEL[view.mode]}</dd>
        {view.mode === "credentials" && (
          <>
            <dt>Region</dt>
            <dd>{PORT_REGION_LABEL[view.region]}</dd>
            <dt>Client ID</dt>
            <dd><code>{view.clientId}</code></dd>
            <dt>Client secret</dt>
            <dd data-testid="port-secret-state">{view.clientSecret}</dd>
          </>
        )}
        <dt>Saved</dt>
        <dd>{savedAt(view.updatedAt)}</dd>
      </dl>
    </div>
  );
}
