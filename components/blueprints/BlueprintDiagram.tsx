"use client";

/**
 * The blueprints and their relations as a diagram (React Flow, laid out by dagre).
 * Loaded lazily (LazyBlueprintDiagram): React Flow is not part of the page's first load.
 */
import { Background, Controls, MarkerType, ReactFlow, type Edge } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import styles from "./blueprints.module.css";
import { BlueprintNode, type BlueprintFlowNode } from "./BlueprintNode";
import { layoutDiagram, type DiagramBlueprint } from "./diagram-layout";

const NODE_TYPES = { blueprint: BlueprintNode };

export default function BlueprintDiagram({ blueprints }: { blueprints: DiagramBlueprint[] }) {
  const { nodes, edges } = useMemo(() => {
    const layout = layoutDiagram(blueprints);
    const nodes: BlueprintFlowNode[] = layout.nodes.map((n) => ({ id: n.id, type: "blueprint", position: { x: n.x, y: n.y }, data: { ...n }, draggable: false }));
    const edges: Edge[] = layout.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: e.label,
      type: "smoothstep",
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
      labelBgPadding: [4, 2],
      labelBgBorderRadius: 4,
    }));
    return { nodes, edges };
  }, [blueprints]);

  return (
    <div className={styles.diagram} data-testid="blueprint-diagram" role="img" aria-label={`Diagram of ${nodes.length} ${nodes.length === 1 ? "blueprint" : "blueprints"} and ${edges.length} ${edges.length === 1 ? "relation" : "relations"}`}>
      <ReactFlow
        // A new set of blueprints is fitted into view afresh.
        key={nodes.map((n) => n.id).join("\n")}
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        fitView
        fitViewOptions={{ padding: 0.12, maxZoom: 1 }} nodesConnectable={false} elementsSelectable={false} minZoom={0.2}>
        <Background gap={16} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
