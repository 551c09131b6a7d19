"use client";

import type { GraphConnectionView } from "@/lib/builder/contracts";
import { CLOUDS } from "@/lib/graph/clouds";
import type { DemoClient } from "./drafts";
import { DEMO_CLIENT_LABEL, GRAPH_MODE_LABEL, savedAt } from "./labels";
import { TokenExpiry } from "./TokenExpiry";
import styles from "./connect.module.css";

/** The saved Graph connection, as the API shows it: secrets only as "set" / "not set". */
export function GraphCurrent({ view }: { view: GraphConnectionView | null }) {
  if (!view) {
    return <p className={`${styles.current} muted`} data-testid="graph-current">Not connected yet.</p>;
  }
  return (
    <div className={styles.current} data-testid="graph-current">
      <dl>
        <dt>Connected to</dt>
        <dd>{GRAPH_MODE_LABEL[view.mode]}</dd>
        {view.mode === "demo" ? (
          <>
            <dt>Demo app</dt>
            <dd>{DEMO_CLIENT_LABEL[(view.clientId ?? "demo-client") as DemoClient] ?? view.clientId}</dd>
          </>
        ) : (
          <>
            <dt>Cloud</dt>
            <dd>{CLOUDS[view.cloud].label}</dd>
          </>
        )}
        {view.mode === "client_credentials" && (
          <>
            <dt>Tenant</dt>
            <dd><code>{view.tenantId}</code></dd>
            <dt>Client ID</dt>
            <dd><code>{view.clientId}</code></dd>
            <dt>Client secret</dt>
            <dd data-testid="graph-secret-state">{view.clientSecret}</dd>
          </>
        )}
        {view.mode === "token" && (
          <>
            <dt>Token</dt>
            <dd data-testid="graph-secret-state">{view.token}</dd>
            <dt>Expiry</dt>
            <dd><TokenExpiry expiresAt={view.tokenExpiresAt} /></dd>
          </>
        )}
        <dt>Saved</dt>
        <dd>{savedAt(view.updatedAt)}</dd>
      </dl>
    </div>
  );
}
