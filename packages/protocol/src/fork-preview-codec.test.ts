import { DEFAULT_CONFIG, PLAYGROUND_FEATURES, hiddenActivations, networkShape, parameterCount } from '@playroom/engine';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_LIMITS } from './limits';
import {
  ForkPreviewDecodeError,
  decodeForkPreviews,
  encodeForkPreview,
  encodeForkPreviews,
  forkPreviewByteLength,
  joinForkPreviews,
  type ForkPreviewInput,
} from './fork-preview-codec';

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
}

function input(sessionId: string, config = DEFAULT_CONFIG, seed = 1): ForkPreviewInput {
  const shape = networkShape(config, 1);
  const random = seeded(seed);
  const params = Array.from({ length: parameterCount(shape.layerSizes) }, () => random() * 3);
  return { sessionId, clock: 42, layerSizes: shape.layerSizes, hiddenActivations: hiddenActivations(config), outputLoss: config.outputLoss, features: config.features, params };
}

const LARGEST = { ...DEFAULT_CONFIG, features: [...PLAYGROUND_FEATURES], hiddenLayers: [8, 8, 8, 8, 8, 8] };

describe('fork preview codec (SUM-2)', () => {
  it('round-trips shape and features exactly, weights to 8 bits of each layer’s scale', () => {
    const a = input('s_ana', DEFAULT_CONFIG, 1);
    const b = input('s_ben', { ...LARGEST, activation: 'relu', outputLoss: 'sigmoid-xent' }, 2);
    b.params = Array.from(b.params, (v, i) => (i === 3 ? Number.NaN : v));
    const [da, db] = decodeForkPreviews(encodeForkPreviews([a, b]));
    expect(da).toMatchObject({ sessionId: 's_ana', clock: 42, features: DEFAULT_CONFIG.features });
    expect(da!.shape).toEqual({ layerSizes: Array.from(a.layerSizes), hiddenActivations: [...a.hiddenActivations], outputLoss: a.outputLoss });
    expect(db!.shape.hiddenActivations).toEqual(Array(6).fill('relu'));
    expect(db!.params[3]).toBe(0);
    for (const [sent, got] of [[a, da!], [b, db!]] as const) {
      expect(got.params).toHaveLength(sent.params.length);
      // each weight within half a quantization step of its layer's largest magnitude (≤ 3 here)
      Array.from(sent.params).forEach((w, i) => Number.isFinite(w) && expect(Math.abs(got.params[i]! - w)).toBeLessThanOrEqual(3 / 254 + 1e-6));
    }
  });

  it('is small: the largest network’s preview is a few hundred bytes, a quarter of its Float32 weights', () => {
    const large = input('s_abcdefghijklmnop', LARGEST);
    const bytes = encodeForkPreview(large).byteLength;
    expect(bytes).toBe(forkPreviewByteLength('s_abcdefghijklmnop', large.layerSizes));
    expect(bytes).toBeLessThan(large.params.length + 80);
    // 80 of them fit in five rounds of the budget: each card refreshes at least every 10 s
    expect(Math.ceil((80 * bytes) / PROTOCOL_LIMITS.forkPreviewBytesPerRound)).toBeLessThanOrEqual(5);
  });

  it('refuses malformed bytes with ForkPreviewDecodeError only', () => {
    const good = encodeForkPreviews([input('s_ana')]);
    expect(decodeForkPreviews(joinForkPreviews([]))).toEqual([]);
    const bad = [good.slice(0, 3), good.slice(0, good.length - 1), new Uint8Array([...good, 0]), new Uint8Array([9, ...good.slice(1)])];
    const random = seeded(7);
    for (let i = 0; i < 200; i++) bad.push(good.map((byte) => (random() > 0.9 ? Math.floor((random() + 1) * 128) : byte)));
    for (const bytes of bad) {
      try {
        decodeForkPreviews(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(ForkPreviewDecodeError);
      }
    }
    expect(() => decodeForkPreviews(good.slice(0, 3))).toThrow(ForkPreviewDecodeError);
  });

  it('refuses to encode what does not fit the shape', () => {
    expect(() => encodeForkPreview({ ...input('s_ana'), params: [1, 2] })).toThrow(RangeError);
    expect(() => encodeForkPreview({ ...input('bad id!') })).toThrow(RangeError);
  });
});
