import { parameterCount, type LossPoint } from '@playroom/engine';
import { PROTOCOL_LIMITS } from './limits';
import type { SessionMetrics } from './schemas/state-schemas';

// the snapshot's parameter count is the engine's; kept in this module's exports for the codec's users
export { parameterCount };

/*
 * The binary snapshot: what the server streams ~15 times a second per session.
 * A still session's parameters travel as Float32 (the engine trains in
 * Float64; a decoded weight equals Math.fround of the server's), which is how
 * a snapshot stays under a quarter of the same data as JSON (rule SNAP-1).
 * A playing session's change every frame anyway: they travel at 16 bits per
 * layer (each layer's weights and biases as round(32767 · p / scale), its
 * scale the layer's largest |parameter|), half the bytes, within
 * scale / 32767 of Float32 — no cell of the largest network's heatmap that
 * the eye can tell apart (SNAP-2). The frame that says a session stopped is
 * Float32 again, so what a client holds at rest is exact.
 *
 * Layout, little-endian:
 *   0  u8   format (3)
 *   1  u8   flags: 1 playing, 2 diverged, 4 has train accuracy, 8 has test accuracy,
 *           16 parameters at 16 bits per layer (set exactly when playing and every parameter is finite)
 *   2  u8   L = number of layers including inputs and outputs
 *   3  u8   T = loss-history points in the tail (0…SNAPSHOT_LOSS_TAIL)
 *   4  u32  clock (monotonic per session)
 *   8  u32  epoch
 *   12 f32  train loss, 16 f32 test loss (NaN for a missing one: null on both sides)
 *   20 f32  train accuracy, 24 f32 test accuracy (0 when absent)
 *   28 f32  current learning rate
 *   32 u8×L layer sizes, zero-padded to a multiple of 4
 *   …  f32×(L−1) per-layer gradient norms
 *   …  f32×P weights and biases in the engine's layout (P follows from the sizes), or with flag 16:
 *      f32×(L−1) each layer's scale, then i16×P the parameters, round(32767 · p / scale)
 *   …  T × (u32 epoch, f32 train loss, f32 test loss): the newest points of
 *      the server's loss history, oldest first (STATE-3)
 */

export const SNAPSHOT_FORMAT = 3;
/** At most this many loss-history points in one snapshot (the u8 count): normally a few, up to a few hundred in the first second of a fast run at stride 1 (STATE-3). */
export const SNAPSHOT_LOSS_TAIL = 255;
const TAIL_POINT_BYTES = 12;
const HEADER_BYTES = 32;
const FLAG_PLAYING = 1;
const FLAG_DIVERGED = 2;
const FLAG_TRAIN_ACCURACY = 4;
const FLAG_TEST_ACCURACY = 8;
const FLAG_LIVE_PRECISION = 16;
/** the largest magnitude of a 16-bit parameter: p = q · scale / LIVE_STEPS */
const LIVE_STEPS = 32767;

/**
 * The scalar fields a snapshot carries, the same on both sides of the codec:
 * the session's metrics as the wire's SessionMetrics has them (a missing
 * value is null), and whether training diverged (its reason travels in the
 * `session` update).
 */
interface SnapshotScalars extends Pick<SessionMetrics, 'trainLoss' | 'testLoss' | 'trainAccuracy' | 'testAccuracy' | 'learningRate'> {
  clock: number;
  epoch: number;
  playing: boolean;
  diverged: boolean;
}

/** What a snapshot carries, as the server builds it. */
export interface SnapshotInput extends SnapshotScalars {
  layerSizes: ArrayLike<number>;
  gradientNorms: ArrayLike<number>;
  params: ArrayLike<number>;
  /** the newest points of the loss history (at most SNAPSHOT_LOSS_TAIL; more are cut from the front) */
  lossTail: readonly LossPoint[];
}

/** A decoded snapshot; numbers are Float32 values, null where the server had none. */
export interface Snapshot extends SnapshotScalars {
  layerSizes: number[];
  gradientNorms: Float32Array;
  params: Float32Array;
  lossTail: LossPoint[];
}

