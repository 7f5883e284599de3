/**
 * Computes every neuron's heatmap from the network parameters and paints them
 * onto their canvases, at most once per animation frame and only when the
 * parameters (by identity), the config or what is shown changed. One
 * `decisionGrids` call at 100×100 gives the large output and, sampled every
 * 4th point, each neuron's 25×25 thumbnail; the grid buffer, the network and
 * every ImageData are reused, so a frame allocates nothing.
 */
import { decisionGrids, Network, networkShape, parameterCount, type NetworkShape, type TrainerConfig } from '@playroom/engine';
import { buildDivergingLut } from './colorScale';
import { featureGrid } from './featureGrids';
import { paintDivergingGrid, type GridView } from './gridImage';
import { paintOutput, paintOutputNeuron } from './outputPaint';
import { PixelSurface } from './pixelSurface';

export const OUTPUT_GRID_SIZE = 100;
export const THUMBNAIL_SIZE = 25;
/**
 * The opacity of the large output's background (TensorFlow Playground's 160
 * of 255): over the white frame it shows lighter than the full class colours
 * the data points are drawn in, so a point keeps its colour on its own
 * class's region. The neuron thumbnails carry no points and stay opaque.
 */
export const OUTPUT_BACKGROUND_ALPHA = 160;

/** A neuron: layer 0 = input features, then hidden layers, the last layer = outputs. */
export interface NeuronRef {
  layer: number;
  neuron: number;
}

export interface RenderTiming {
  /** whether the grids were recomputed (false when only the drawing changed) */
  computed: boolean;
  /** decisionGrids time (0 when not recomputed) */
  computeMs: number;
  drawMs: number;
}

type Params = Float32Array | Float64Array;

/** The network shape a parameter vector fits; the class count of a softmax output is read from its length. */
export function shapeForParams(config: TrainerConfig, paramCount: number): NetworkShape | null {
  const base = networkShape(config, 1);
  const sizes = base.layerSizes;
  // the parameters up to the last hidden layer do not depend on the class count
  const hidden = parameterCount(sizes.slice(0, -1));
  const fanIn = sizes[sizes.length - 2]! + 1;
  const outputs = (paramCount - hidden) / fanIn;
  if (!Number.isInteger(outputs) || outputs < 1) return null;
  if (config.outputLoss !== 'softmax-xent' && outputs !== 1) return null;
  return outputs === 1 ? base : networkShape(config, outputs);
}

