import {
  ACTIVATION_IDS,
  FEATURE_IDS,
  OUTPUT_LOSS_IDS,
  parameterCount,
  type ActivationId,
  type FeatureId,
  type NetworkShape,
  type OutputLossId,
} from '@playroom/engine';
import { PROTOCOL_LIMITS } from './limits';

/*
 * The teacher's fork previews (rule SUM-2): enough of each fork to draw its
 * output heatmap on a dashboard card, a few hundred bytes at most. A preview
 * is the fork's network shape, its input features and its weights quantized
 * to 8 bits per layer (each layer's weights and biases divided by that
 * layer's largest magnitude, times 127): the card's 24×24 heatmap of the
 * decoded weights is the fork's decision boundary within a pixel or so,
 * at a quarter of a Float32 snapshot's parameter bytes.
 *
 * One batch per message, little-endian:
 *   0  u8   format (1)
 *   1  u8   0
 *   2  u16  N previews, then N times:
 *      u8 idLength, idLength bytes of the session id (ASCII, IdSchema)
 *      u32 clock, u8 output-loss index (OUTPUT_LOSS_IDS), u8 L = layers with inputs and outputs,
 *      u8×L layer sizes, u8×(L−2) hidden activation indices (ACTIVATION_IDS),
 *      u8×sizes[0] feature indices (FEATURE_IDS),
 *      f32×(L−1) each layer's scale (its largest finite |parameter|),
 *      i8×P parameters in the engine's layout: round(127 · p / scale) (0 for a non-finite one)
 */

export const FORK_PREVIEW_FORMAT = 1;
const HEADER_BYTES = 4;
const QUANT = 127;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** What the server knows of a fork to preview it. */
export interface ForkPreviewInput {
  sessionId: string;
  clock: number;
  layerSizes: ArrayLike<number>;
  hiddenActivations: readonly ActivationId[];
  outputLoss: OutputLossId;
  features: readonly FeatureId[];
  params: ArrayLike<number>;
}

/** A decoded preview: the engine's NetworkShape, the features and the dequantized parameters. */
export interface ForkPreview {
  sessionId: string;
  clock: number;
  shape: NetworkShape;
  features: FeatureId[];
  params: Float32Array;
}

/** `forkPreviews` event payload: one batch; decode `bytes` with `decodeForkPreviews`. */
export interface ForkPreviewsMessage {
  /** ArrayBuffer in the browser, Buffer (a Uint8Array) in Node */
  bytes: ArrayBuffer | Uint8Array;
}

export class ForkPreviewDecodeError extends Error {
  override name = 'ForkPreviewDecodeError';
}

/** Bytes of one fork's entry in a batch. */
export function forkPreviewByteLength(sessionId: string, layerSizes: ArrayLike<number>): number {
  const layers = layerSizes.length;
  return 1 + sessionId.length + 4 + 1 + 1 + layers + (layers - 2) + layerSizes[0]! + 4 * (layers - 1) + parameterCount(layerSizes);
}

function checkInput(input: ForkPreviewInput): void {
  const sizes = input.layerSizes;
  if (!ID_PATTERN.test(input.sessionId)) throw new RangeError(`not a session id: ${input.sessionId}`);
  if (sizes.length < 2 || sizes.length > PROTOCOL_LIMITS.maxLayers) throw new RangeError(`a preview has 2..${PROTOCOL_LIMITS.maxLayers} layers`);
  for (let l = 0; l < sizes.length; l++) {
    const size = sizes[l]!;
    if (!Number.isInteger(size) || size < (l === 0 ? 0 : 1) || size > PROTOCOL_LIMITS.maxLayerSize) throw new RangeError(`layer ${l} has ${size} neurons`);
  }
  if (input.hiddenActivations.length !== sizes.length - 2) throw new RangeError('one activation per hidden layer');
  if (input.features.length !== sizes[0]) throw new RangeError('one feature per input');
  if (input.params.length !== parameterCount(sizes)) throw new RangeError(`expected ${parameterCount(sizes)} parameters`);
}

/** One fork's entry, to be concatenated into a batch by `joinForkPreviews` (the server caches it per clock). */
export function encodeForkPreview(input: ForkPreviewInput): Uint8Array {
  checkInput(input);
  const sizes = input.layerSizes;
  const layers = sizes.length;
  const out = new Uint8Array(forkPreviewByteLength(input.sessionId, sizes));
  const view = new DataView(out.buffer);
  let at = 0;
  out[at++] = input.sessionId.length;
  for (let i = 0; i < input.sessionId.length; i++) out[at++] = input.sessionId.charCodeAt(i);
  view.setUint32(at, Math.min(0xffffffff, Math.max(0, Math.floor(input.clock))), true);
  at += 4;
  out[at++] = OUTPUT_LOSS_IDS.indexOf(input.outputLoss);
  out[at++] = layers;
  for (let l = 0; l < layers; l++) out[at++] = sizes[l]!;
  for (const activation of input.hiddenActivations) out[at++] = ACTIVATION_IDS.indexOf(activation);
  for (const feature of input.features) out[at++] = FEATURE_IDS.indexOf(feature);
  const scalesAt = at;
  at += 4 * (layers - 1);
  let p = 0;
  for (let l = 1; l < layers; l++) {
    const count = sizes[l]! * (sizes[l - 1]! + 1);
    let scale = 0;
    for (let i = p; i < p + count; i++) {
      const m = Math.abs(input.params[i]!);
      if (m > scale && Number.isFinite(m)) scale = m;
    }
    const stored = Math.fround(scale);
    view.setFloat32(scalesAt + 4 * (l - 1), stored, true);
    for (let i = p; i < p + count; i++, at++) {
      const v = input.params[i]!;
      view.setInt8(at, stored > 0 && Number.isFinite(v) ? Math.max(-QUANT, Math.min(QUANT, Math.round((QUANT * v) / stored))) : 0);
    }
    p += count;
  }
  return out;
}

