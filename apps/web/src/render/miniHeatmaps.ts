/**
 * The dashboard's mini output heatmaps: each card's fork preview (SUM-2)
 * drawn as its decision boundary on a 24×24 canvas, with the engine's
 * `decisionGrids` and the playground's output colours. A card asks for a
 * redraw only when its preview changes; the pending ones are drawn in
 * animation frames, a few milliseconds' worth per frame, so a batch of
 * eighty previews never makes one long frame. One network per shape and one
 * grid buffer serve every card: a drawing allocates nothing.
 */
import { decisionGrids, Network, type NetworkShape } from '@playroom/engine';
import type { ForkPreview } from '@playroom/protocol';
import { buildDivergingLut } from './colorScale';
import type { GridView } from './gridImage';
import { paintOutput } from './outputPaint';
import { PixelSurface } from './pixelSurface';

export const MINI_HEATMAP_SIZE = 24;
/** drawing time per animation frame, at most (one card is drawn in any case) */
const FRAME_BUDGET_MS = 4;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function shapeKey(shape: NetworkShape): string {
  return `${shape.outputLoss}|${shape.layerSizes.join(',')}|${shape.hiddenActivations.join(',')}`;
}

export class MiniHeatmaps {
  private readonly pending = new Map<HTMLCanvasElement, ForkPreview>();
  private readonly surfaces = new WeakMap<HTMLCanvasElement, PixelSurface>();
  private readonly networks = new Map<string, Network>();
  private grids = new Float32Array(0);
  private readonly lut = buildDivergingLut();
  private readonly views: GridView[] = [];
  private frame: number | null = null;
  /** cards drawn so far (the benchmark and tests read it) */
  drawn = 0;

  /** Draws `preview` on `canvas` soon (a newer request for the same canvas replaces an older one). */
  request(canvas: HTMLCanvasElement, preview: ForkPreview): void {
    this.pending.set(canvas, preview);
    this.schedule();
  }

  /** The canvas is gone (its card unmounted). */
  forget(canvas: HTMLCanvasElement): void {
    this.pending.delete(canvas);
  }

  /** Draws one preview now. */
  draw(canvas: HTMLCanvasElement, preview: ForkPreview): void {
    let surface = this.surfaces.get(canvas);
    if (!surface) this.surfaces.set(canvas, (surface = new PixelSurface(canvas, MINI_HEATMAP_SIZE)));
    const pixels = surface.pixels;
    if (!pixels || preview.features.length !== preview.shape.layerSizes[0]) return;
    const network = this.networkFor(preview.shape);
    if (network.params.length !== preview.params.length) return;
    network.params.set(preview.params);
    const length = network.outputs.length * MINI_HEATMAP_SIZE * MINI_HEATMAP_SIZE;
    if (this.grids.length < length) this.grids = new Float32Array(length);
    decisionGrids(network, preview.features, { size: MINI_HEATMAP_SIZE }, this.grids);
    paintOutput(network, this.grids, MINI_HEATMAP_SIZE, pixels, MINI_HEATMAP_SIZE, { lut: this.lut, discretize: false, alpha: 255, views: this.views });
    surface.commit();
    this.drawn++;
  }

  /** Draws pending previews until the frame's budget is spent. */
  flush(budgetMs = FRAME_BUDGET_MS): void {
    const start = now();
    for (const [canvas, preview] of this.pending) {
      this.pending.delete(canvas);
      this.draw(canvas, preview);
      if (now() - start >= budgetMs) break;
    }
    if (this.pending.size > 0) this.schedule();
  }

  private networkFor(shape: NetworkShape): Network {
    const key = shapeKey(shape);
    let network = this.networks.get(key);
    if (!network) {
      if (this.networks.size > 32) this.networks.clear();
      this.networks.set(key, (network = new Network(shape)));
    }
    return network;
  }

  private schedule(): void {
    if (this.frame !== null) return;
    const run = () => {
      this.frame = null;
      this.flush();
    };
    this.frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : (setTimeout(run, 16) as unknown as number);
  }
}

/** The page's one queue of mini heatmaps. */
export const miniHeatmaps = new MiniHeatmaps();
