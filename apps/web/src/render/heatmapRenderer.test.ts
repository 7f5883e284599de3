import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, Network, networkShape, type TrainerConfig } from '@playroom/engine';
import { CLASS_COLORS, NEGATIVE_COLOR, POSITIVE_COLOR } from './colorScale';
import { HeatmapRenderer, OUTPUT_BACKGROUND_ALPHA, OUTPUT_GRID_SIZE, shapeForParams, THUMBNAIL_SIZE } from './heatmapRenderer';

/** A stand-in for a browser canvas: jsdom has no 2D context, and we only need putImageData's bytes. */
function fakeCanvas() {
  const drawn: Uint8ClampedArray[] = [];
  const context = {
    createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4), width: w, height: h }),
    putImageData: (image: { data: Uint8ClampedArray }) => drawn.push(image.data.slice()),
  };
  const canvas = { width: 0, height: 0, getContext: () => context } as unknown as HTMLCanvasElement;
  return { canvas, drawn };
}

function rgbAt(data: Uint8ClampedArray, pixel: number): number[] {
  return [data[4 * pixel]!, data[4 * pixel + 1]!, data[4 * pixel + 2]!];
}

const alphaAt = (data: Uint8ClampedArray, pixel: number): number => data[4 * pixel + 3]!;

/** The colour a pixel shows over the white frame behind the output canvas. */
function overWhite(data: Uint8ClampedArray, pixel: number): number[] {
  const a = alphaAt(data, pixel) / 255;
  return rgbAt(data, pixel).map((c) => Math.round(c * a + 255 * (1 - a)));
}

const distance = (a: readonly number[], b: readonly number[]): number => Math.hypot(...a.map((v, i) => v - b[i]!));

/** Parameters that are all zero except the output biases: the output is the same everywhere. */
function constantOutputParams(config: TrainerConfig, outputBiases: number[]): Float64Array {
  const net = new Network(networkShape(config, outputBiases.length));
  const last = net.layerSizes.length - 1;
  outputBiases.forEach((b, i) => (net.params[net.biasIndex(last, i)] = b));
  return Float64Array.from(net.params);
}

describe('shapeForParams', () => {
  it('accepts parameters of the config shape and reads the class count of a softmax output', () => {
    const config = { ...DEFAULT_CONFIG, hiddenLayers: [3], outputLoss: 'softmax-xent' as const, problem: 'multiclass' as const };
    const params = constantOutputParams(config, [0, 0, 0, 0]);
    expect(shapeForParams(config, params.length)?.layerSizes).toEqual([2, 3, 4]);
  });

  it('rejects parameters from another shape', () => {
    const old = constantOutputParams({ ...DEFAULT_CONFIG, hiddenLayers: [4, 2] }, [0]);
    expect(shapeForParams({ ...DEFAULT_CONFIG, hiddenLayers: [4, 3] }, old.length)).toBeNull();
  });
});

