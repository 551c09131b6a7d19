import Link from "next/link";
import { ApiError } from "../api";

/** Why "Create in Port" failed: the message, the hint, and the way to Connect when Port is not connected. */
export function PushError({ error, projectId }: { error: Error; projectId: string }) {
  const api = error instanceof ApiError ? error : null;
  return (
    <div className="alert error" role="alert" data-testid="push-error">
      {error.message}
      {api?.hint ? <span className="hint">{api.hint}</span> : null}
      {api?.code === "port_not_connected" && (
        <span className="hint">
          <Link href={`/projects/${encodeURIComponent(projectId)}/connect`}>Connect Port →</Link>
        </span>
      )}
    </div>
  );
}