export class SnapshotDecodeError extends Error {
  override name = 'SnapshotDecodeError';
}

function layerBlockBytes(layerCount: number): number {
  return Math.ceil(layerCount / 4) * 4;
}

/**
 * Size in bytes of the snapshot of a network with these layer sizes and this many loss-history points;
 * `live`: its parameters at 16 bits per layer (a playing session's, SNAP-2).
 */
export function snapshotByteLength(layerSizes: ArrayLike<number>, tailPoints = 0, live = false): number {
  const layers = layerSizes.length;
  const paramBytes = live ? 4 * (layers - 1) + 2 * parameterCount(layerSizes) : 4 * parameterCount(layerSizes);
  return HEADER_BYTES + layerBlockBytes(layers) + 4 * (layers - 1) + paramBytes + TAIL_POINT_BYTES * tailPoints;
}

/** Where each layer's parameters end in the engine's layout (layer l ≥ 1: its weights, then its biases). */
function layerEnds(layerSizes: ArrayLike<number>): number[] {
  const ends: number[] = [];
  let end = 0;
  for (let l = 1; l < layerSizes.length; l++) ends.push((end += layerSizes[l]! * (layerSizes[l - 1]! + 1)));
  return ends;
}

function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}

/** Writes `params` at 16 bits per layer from `offset` (each layer's scale, then the values); returns the offset after them. */
function writeLiveParams(view: DataView, offset: number, layerSizes: ArrayLike<number>, params: ArrayLike<number>): number {
  const ends = layerEnds(layerSizes);
  const scales = ends.map((end, l) => {
    let largest = 0;
    for (let i = l === 0 ? 0 : ends[l - 1]!; i < end; i++) largest = Math.max(largest, Math.abs(params[i]!));
    return Math.fround(largest);
  });
  for (const scale of scales) {
    view.setFloat32(offset, scale, true);
    offset += 4;
  }
  let start = 0;
  ends.forEach((end, l) => {
    const scale = scales[l]!;
    // clamped: the Float32 scale may round a hair below the layer's largest |parameter|
    for (let i = start; i < end; i++, offset += 2) {
      const steps = scale === 0 ? 0 : Math.round((LIVE_STEPS * params[i]!) / scale);
      view.setInt16(offset, Math.max(-LIVE_STEPS, Math.min(LIVE_STEPS, steps)), true);
    }
    start = end;
  });
  return offset;
}

function readLiveParams(view: DataView, offset: number, layerSizes: number[], params: Float32Array): number {
  const ends = layerEnds(layerSizes);
  const scales = ends.map((_, l) => view.getFloat32(offset + 4 * l, true));
  offset += 4 * ends.length;
  let start = 0;
  ends.forEach((end, l) => {
    const step = scales[l]! / LIVE_STEPS;
    for (let i = start; i < end; i++, offset += 2) params[i] = view.getInt16(offset, true) * step;
    start = end;
  });
  return offset;
}

function checkLayerSizes(layerSizes: ArrayLike<number>): void {
  if (layerSizes.length < 2 || layerSizes.length > PROTOCOL_LIMITS.maxLayers) {
    throw new RangeError(`a snapshot has 2..${PROTOCOL_LIMITS.maxLayers} layers, got ${layerSizes.length}`);
  }
  for (let l = 0; l < layerSizes.length; l++) {
    const size = layerSizes[l]!;
    // a config may select no input features: the input layer alone may be empty
    if (!Number.isInteger(size) || size < (l === 0 ? 0 : 1) || size > PROTOCOL_LIMITS.maxLayerSize) {
      throw new RangeError(`layer ${l} has ${size} neurons`);
    }
  }
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);
const toUint32 = (value: number) => Math.min(0xffffffff, Math.max(0, Math.floor(value)));

