import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SnapshotDecodeError,
  decodeSnapshot,
  encodeSnapshot,
  encodeSnapshotBody,
  parameterCount,
  SNAPSHOT_LOSS_TAIL,
  snapshotByteLength,
  withLossTail,
  type SnapshotInput,
} from './snapshot-codec';

const f32 = fc.float({ noDefaultInfinity: false });
/** A loss as the wire has it: a finite number or null (never NaN). */
const loss = fc.option(fc.float({ noNaN: true, noDefaultInfinity: true }), { nil: null });
const layerSizesArb = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 8 });

const snapshotArb: fc.Arbitrary<SnapshotInput> = layerSizesArb.chain((layerSizes) =>
  fc.record({
    clock: fc.nat({ max: 0xffffffff }),
    epoch: fc.nat({ max: 0xffffffff }),
    trainLoss: loss,
    testLoss: loss,
    trainAccuracy: fc.option(f32, { nil: null }),
    testAccuracy: fc.option(f32, { nil: null }),
    learningRate: f32,
    playing: fc.boolean(),
    diverged: fc.boolean(),
    layerSizes: fc.constant(layerSizes),
    gradientNorms: fc.array(f32, { minLength: layerSizes.length - 1, maxLength: layerSizes.length - 1 }),
    params: fc.array(f32, { minLength: parameterCount(layerSizes), maxLength: parameterCount(layerSizes) }),
    lossTail: fc.array(fc.record({ epoch: fc.nat({ max: 0xffffffff }), trainLoss: loss, testLoss: loss }), { maxLength: SNAPSHOT_LOSS_TAIL }),
  }),
);

