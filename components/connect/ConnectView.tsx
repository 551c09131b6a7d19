"use client";

import { formErrorOf } from "./field-errors";
import { ApiErrorAlert } from "./ApiErrorAlert";
import { GraphPanel } from "./GraphPanel";
import { NextStep } from "./NextStep";
import { PortPanel } from "./PortPanel";
import { useConnections, useTestConnection } from "./useConnections";
import styles from "./connect.module.css";

/** Step 1: the project's Graph connection and Port connection, each testable, then on to Explore. */
export function ConnectView({ projectId }: { projectId: string }) {
  const connections = useConnections(projectId);
  const graphTest = useTestConnection(projectId, "graph");
  const portTest = useTestConnection(projectId, "port");

  if (connections.isPending) return <div className="panel muted">Loading the connections…</div>;
  if (connections.error) {
    return (
      <div className="panel">
        <ApiErrorAlert error={formErrorOf(connections.error, [])} />
        <button type="button" onClick={() => connections.refetch()}>Try again</button>
      </div>
    );
  }
  const { graph, port, demoAvailable } = connections.data;
  const bothWork = !!graphTest.data?.ok && !!portTest.data?.ok && !graphTest.isPending && !portTest.isPending;
  return (
    <div className={styles.page}>
      <p className={`muted ${styles.intro}`}>
        Connect a Microsoft Graph tenant to read from and a Port organisation to write to. Secrets are write-only: once saved they are
        never shown again.
      </p>
      <GraphPanel projectId={projectId} view={graph} demoAvailable={demoAvailable} test={graphTest} />
      <PortPanel projectId={projectId} view={port} demoAvailable={demoAvailable} test={portTest} />
      <NextStep projectId={projectId} bothSaved={!!graph && !!port} bothWork={bothWork} />
    </div>
  );
}