/** Encode a snapshot into a fresh ArrayBuffer. */
export function encodeSnapshot(input: SnapshotInput): ArrayBuffer {
  return encodeWithTail(input, input.lossTail.slice(-SNAPSHOT_LOSS_TAIL));
}

/**
 * A snapshot without its loss tail (T = 0): what a training worker encodes
 * for the main thread, which completes it with `withLossTail`.
 */
export function encodeSnapshotBody(input: Omit<SnapshotInput, 'lossTail'>): ArrayBuffer {
  return encodeWithTail(input, []);
}

/**
 * `body` (encodeSnapshotBody's bytes, T = 0) with `clock` and `lossTail`
 * written in: byte for byte what `encodeSnapshot` gives for the body's input
 * with that clock and tail.
 */
export function withLossTail(body: Uint8Array, clock: number, lossTail: readonly LossPoint[]): ArrayBuffer {
  if (body.byteLength < HEADER_BYTES || body[0] !== SNAPSHOT_FORMAT || body[3] !== 0) throw new RangeError('not a snapshot body without a loss tail');
  const tail = lossTail.slice(-SNAPSHOT_LOSS_TAIL);
  const bytes = new Uint8Array(body.byteLength + TAIL_POINT_BYTES * tail.length);
  bytes.set(body);
  const view = new DataView(bytes.buffer);
  view.setUint8(3, tail.length);
  view.setUint32(4, toUint32(clock), true);
  writeTail(view, body.byteLength, tail);
  return bytes.buffer;
}

function writeTail(view: DataView, offset: number, tail: readonly LossPoint[]): void {
  for (const point of tail) {
    view.setUint32(offset, toUint32(point.epoch), true);
    view.setFloat32(offset + 4, point.trainLoss ?? Number.NaN, true);
    view.setFloat32(offset + 8, point.testLoss ?? Number.NaN, true);
    offset += TAIL_POINT_BYTES;
  }
}

function encodeWithTail(input: Omit<SnapshotInput, 'lossTail'>, tail: readonly LossPoint[]): ArrayBuffer {
  const { layerSizes } = input;
  checkLayerSizes(layerSizes);
  const layers = layerSizes.length;
  const paramCount = parameterCount(layerSizes);
  if (input.params.length !== paramCount) {
    throw new RangeError(`expected ${paramCount} parameters for [${Array.from(layerSizes)}], got ${input.params.length}`);
  }
  if (input.gradientNorms.length !== layers - 1) {
    throw new RangeError(`expected ${layers - 1} gradient norms, got ${input.gradientNorms.length}`);
  }
  const live = input.playing && allFinite(input.params);
  const buffer = new ArrayBuffer(snapshotByteLength(layerSizes, tail.length, live));
  const view = new DataView(buffer);
  const flags =
    (live ? FLAG_LIVE_PRECISION : 0) |
    (input.playing ? FLAG_PLAYING : 0) |
    (input.diverged ? FLAG_DIVERGED : 0) |
    (input.trainAccuracy !== null ? FLAG_TRAIN_ACCURACY : 0) |
    (input.testAccuracy !== null ? FLAG_TEST_ACCURACY : 0);
  view.setUint8(0, SNAPSHOT_FORMAT);
  view.setUint8(1, flags);
  view.setUint8(2, layers);
  view.setUint8(3, tail.length);
  view.setUint32(4, toUint32(input.clock), true);
  view.setUint32(8, toUint32(input.epoch), true);
  view.setFloat32(12, input.trainLoss ?? Number.NaN, true);
  view.setFloat32(16, input.testLoss ?? Number.NaN, true);
  view.setFloat32(20, input.trainAccuracy ?? 0, true);
  view.setFloat32(24, input.testAccuracy ?? 0, true);
  view.setFloat32(28, input.learningRate, true);
  for (let l = 0; l < layers; l++) view.setUint8(HEADER_BYTES + l, layerSizes[l]!);
  let offset = HEADER_BYTES + layerBlockBytes(layers);
  for (let i = 0; i < layers - 1; i++, offset += 4) view.setFloat32(offset, input.gradientNorms[i]!, true);
  if (live) offset = writeLiveParams(view, offset, layerSizes, input.params);
  else for (let i = 0; i < paramCount; i++, offset += 4) view.setFloat32(offset, input.params[i]!, true);
  writeTail(view, offset, tail);
  return buffer;
}