describe('snapshot codec', () => {
  it('SNAP-2: decode(encode(s)) is s for every Float32-representable snapshot of a still session', () => {
    fc.assert(
      fc.property(snapshotArb, fc.boolean(), (generated, finite) => {
        // a still session's, or a playing one's with a parameter that is not finite (NaN, ±Infinity: sent as Float32 too)
        const input = finite ? { ...generated, playing: false } : { ...generated, playing: true, params: [...Array.from(generated.params).slice(1), Number.NaN] };
        const decoded = decodeSnapshot(encodeSnapshot(input));
        expect(decoded.clock).toBe(input.clock);
        expect(decoded.epoch).toBe(input.epoch);
        expect(decoded.trainLoss).toBe(input.trainLoss);
        expect(decoded.testLoss).toBe(input.testLoss);
        expect(decoded.trainAccuracy).toBe(input.trainAccuracy);
        expect(decoded.testAccuracy).toBe(input.testAccuracy);
        expect(decoded.learningRate).toBe(input.learningRate);
        expect(decoded.playing).toBe(input.playing);
        expect(decoded.diverged).toBe(input.diverged);
        expect(decoded.layerSizes).toEqual(Array.from(input.layerSizes));
        expect(Array.from(decoded.gradientNorms)).toEqual(Array.from(input.gradientNorms));
        expect(Array.from(decoded.params)).toEqual(Array.from(input.params));
        expect(decoded.lossTail).toEqual(input.lossTail);
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });

  it('SNAP-2: a playing session travels at 16 bits per layer: each parameter within its layer scale / 32767, in about half the bytes', () => {
    fc.assert(
      fc.property(snapshotArb, fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (generated, magnitude) => {
        const input = { ...generated, playing: true, params: Array.from(generated.params, (p) => (Number.isFinite(p) ? Math.tanh(p) * magnitude : magnitude / 2)) };
        const encoded = encodeSnapshot(input);
        const decoded = decodeSnapshot(encoded);
        expect(encoded.byteLength).toBe(snapshotByteLength(input.layerSizes, input.lossTail.length, true));
        expect(decoded.playing).toBe(true);
        expect(decoded.clock).toBe(input.clock);
        expect(decoded.lossTail).toEqual(input.lossTail);
        let start = 0;
        for (let l = 1; l < input.layerSizes.length; l++) {
          const end = start + input.layerSizes[l]! * (input.layerSizes[l - 1]! + 1);
          const scale = Math.max(...input.params.slice(start, end).map(Math.abs));
          for (let i = start; i < end; i++) expect(Math.abs(decoded.params[i]! - input.params[i]!)).toBeLessThanOrEqual((scale / 32767) * 0.51 + scale * 2 ** -23 + 2 ** -149);
          start = end;
        }
      }),
      { seed: 20261207, numRuns: 300 },
    );
    const largest = [9, 8, 8, 8, 8, 8, 8, 1];
    expect(snapshotByteLength(largest, 0, true) / snapshotByteLength(largest, 0)).toBeLessThan(0.56);
  });

  it('SNAP-2: Float64 parameters of a still session decode to Math.fround of the original', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 9, maxLength: 9 }), (params) => {
        const decoded = decodeSnapshot(
          encodeSnapshot({
            clock: 1, epoch: 2, trainLoss: 0.1, testLoss: 0.2, trainAccuracy: null, testAccuracy: null,
            learningRate: 0.03, playing: false, diverged: false, layerSizes: [2, 2, 1], gradientNorms: [0.5, 0.25], params, lossTail: [],
          }),
        );
        expect(Array.from(decoded.params)).toEqual(params.map(Math.fround));
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('a loss the server could not compute decodes as null, the same missing value as JSON state', () => {
    const decoded = decodeSnapshot(
      encodeSnapshot({
        clock: 1, epoch: 1, trainLoss: Number.NaN, testLoss: null, trainAccuracy: null, testAccuracy: null,
        learningRate: 0.1, playing: false, diverged: true, layerSizes: [1, 1], gradientNorms: [0], params: [0, 0], lossTail: [],
      }),
    );
    expect(decoded.trainLoss).toBeNull();
    expect(decoded.testLoss).toBeNull();
  });

  it('decodes from a Node Buffer view with an offset, as socket.io delivers it', () => {
    const input: SnapshotInput = {
      clock: 9, epoch: 40, trainLoss: 0.5, testLoss: 0.75, trainAccuracy: 0.5, testAccuracy: null,
      learningRate: 0.25, playing: false, diverged: true, layerSizes: [3, 1], gradientNorms: [2], params: [1, 2, 3, 4], lossTail: [],
    };
    const encoded = new Uint8Array(encodeSnapshot(input));
    const padded = Buffer.alloc(encoded.length + 5);
    padded.set(encoded, 5);
    const decoded = decodeSnapshot(padded.subarray(5));
    expect(Array.from(decoded.params)).toEqual([1, 2, 3, 4]);
    expect(decoded.diverged).toBe(true);
    expect(decoded.testAccuracy).toBeNull();
  });

  it('has the size snapshotByteLength announces', () => {
    fc.assert(
      fc.property(snapshotArb, (input) => {
        const live = input.playing && Array.from(input.params).every(Number.isFinite);
        expect(encodeSnapshot(input).byteLength).toBe(snapshotByteLength(input.layerSizes, input.lossTail.length, live));
      }),
      { seed: 3, numRuns: 50 },
    );
  });

  it('SNAP-4: refuses truncated, padded or random bytes with a SnapshotDecodeError only', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        try {
          decodeSnapshot(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(SnapshotDecodeError);
        }
      }),
      { seed: 11, numRuns: 500 },
    );
    fc.assert(
      fc.property(snapshotArb, fc.integer({ min: -8, max: 8 }).filter((d) => d !== 0), (input, delta) => {
        const encoded = new Uint8Array(encodeSnapshot(input));
        const resized = new Uint8Array(Math.max(0, encoded.length + delta));
        resized.set(encoded.subarray(0, resized.length));
        expect(() => decodeSnapshot(resized)).toThrow(SnapshotDecodeError);
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  it('SNAP-2: a network without input features (input layer of 0) round-trips', () => {
    const input: SnapshotInput = {
      clock: 1, epoch: 1, trainLoss: 1, testLoss: 1, trainAccuracy: null, testAccuracy: null,
      learningRate: 0.5, playing: false, diverged: false, layerSizes: [0, 2, 1], gradientNorms: [0, 0.5], params: [0.5, -0.5, 1, 2, 3], lossTail: [],
    };
    const decoded = decodeSnapshot(encodeSnapshot(input));
    expect(decoded.layerSizes).toEqual([0, 2, 1]);
    expect(Array.from(decoded.params)).toEqual([0.5, -0.5, 1, 2, 3]);
  });

  it('refuses to encode parameters that do not fit the layer sizes', () => {
    const base: SnapshotInput = {
      clock: 0, epoch: 0, trainLoss: 0, testLoss: 0, trainAccuracy: null, testAccuracy: null,
      learningRate: 0, playing: false, diverged: false, layerSizes: [2, 1], gradientNorms: [0], params: [0, 0, 0], lossTail: [],
    };
    expect(() => encodeSnapshot(base)).not.toThrow();
    expect(() => encodeSnapshot({ ...base, params: [0, 0] })).toThrow(RangeError);
    expect(() => encodeSnapshot({ ...base, gradientNorms: [] })).toThrow(RangeError);
    expect(() => encodeSnapshot({ ...base, layerSizes: [2, 0] })).toThrow(RangeError);
  });

  it('a body encoded without its tail (a training worker), completed with a clock and a tail, is byte for byte encodeSnapshot', () => {
    fc.assert(
      fc.property(snapshotArb, fc.nat({ max: 0xffffffff }), (input, bodyClock) => {
        const { lossTail, ...scalars } = input;
        const body = new Uint8Array(encodeSnapshotBody({ ...scalars, clock: bodyClock }));
        expect(body[3]).toBe(0);
        expect(new Uint8Array(withLossTail(body, input.clock, lossTail))).toEqual(new Uint8Array(encodeSnapshot(input)));
      }),
      { numRuns: 200 },
    );
    const completed = new Uint8Array(encodeSnapshot({ clock: 1, epoch: 1, trainLoss: 0, testLoss: 0, trainAccuracy: null, testAccuracy: null, learningRate: 0, playing: false, diverged: false, layerSizes: [1, 1], gradientNorms: [0], params: [0, 0], lossTail: [{ epoch: 1, trainLoss: 0, testLoss: 0 }] }));
    // a body already carrying a tail is not one
    expect(() => withLossTail(completed, 2, [])).toThrow(RangeError);
  });
});
