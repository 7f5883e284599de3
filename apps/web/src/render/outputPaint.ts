/**
 * The network's output as a picture, one home for what its colours mean:
 * a softmax output as the winning class's colour, a sigmoid's 0…1 on the
 * diverging scale as −1…1, every other output on the diverging scale. The
 * playground's large output and the dashboard's mini heatmaps both paint here.
 */
import type { Network } from '@playroom/engine';
import { CLASS_COLORS } from './colorScale';
import { paintClassGrid, paintDivergingGrid, paintIntensityGrid, type GridView } from './gridImage';

export interface OutputPaintOptions {
  lut: Uint8ClampedArray;
  discretize: boolean;
  alpha: number;
  /** scratch views, reused between calls (no allocation per frame) */
  views: GridView[];
}

/** Paints output neuron `neuron` (of `network`, from `decisionGrids` at `gridSize`) into `out` at `outSize`. */
export function paintOutputNeuron(network: Network, grids: Float32Array, gridSize: number, neuron: number, out: Uint8ClampedArray, outSize: number, options: OutputPaintOptions): void {
  const last = network.layerSizes.length - 1;
  const view = (options.views[0] ??= { data: grids, offset: 0, size: gridSize });
  view.data = grids;
  view.size = gridSize;
  view.offset = (network.neuronOffsets[last]! + neuron) * gridSize * gridSize;
  const { lut, discretize, alpha } = options;
  if (network.outputLoss === 'softmax-xent') paintIntensityGrid(view, out, outSize, CLASS_COLORS[neuron % CLASS_COLORS.length]!, alpha);
  else if (network.outputLoss === 'sigmoid-xent') paintDivergingGrid(view, out, outSize, { lut, discretize, scale: 2, shift: -1, alpha });
  else paintDivergingGrid(view, out, outSize, { lut, discretize, alpha });
}

/** Paints the network's whole output: all classes of a softmax together, else its one output neuron. */
export function paintOutput(network: Network, grids: Float32Array, gridSize: number, out: Uint8ClampedArray, outSize: number, options: OutputPaintOptions): void {
  if (network.outputLoss !== 'softmax-xent') {
    paintOutputNeuron(network, grids, gridSize, 0, out, outSize, options);
    return;
  }
  const last = network.layerSizes.length - 1;
  const classes = network.outputCount;
  const views = options.views;
  views.length = Math.min(views.length, classes);
  for (let c = 0; c < classes; c++) {
    const view = (views[c] ??= { data: grids, offset: 0, size: gridSize });
    view.data = grids;
    view.size = gridSize;
    view.offset = (network.neuronOffsets[last]! + c) * gridSize * gridSize;
  }
  paintClassGrid(views, out, outSize, { discretize: options.discretize, probabilities: true, alpha: options.alpha });
}