/** A batch of encoded entries as one message body. */
export function joinForkPreviews(entries: readonly Uint8Array[]): Uint8Array {
  if (entries.length > 0xffff) throw new RangeError('at most 65535 previews in a batch');
  const total = entries.reduce((sum, entry) => sum + entry.byteLength, HEADER_BYTES);
  const out = new Uint8Array(total);
  out[0] = FORK_PREVIEW_FORMAT;
  new DataView(out.buffer).setUint16(2, entries.length, true);
  let at = HEADER_BYTES;
  for (const entry of entries) {
    out.set(entry, at);
    at += entry.byteLength;
  }
  return out;
}

/** Encodes a whole batch (tests, tools); the server joins cached entries instead. */
export function encodeForkPreviews(inputs: readonly ForkPreviewInput[]): Uint8Array {
  return joinForkPreviews(inputs.map(encodeForkPreview));
}

function byteView(bytes: ArrayBuffer | ArrayBufferView): DataView {
  if (bytes instanceof ArrayBuffer) return new DataView(bytes);
  if (ArrayBuffer.isView(bytes)) return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  throw new ForkPreviewDecodeError('a preview batch is an ArrayBuffer or a byte view');
}

/** Decodes a batch; throws only ForkPreviewDecodeError on malformed bytes. */
export function decodeForkPreviews(bytes: ArrayBuffer | ArrayBufferView): ForkPreview[] {
  const view = byteView(bytes);
  const fail = (why: string): never => {
    throw new ForkPreviewDecodeError(why);
  };
  if (view.byteLength < HEADER_BYTES) fail('preview batch too short');
  if (view.getUint8(0) !== FORK_PREVIEW_FORMAT) fail(`unknown preview format ${view.getUint8(0)}`);
  const count = view.getUint16(2, true);
  let at = HEADER_BYTES;
  const need = (n: number) => {
    if (at + n > view.byteLength) fail('preview batch cut short');
  };
  const previews: ForkPreview[] = [];
  for (let n = 0; n < count; n++) {
    need(1);
    const idLength = view.getUint8(at++);
    need(idLength + 6);
    let sessionId = '';
    for (let i = 0; i < idLength; i++) sessionId += String.fromCharCode(view.getUint8(at++));
    if (!ID_PATTERN.test(sessionId)) fail('bad session id');
    const clock = view.getUint32(at, true);
    at += 4;
    const outputLoss = OUTPUT_LOSS_IDS[view.getUint8(at++)] ?? fail('unknown output loss');
    const layers = view.getUint8(at++);
    if (layers < 2 || layers > PROTOCOL_LIMITS.maxLayers) fail(`bad layer count ${layers}`);
    need(layers);
    const layerSizes: number[] = [];
    for (let l = 0; l < layers; l++) {
      const size = view.getUint8(at++);
      if (size < 1 && l > 0) fail(`layer ${l} is empty`);
      layerSizes.push(size);
    }
    need(layers - 2 + layerSizes[0]! + 4 * (layers - 1) + parameterCount(layerSizes));
    const hiddenActivations: ActivationId[] = [];
    for (let l = 0; l < layers - 2; l++) hiddenActivations.push(ACTIVATION_IDS[view.getUint8(at++)] ?? fail('unknown activation'));
    const features: FeatureId[] = [];
    for (let i = 0; i < layerSizes[0]!; i++) features.push(FEATURE_IDS[view.getUint8(at++)] ?? fail('unknown feature'));
    const scales: number[] = [];
    for (let l = 1; l < layers; l++, at += 4) scales.push(view.getFloat32(at, true));
    const params = new Float32Array(parameterCount(layerSizes));
    let p = 0;
    for (let l = 1; l < layers; l++) {
      const unit = scales[l - 1]! / QUANT;
      const count = layerSizes[l]! * (layerSizes[l - 1]! + 1);
      for (let i = 0; i < count; i++, p++, at++) params[p] = view.getInt8(at) * unit;
    }
    previews.push({ sessionId, clock, shape: { layerSizes, hiddenActivations, outputLoss }, features, params });
  }
  if (at !== view.byteLength) fail('bytes after the last preview');
  return previews;
}