function asDataView(bytes: ArrayBuffer | ArrayBufferView): DataView {
  if (bytes instanceof ArrayBuffer) return new DataView(bytes);
  if (ArrayBuffer.isView(bytes)) return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  throw new SnapshotDecodeError('a snapshot is an ArrayBuffer or a byte view');
}

/** Decode a snapshot (ArrayBuffer in the browser, Buffer in Node); throws SnapshotDecodeError on anything malformed. */
export function decodeSnapshot(bytes: ArrayBuffer | ArrayBufferView): Snapshot {
  const view = asDataView(bytes);
  if (view.byteLength < HEADER_BYTES) throw new SnapshotDecodeError(`snapshot too short: ${view.byteLength} bytes`);
  const format = view.getUint8(0);
  if (format !== SNAPSHOT_FORMAT) throw new SnapshotDecodeError(`unknown snapshot format ${format}`);
  const flags = view.getUint8(1);
  const layers = view.getUint8(2);
  const tailPoints = view.getUint8(3);
  if (tailPoints > SNAPSHOT_LOSS_TAIL) throw new SnapshotDecodeError(`a snapshot carries at most ${SNAPSHOT_LOSS_TAIL} loss points, got ${tailPoints}`);
  if (layers < 2 || layers > PROTOCOL_LIMITS.maxLayers || view.byteLength < HEADER_BYTES + layers) {
    throw new SnapshotDecodeError(`bad layer count ${layers}`);
  }
  const layerSizes: number[] = [];
  for (let l = 0; l < layers; l++) {
    const size = view.getUint8(HEADER_BYTES + l);
    if (size < 1 && l > 0) throw new SnapshotDecodeError(`layer ${l} is empty`);
    layerSizes.push(size);
  }
  const live = (flags & FLAG_LIVE_PRECISION) !== 0;
  const expected = snapshotByteLength(layerSizes, tailPoints, live);
  if (view.byteLength !== expected) {
    throw new SnapshotDecodeError(`snapshot of [${layerSizes}] is ${expected} bytes, got ${view.byteLength}`);
  }
  let offset = HEADER_BYTES + layerBlockBytes(layers);
  const gradientNorms = new Float32Array(layers - 1);
  for (let i = 0; i < gradientNorms.length; i++, offset += 4) gradientNorms[i] = view.getFloat32(offset, true);
  const params = new Float32Array(parameterCount(layerSizes));
  if (live) offset = readLiveParams(view, offset, layerSizes, params);
  else for (let i = 0; i < params.length; i++, offset += 4) params[i] = view.getFloat32(offset, true);
  const lossTail: LossPoint[] = [];
  for (let i = 0; i < tailPoints; i++, offset += TAIL_POINT_BYTES) {
    lossTail.push({
      epoch: view.getUint32(offset, true),
      trainLoss: finiteOrNull(view.getFloat32(offset + 4, true)),
      testLoss: finiteOrNull(view.getFloat32(offset + 8, true)),
    });
  }
  return {
    clock: view.getUint32(4, true),
    epoch: view.getUint32(8, true),
    trainLoss: finiteOrNull(view.getFloat32(12, true)),
    testLoss: finiteOrNull(view.getFloat32(16, true)),
    trainAccuracy: flags & FLAG_TRAIN_ACCURACY ? view.getFloat32(20, true) : null,
    testAccuracy: flags & FLAG_TEST_ACCURACY ? view.getFloat32(24, true) : null,
    learningRate: view.getFloat32(28, true),
    playing: (flags & FLAG_PLAYING) !== 0,
    diverged: (flags & FLAG_DIVERGED) !== 0,
    layerSizes,
    gradientNorms,
    params,
    lossTail,
  };
}