describe('HeatmapRenderer', () => {
  it('paints the output blue where the network says +1 and orange where it says −1', () => {
    const renderer = new HeatmapRenderer();
    const out = fakeCanvas();
    renderer.attachOutput(out.canvas);
    expect(out.canvas.width).toBe(OUTPUT_GRID_SIZE);
    renderer.setSource(DEFAULT_CONFIG, constantOutputParams(DEFAULT_CONFIG, [3]));
    renderer.render();
    expect(rgbAt(out.drawn.at(-1)!, 0)).toEqual([...POSITIVE_COLOR]);
    renderer.setSource(DEFAULT_CONFIG, constantOutputParams(DEFAULT_CONFIG, [-3]));
    renderer.render();
    expect(rgbAt(out.drawn.at(-1)!, 5050)).toEqual([...NEGATIVE_COLOR]);
    renderer.dispose();
  });

  it('colours a multiclass output by the most probable class', () => {
    const config: TrainerConfig = { ...DEFAULT_CONFIG, problem: 'multiclass', dataset: 'three-class', outputLoss: 'softmax-xent' };
    const renderer = new HeatmapRenderer();
    const out = fakeCanvas();
    renderer.attachOutput(out.canvas);
    renderer.setDiscretize(true);
    renderer.setSource(config, constantOutputParams(config, [0, 0, 4]));
    renderer.render();
    expect(rgbAt(out.drawn.at(-1)!, 1234)).toEqual([...CLASS_COLORS[2]!]);
    expect(alphaAt(out.drawn.at(-1)!, 1234)).toBe(OUTPUT_BACKGROUND_ALPHA);
    renderer.dispose();
  });

  it('paints each registered neuron thumbnail and the focused neuron large', () => {
    const config: TrainerConfig = { ...DEFAULT_CONFIG, hiddenLayers: [2] };
    const net = new Network(networkShape(config, 1));
    net.params[net.biasIndex(1, 0)] = 5; // tanh(5) ≈ +1 everywhere
    net.params[net.biasIndex(1, 1)] = -5;
    const renderer = new HeatmapRenderer();
    const first = fakeCanvas();
    const second = fakeCanvas();
    const out = fakeCanvas();
    renderer.attachThumbnail({ layer: 1, neuron: 0 }, first.canvas);
    renderer.attachThumbnail({ layer: 1, neuron: 1 }, second.canvas);
    renderer.attachOutput(out.canvas);
    renderer.setSource(config, net.params);
    renderer.render();
    expect(first.canvas.width).toBe(THUMBNAIL_SIZE);
    expect(rgbAt(first.drawn.at(-1)!, 0)).toEqual([...POSITIVE_COLOR]);
    expect(rgbAt(second.drawn.at(-1)!, 0)).toEqual([...NEGATIVE_COLOR]);
    renderer.setFocus({ layer: 1, neuron: 1 });
    const timing = renderer.render();
    expect(timing.computed).toBe(false);
    expect(rgbAt(out.drawn.at(-1)!, 9999)).toEqual([...NEGATIVE_COLOR]);
    expect(alphaAt(out.drawn.at(-1)!, 9999)).toBe(OUTPUT_BACKGROUND_ALPHA);
    // an input feature focused large is painted the same way
    renderer.setFocus({ layer: 0, neuron: 0 });
    renderer.render();
    expect(alphaAt(out.drawn.at(-1)!, 9999)).toBe(OUTPUT_BACKGROUND_ALPHA);
    renderer.dispose();
  });

  it('paints the output background translucent, as the playground does, so a point keeps its class colour on its own region', () => {
    const renderer = new HeatmapRenderer();
    const out = fakeCanvas();
    const thumbnail = fakeCanvas();
    renderer.attachOutput(out.canvas);
    renderer.attachThumbnail({ layer: 3, neuron: 0 }, thumbnail.canvas);
    for (const [bias, pointColor] of [
      [3, POSITIVE_COLOR],
      [-3, NEGATIVE_COLOR],
    ] as const) {
      renderer.setSource(DEFAULT_CONFIG, constantOutputParams(DEFAULT_CONFIG, [bias]));
      renderer.render();
      const image = out.drawn.at(-1)!;
      expect(alphaAt(image, 4321)).toBe(OUTPUT_BACKGROUND_ALPHA);
      // a training point is drawn in the full class colour: it must not vanish into a confident region of its class
      expect(distance(overWhite(image, 4321), pointColor)).toBeGreaterThan(60);
      // the neuron thumbnails carry no points and stay opaque
      expect(alphaAt(thumbnail.drawn.at(-1)!, 0)).toBe(255);
    }
    renderer.dispose();
  });

  it('recomputes only for a new params object, and keeps the last picture for params of another shape', () => {
    const renderer = new HeatmapRenderer();
    const out = fakeCanvas();
    renderer.attachOutput(out.canvas);
    const params = constantOutputParams(DEFAULT_CONFIG, [3]);
    renderer.setSource(DEFAULT_CONFIG, params);
    renderer.render();
    const frames = out.drawn.length;
    renderer.setSource(DEFAULT_CONFIG, params);
    renderer.setSource({ ...DEFAULT_CONFIG, hiddenLayers: [5] }, params);
    renderer.render();
    expect(out.drawn.length).toBe(frames + 1);
    expect(rgbAt(out.drawn.at(-1)!, 0)).toEqual([...POSITIVE_COLOR]);
    renderer.dispose();
  });

  it('draws on the next animation frame and tells its listeners', async () => {
    const renderer = new HeatmapRenderer();
    const out = fakeCanvas();
    renderer.attachOutput(out.canvas);
    const rendered = new Promise((resolve) => renderer.onRendered(resolve));
    renderer.setSource(DEFAULT_CONFIG, constantOutputParams(DEFAULT_CONFIG, [1]));
    await rendered;
    expect(out.drawn.length).toBe(1);
    renderer.dispose();
  });
});
