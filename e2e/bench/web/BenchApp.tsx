import { useEffect, useState } from 'react';
import { createTrainer, featurize, Network, networkShape, type TrainerConfig } from '@playroom/engine';
import { Playground } from '../../../apps/web/src/playground/Playground';
import { LocalSession } from '../../../apps/web/src/playground/local/localSession';
import type { PlaygroundActions, PlaygroundModel } from '../../../apps/web/src/playground/model';
import { HeatmapRenderer, OUTPUT_GRID_SIZE } from '../../../apps/web/src/render/heatmapRenderer';
import { LARGEST } from './presets';

export interface BenchSample {
  /** setSource → grids computed → every canvas drawn and read back (forces the raster) */
  workMs: number;
  computeMs: number;
  drawMs: number;
}

export interface BenchResult {
  network: string;
  canvases: number;
  work: BenchSample[];
  /** new model given to React → the renderer's next frame drawn (includes waiting for the frame) */
  frameMs: number[];
  /** the same grids by 10,000 Network.forward calls (the naive way), compute only */
  forwardMs: number[];
}

declare global {
  interface Window {
    playroomBench?: { run(iterations: number): Promise<BenchResult> };
  }
}

const noop = (): void => {};
const actions: PlaygroundActions = {
  setConfig: noop,
  play: noop,
  pause: noop,
  step: noop,
  reset: noop,
  regenerateData: noop,
  setWeight: noop,
  setBias: noop,
  setSpeed: noop,
  loadPreset: noop,
};

/** Parameter vectors of a real training run, one per epoch, so every swap is a new array with new values. */
function trainingRun(config: TrainerConfig, count: number): Float64Array[] {
  const trainer = createTrainer(config);
  const out: Float64Array[] = [];
  for (let i = 0; i < count; i++) {
    trainer.trainEpoch();
    out.push(Float64Array.from(trainer.network.params));
  }
  return out;
}

/** The practice-mode model of a new network: the same producer the app uses. */
function initialModel(config: TrainerConfig): PlaygroundModel {
  return new LocalSession(config).model;
}

/** Reads one pixel of every canvas, which makes the browser finish drawing them. */
function readBack(canvases: HTMLCanvasElement[]): number {
  let sum = 0;
  for (const canvas of canvases) sum += canvas.getContext('2d')!.getImageData(0, 0, 1, 1).data[0]!;
  return sum;
}

/** Every neuron's grid the naive way: one forward pass per grid point. */
function forwardGrids(config: TrainerConfig, params: Float64Array, out: Float32Array): void {
  const net = new Network(networkShape(config, 1));
  net.params.set(params);
  const size = OUTPUT_GRID_SIZE;
  const input = new Float64Array(config.features.length);
  const neurons = net.outputs.length;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      featurize(config.features, -6 + (12 * col) / (size - 1), 6 - (12 * row) / (size - 1), input);
      net.forward(input);
      const p = row * size + col;
      for (let n = 0; n < neurons; n++) out[n * size * size + p] = net.outputs[n]!;
    }
  }
}

/** The largest network in the real playground view, with a hook the benchmark script drives. */
export function BenchApp() {
  const [renderer] = useState(() => new HeatmapRenderer());
  const [model, setModel] = useState(() => initialModel(LARGEST));

  useEffect(() => {
    window.playroomBench = {
      async run(iterations) {
        const runs = trainingRun(LARGEST, 2 * iterations);
        const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.pg-neuron canvas, .pg-heatmap-canvas')];
        const work: BenchSample[] = [];
        for (let i = 0; i < iterations; i++) {
          renderer.setSource(LARGEST, runs[i]!);
          const t0 = performance.now();
          const timing = renderer.render();
          readBack(canvases);
          work.push({ workMs: performance.now() - t0, computeMs: timing.computeMs, drawMs: timing.drawMs });
        }
        const frameMs: number[] = [];
        for (let i = iterations; i < 2 * iterations; i++) {
          const drawn = new Promise<void>((resolve) => {
            const stop = renderer.onRendered(() => {
              stop();
              resolve();
            });
          });
          const t0 = performance.now();
          setModel((m) => ({ ...m, params: runs[i]!, epoch: i }));
          await drawn;
          readBack(canvases);
          frameMs.push(performance.now() - t0);
        }
        const grid = new Float32Array(canvases.length * 2 * OUTPUT_GRID_SIZE * OUTPUT_GRID_SIZE);
        const forwardMs: number[] = [];
        for (let i = 0; i < Math.min(iterations, 30); i++) {
          const t0 = performance.now();
          forwardGrids(LARGEST, runs[i]!, grid);
          forwardMs.push(performance.now() - t0);
        }
        return { network: `${LARGEST.features.length}→${LARGEST.hiddenLayers.join('×')}→1`, canvases: canvases.length, work, frameMs, forwardMs };
      },
    };
  }, [renderer]);

  return <Playground model={model} actions={actions} renderer={renderer} />;
}
