"use client";

import dynamic from "next/dynamic";

/** The diagram, fetched with React Flow and dagre only when it is shown. */
export const LazyBlueprintDiagram = dynamic(() => import("./BlueprintDiagram"), {
  ssr: false,
  loading: () => <p className="muted" role="status">Drawing the diagram…</p>,
});
