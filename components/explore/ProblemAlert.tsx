"use client";

import Link from "next/link";
import { needsConnection, type Problem } from "./problem";
import { shownText } from "./visible-text";

/** A failure as the person sees it: what happened, what to do, and Graph's request id to quote. */
export function ProblemAlert({ problem, projectId, testId }: { problem: Problem; projectId: string; testId?: string }) {
  return (
    <div className="alert error" role="alert" data-testid={testId}>
      {/* Graph's own message: as long and as odd as Graph (or what answers for it) makes it. */}
      <strong>{shownText(problem.message)}</strong>
      {problem.hint ? <span className="hint">{problem.hint}</span> : null}
      {problem.requestId ? (
        <span className="hint">
          Graph request id: <code>{problem.requestId}</code>
        </span>
      ) : null}
      {needsConnection(problem) ? (
        <span className="hint">
          <Link href={`/projects/${encodeURIComponent(projectId)}/connect`}>Open the Connect step</Link>
        </span>
      ) : null}
    </div>
  );
}
