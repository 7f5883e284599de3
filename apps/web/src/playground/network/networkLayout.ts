/**
 * Where every node of the network diagram goes, as a pure function of the
 * available width and the layer sizes, so the same diagram fits a projector
 * and a 390-pixel phone. Column 0 holds every input feature (active or not),
 * then one column per hidden layer, then the output neurons.
 */

export interface NodePosition {
  /** 0 = features, 1…L = hidden layers, L+1 = outputs */
  column: number;
  row: number;
  /** top-left corner, in pixels */
  x: number;
  y: number;
}

export interface NetworkLayout {
  nodeSize: number;
  width: number;
  height: number;
  /** x of each column's nodes (left edge) */
  columnX: number[];
  /** nodes[column][row] */
  nodes: NodePosition[][];
}

export interface LayoutInput {
  width: number;
  /** rows per column: [features, ...hidden, outputs] */
  columnSizes: readonly number[];
  /** room on the left for the feature labels */
  labelWidth: number;
  /** room above the nodes for each layer's +/− buttons */
  headerHeight: number;
}

const MAX_NODE = 40;
const MIN_NODE = 22;

/** Lays the diagram out in `width` pixels (wider than needed: spread like the playground). */
export function layoutNetwork({ width, columnSizes, labelWidth, headerHeight }: LayoutInput): NetworkLayout {
  const columns = columnSizes.length;
  const usable = Math.max(0, width - labelWidth);
  // Each column needs a node plus room for the links: about 1.7 nodes wide.
  const nodeSize = Math.round(Math.max(MIN_NODE, Math.min(MAX_NODE, usable / (columns * 1.7))));
  const gap = Math.round(nodeSize * 0.35);
  // Too narrow even for the smallest nodes: keep a minimum step and let the panel scroll sideways.
  const span = Math.max(usable - nodeSize, (columns - 1) * nodeSize * 1.3);
  const columnX = columnSizes.map((_, c) => Math.round(labelWidth + (columns > 1 ? (span * c) / (columns - 1) : 0)));
  const nodes = columnSizes.map((rows, column) =>
    Array.from({ length: rows }, (_, row) => ({
      column,
      row,
      x: columnX[column]!,
      y: headerHeight + row * (nodeSize + gap),
    })),
  );
  const tallest = Math.max(0, ...columnSizes);
  const height = headerHeight + tallest * (nodeSize + gap);
  return { nodeSize, width: Math.max(width, columnX[columns - 1]! + nodeSize), height, columnX, nodes };
}

/** An SVG path from the right edge of one node to the left edge of the next, as a gentle S curve. */
export function linkPath(from: NodePosition, to: NodePosition, nodeSize: number): string {
  const x1 = from.x + nodeSize;
  const y1 = from.y + nodeSize / 2;
  const x2 = to.x;
  const y2 = to.y + nodeSize / 2;
  const mid = (x1 + x2) / 2;
  return `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
}

/** Link thickness from |weight|, as the playground: 1 px at 0 growing to 10 px at |w| ≥ 5. */
export function linkWidth(weight: number): number {
  const magnitude = Number.isFinite(weight) ? Math.min(5, Math.abs(weight)) : 5;
  return 1 + (magnitude / 5) * 9;
}
