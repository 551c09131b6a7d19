/**
 * The blueprint diagram's geometry: one box per blueprint (title, identifier, property
 * count), one arrow per relation labelled with its name, laid out left to right by dagre
 * so relations point from sources to their targets. A target outside the project's
 * blueprints gets a dashed box of its own, so the arrow still says where it goes.
 */
import { Graph, layout } from "@dagrejs/dagre";
import type { Blueprint } from "@/lib/port/schemas";

export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 76;

export interface DiagramNode {
  id: string;
  title: string;
  propertyCount: number;
  /** A relation target that is not among the project's blueprints. */
  outside: boolean;
  /** Top-left corner. */
  x: number;
  y: number;
}

export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  label: string;
}

export type DiagramBlueprint = Pick<Blueprint, "identifier" | "title" | "relations"> & { schema: { properties: Record<string, unknown> } };

export function layoutDiagram(blueprints: readonly DiagramBlueprint[]): { nodes: DiagramNode[]; edges: DiagramEdge[] } {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: "LR", nodesep: 28, ranksep: 90, edgesep: 16, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));

  const nodes = new Map<string, Omit<DiagramNode, "x" | "y">>();
  for (const b of blueprints) nodes.set(b.identifier, { id: b.identifier, title: b.title, propertyCount: Object.keys(b.schema.properties).length, outside: false });
  const edges: DiagramEdge[] = [];
  for (const b of blueprints) {
    for (const [name, relation] of Object.entries(b.relations)) {
      if (!nodes.has(relation.target)) nodes.set(relation.target, { id: relation.target, title: relation.target, propertyCount: 0, outside: true });
      edges.push({ id: `${b.identifier}.${name}`, source: b.identifier, target: relation.target, label: relation.many ? `${name} (many)` : name });
    }
  }
  for (const node of nodes.values()) graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of edges) graph.setEdge(e.source, e.target, { label: e.label, width: e.label.length * 7, height: 14 }, e.id);
  layout(graph);

  return {
    nodes: [...nodes.values()].map((n) => {
      const placed = graph.node(n.id);
      return { ...n, x: Math.round(placed.x - NODE_WIDTH / 2), y: Math.round(placed.y - NODE_HEIGHT / 2) };
    }),
    edges,
  };
}
