"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import styles from "./blueprints.module.css";
import type { DiagramNode } from "./diagram-layout";

export type BlueprintFlowNode = Node<DiagramNode & Record<string, unknown>, "blueprint">;

/** A blueprint's box in the diagram: title, identifier, property count. */
export function BlueprintNode({ data }: NodeProps<BlueprintFlowNode>) {
  return (
    <div className={`${styles.node} ${data.outside ? styles.outside : ""}`} data-testid="diagram-node" data-identifier={data.id}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className={styles.nodeTitle}>{data.outside ? data.id : data.title}</span>
      <span className={styles.nodeMeta}>{data.outside ? "not among this project's" : data.id}</span>
      <span className={styles.nodeMeta}>{data.outside ? "blueprints" : `${data.propertyCount} ${data.propertyCount === 1 ? "property" : "properties"}`}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