function sameShape(a: NetworkShape, b: NetworkShape): boolean {
  return (
    a.outputLoss === b.outputLoss &&
    a.layerSizes.length === b.layerSizes.length &&
    a.layerSizes.every((size, i) => size === b.layerSizes[i]) &&
    a.hiddenActivations.every((id, i) => id === b.hiddenActivations[i])
  );
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class HeatmapRenderer {
  private network: Network | null = null;
  private grids = new Float32Array(0);
  private gridsReady = false;
  private config: TrainerConfig | null = null;
  private params: Params | null = null;
  private needsCompute = false;
  private needsDraw = false;
  private discretize = false;
  private focus: NeuronRef | null = null;
  private readonly lut = buildDivergingLut();
  private readonly thumbnails = new Map<number, { ref: NeuronRef; surface: PixelSurface }>();
  private output: PixelSurface | null = null;
  private peek: { ref: NeuronRef; surface: PixelSurface } | null = null;
  private frame: { cancel(): void } | null = null;
  private readonly listeners = new Set<(timing: RenderTiming) => void>();
  private readonly view: GridView = { data: this.grids, offset: 0, size: OUTPUT_GRID_SIZE };
  private readonly classViews: GridView[] = [];
  /** the config and parameter count the current network was shaped for (a new shape only when they change) */
  private shapeConfig: TrainerConfig | null = null;
  private shapeParamCount = -1;

  /** New parameters or config: recompute on the next frame (same objects: nothing to do). */
  setSource(config: TrainerConfig, params: Params): void {
    if (config === this.config && params === this.params) return;
    this.config = config;
    this.params = params;
    this.needsCompute = true;
    this.schedule();
  }

  /** Snap the output to two colours (the playground's "discretize output"). */
  setDiscretize(discretize: boolean): void {
    if (discretize === this.discretize) return;
    this.discretize = discretize;
    this.needsDraw = true;
    this.schedule();
  }

  /** Show one neuron large in the output instead of the network's output; null to go back. */
  setFocus(focus: NeuronRef | null): void {
    if (focus?.layer === this.focus?.layer && focus?.neuron === this.focus?.neuron) return;
    this.focus = focus;
    this.needsDraw = true;
    this.schedule();
  }

  /** Registers (or, with null, forgets) the thumbnail canvas of a hidden or output neuron. */
  attachThumbnail(ref: NeuronRef, canvas: HTMLCanvasElement | null): void {
    const key = ref.layer * 64 + ref.neuron;
    if (canvas === null) {
      this.thumbnails.delete(key);
      return;
    }
    this.thumbnails.set(key, { ref, surface: new PixelSurface(canvas, THUMBNAIL_SIZE) });
    this.needsDraw = true;
    this.schedule();
  }

  /** Registers (or forgets) the large output canvas. */
  attachOutput(canvas: HTMLCanvasElement | null): void {
    this.output = canvas ? new PixelSurface(canvas, OUTPUT_GRID_SIZE) : null;
    if (canvas) {
      this.needsDraw = true;
      this.schedule();
    }
  }

  /** Registers (or, with null, forgets) a large canvas of one neuron: the enlarged view of a tapped neuron on a phone. */
  attachPeek(ref: NeuronRef, canvas: HTMLCanvasElement | null): void {
    this.peek = canvas ? { ref, surface: new PixelSurface(canvas, OUTPUT_GRID_SIZE) } : null;
    if (canvas) {
      this.needsDraw = true;
      this.schedule();
    }
  }

  /** Called after every frame that drew something (the web benchmark listens here). */
  onRendered(listener: (timing: RenderTiming) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Does the pending work now instead of on the next frame; returns how long each part took. */
  render(): RenderTiming {
    this.frame?.cancel();
    this.frame = null;
    const computed = this.needsCompute;
    const t0 = now();
    if (computed) this.compute();
    const t1 = now();
    this.draw();
    const timing = { computed, computeMs: computed ? t1 - t0 : 0, drawMs: now() - t1 };
    this.needsCompute = false;
    this.needsDraw = false;
    for (const listener of this.listeners) listener(timing);
    return timing;
  }

  /**
   * Cancels the scheduled frame, if any. The renderer stays usable: React's
   * StrictMode unmounts and remounts effects, and the next change schedules again.
   */
  dispose(): void {
    this.frame?.cancel();
    this.frame = null;
  }

  private schedule(): void {
    if (this.frame) return;
    if (typeof requestAnimationFrame === 'function') {
      const id = requestAnimationFrame(() => {
        this.frame = null;
        this.render();
      });
      this.frame = { cancel: () => cancelAnimationFrame(id) };
    } else {
      const id = setTimeout(() => {
        this.frame = null;
        this.render();
      }, 16);
      this.frame = { cancel: () => clearTimeout(id) };
    }
  }

  private compute(): void {
    const { config, params } = this;
    if (!config || !params) return;
    // Between a shape change and the first snapshot of the new network the
    // parameters do not fit the config: keep showing the last picture.
    if (config !== this.shapeConfig || params.length !== this.shapeParamCount) {
      const shape = shapeForParams(config, params.length);
      if (!shape) return;
      if (!this.network || !sameShape(this.network, shape)) this.network = new Network(shape);
      this.shapeConfig = config;
      this.shapeParamCount = params.length;
    }
    if (!this.network) return;
    this.network.params.set(params);
    const neurons = this.network.outputs.length;
    const length = neurons * OUTPUT_GRID_SIZE * OUTPUT_GRID_SIZE;
    if (this.grids.length < length) {
      this.grids = new Float32Array(length);
      this.view.data = this.grids;
    }
    decisionGrids(this.network, config.features, { size: OUTPUT_GRID_SIZE }, this.grids);
    this.gridsReady = true;
  }

  private draw(): void {
    const network = this.network;
    if (!network || !this.gridsReady || !this.config) return;
    for (const { ref, surface } of this.thumbnails.values()) {
      const pixels = surface.pixels;
      if (!pixels || !this.locate(ref)) continue;
      this.paintNeuron(ref, pixels, THUMBNAIL_SIZE, false, 255);
      surface.commit();
    }
    const peek = this.peek;
    const peekPixels = peek?.surface.pixels;
    if (peek && peekPixels && this.locate(peek.ref)) {
      this.paintNeuron(peek.ref, peekPixels, OUTPUT_GRID_SIZE, false, 255);
      peek.surface.commit();
    }
    const output = this.output;
    const pixels = output?.pixels;
    if (!output || !pixels) return;
    const last = network.layerSizes.length - 1;
    if (this.focus && this.focus.layer === 0) {
      const feature = this.config.features[this.focus.neuron];
      if (feature) paintDivergingGrid(featureGrid(feature, OUTPUT_GRID_SIZE), pixels, OUTPUT_GRID_SIZE, { lut: this.lut, alpha: OUTPUT_BACKGROUND_ALPHA });
    } else if (this.focus && this.locate(this.focus)) {
      this.paintNeuron(this.focus, pixels, OUTPUT_GRID_SIZE, this.discretize && this.focus.layer === last, OUTPUT_BACKGROUND_ALPHA);
    } else {
      paintOutput(network, this.grids, OUTPUT_GRID_SIZE, pixels, OUTPUT_GRID_SIZE, { lut: this.lut, discretize: this.discretize, alpha: OUTPUT_BACKGROUND_ALPHA, views: this.classViews });
    }
    output.commit();
  }

  /** Whether the current network has this neuron (stale canvases may outlive a shape change by a frame). */
  private locate(ref: NeuronRef): boolean {
    const size = this.network?.layerSizes[ref.layer];
    return ref.layer >= 1 && size !== undefined && ref.neuron < size;
  }

  private offsetOf(ref: NeuronRef): number {
    return (this.network!.neuronOffsets[ref.layer]! + ref.neuron) * OUTPUT_GRID_SIZE * OUTPUT_GRID_SIZE;
  }

  private paintNeuron(ref: NeuronRef, pixels: Uint8ClampedArray, outSize: number, discretize: boolean, alpha: number): void {
    const network = this.network!;
    const view = this.view;
    view.offset = this.offsetOf(ref);
    if (ref.layer === network.layerSizes.length - 1) {
      paintOutputNeuron(network, this.grids, OUTPUT_GRID_SIZE, ref.neuron, pixels, outSize, { lut: this.lut, discretize, alpha, views: this.classViews });
    } else {
      paintDivergingGrid(view, pixels, outSize, { lut: this.lut, discretize, alpha });
    }
  }
}
