/**
 * The two inner kernels of every layer over a block of points. Each point's
 * arithmetic is exactly that of the one-point loops in network.ts (same
 * terms, same order), so the block path gives the same bits.
 *
 * Why unrolled by the number of terms (a layer has at most 9 inputs or 8
 * neurons): with a loop over the terms, every partial sum would be stored
 * and reloaded per term; written out, the sums stay in registers. That
 * roughly halves the time of a layer.
 */

/**
 * For `count` points: out[outAt + q] = init + w₀·src[row 0][q] + w₁·src[row 1][q] + …,
 * added left to right like `sum = init; sum += w[i]·x[i]`. Rows of `src` are
 * `stride` apart from `srcAt`; weights `wStep` apart from `wAt` (1 for a
 * neuron's incoming weights, the fan-in for a neuron's outgoing ones).
 */
export function linearCombination(
  out: Float64Array,
  outAt: number,
  init: number,
  w: Float64Array,
  wAt: number,
  wStep: number,
  terms: number,
  src: Float64Array,
  srcAt: number,
  stride: number,
  count: number,
): void {
  switch (terms) {
    case 0:
      for (let q = 0; q < count; q++) out[outAt + q] = init;
      return;
    case 1: {
      const w0 = w[wAt]!;
      const s0 = srcAt;
      for (let q = 0; q < count; q++) out[outAt + q] = init + w0 * src[s0 + q]!;
      return;
    }
    case 2: {
      const w0 = w[wAt]!, w1 = w[wAt + wStep]!;
      const s0 = srcAt, s1 = srcAt + stride;
      for (let q = 0; q < count; q++) out[outAt + q] = init + w0 * src[s0 + q]! + w1 * src[s1 + q]!;
      return;
    }
    case 3: {
      const w0 = w[wAt]!, w1 = w[wAt + wStep]!, w2 = w[wAt + 2 * wStep]!;
      const s0 = srcAt, s1 = srcAt + stride, s2 = srcAt + 2 * stride;
      for (let q = 0; q < count; q++) out[outAt + q] = init + w0 * src[s0 + q]! + w1 * src[s1 + q]! + w2 * src[s2 + q]!;
      return;
    }
    case 4: {
      const w0 = w[wAt]!, w1 = w[wAt + wStep]!, w2 = w[wAt + 2 * wStep]!, w3 = w[wAt + 3 * wStep]!;
      const s0 = srcAt, s1 = srcAt + stride, s2 = srcAt + 2 * stride, s3 = srcAt + 3 * stride;
      for (let q = 0; q < count; q++) out[outAt + q] = init + w0 * src[s0 + q]! + w1 * src[s1 + q]! + w2 * src[s2 + q]! + w3 * src[s3 + q]!;
      return;
    }
    case 5: {
      const w0 = w[wAt]!, w1 = w[wAt + wStep]!, w2 = w[wAt + 2 * wStep]!, w3 = w[wAt + 3 * wStep]!, w4 = w[wAt + 4 * wStep]!;
      const s0 = srcAt, s1 = srcAt + stride, s2 = srcAt + 2 * stride, s3 = srcAt + 3 * stride, s4 = srcAt + 4 * stride;
      for (let q = 0; q < count; q++) out[outAt + q] = init + w0 * src[s0 + q]! + w1 * src[s1 + q]! + w2 * src[s2 + q]! + w3 * src[s3 + q]! + w4 * src[s4 + q]!;
      return;
    }
    case 6: {
      const w0 = w[wAt]!, w1 = w[wAt + wStep]!, w2 = w[wAt + 2 * wStep]!, w3 = w[wAt + 3 * wStep]!, w4 = w[wAt + 4 * wStep]!, w5 = w[wAt + 5 * wStep]!;
      const s0 = srcAt, s1 = srcAt + stride, s2 = srcAt + 2 * stride, s3 = srcAt + 3 * stride, s4 = srcAt + 4 * stride, s5 = srcAt + 5 * stride;
      for (let q = 0; q < count; q++) out[outAt + q] = init + w0 * src[s0 + q]! + w1 * src[s1 + q]! + w2 * src[s2 + q]! + w3 * src[s3 + q]! + w4 * src[s4 + q]! + w5 * src[s5 + q]!;
      return;
    }
    case 7: {
      const w0 = w[wAt]!, w1 = w[wAt + wStep]!, w2 = w[wAt + 2 * wStep]!, w3 = w[wAt + 3 * wStep]!, w4 = w[wAt + 4 * wStep]!, w5 = w[wAt + 5 * wStep]!, w6 = w[wAt + 6 * wStep]!;
      const s0 = srcAt, s1 = srcAt + stride, s2 = srcAt + 2 * stride, s3 = srcAt + 3 * stride, s4 = srcAt + 4 * stride, s5 = srcAt + 5 * stride, s6 = srcAt + 6 * stride;
      for (let q = 0; q < count; q++) out[outAt + q] = init + w0 * src[s0 + q]! + w1 * src[s1 + q]! + w2 * src[s2 + q]! + w3 * src[s3 + q]! + w4 * src[s4 + q]! + w5 * src[s5 + q]! + w6 * src[s6 + q]!;
      return;
    }
    case 8: {
      const w0 = w[wAt]!, w1 = w[wAt + wStep]!, w2 = w[wAt + 2 * wStep]!, w3 = w[wAt + 3 * wStep]!, w4 = w[wAt + 4 * wStep]!, w5 = w[wAt + 5 * wStep]!, w6 = w[wAt + 6 * wStep]!, w7 = w[wAt + 7 * wStep]!;
      const s0 = srcAt, s1 = srcAt + stride, s2 = srcAt + 2 * stride, s3 = srcAt + 3 * stride, s4 = srcAt + 4 * stride, s5 = srcAt + 5 * stride, s6 = srcAt + 6 * stride, s7 = srcAt + 7 * stride;
      for (let q = 0; q < count; q++) out[outAt + q] = init + w0 * src[s0 + q]! + w1 * src[s1 + q]! + w2 * src[s2 + q]! + w3 * src[s3 + q]! + w4 * src[s4 + q]! + w5 * src[s5 + q]! + w6 * src[s6 + q]! + w7 * src[s7 + q]!;
      return;
    }
    case 9: {
      const w0 = w[wAt]!, w1 = w[wAt + wStep]!, w2 = w[wAt + 2 * wStep]!, w3 = w[wAt + 3 * wStep]!, w4 = w[wAt + 4 * wStep]!, w5 = w[wAt + 5 * wStep]!, w6 = w[wAt + 6 * wStep]!, w7 = w[wAt + 7 * wStep]!, w8 = w[wAt + 8 * wStep]!;
      const s0 = srcAt, s1 = srcAt + stride, s2 = srcAt + 2 * stride, s3 = srcAt + 3 * stride, s4 = srcAt + 4 * stride, s5 = srcAt + 5 * stride, s6 = srcAt + 6 * stride, s7 = srcAt + 7 * stride, s8 = srcAt + 8 * stride;
      for (let q = 0; q < count; q++) out[outAt + q] = init + w0 * src[s0 + q]! + w1 * src[s1 + q]! + w2 * src[s2 + q]! + w3 * src[s3 + q]! + w4 * src[s4 + q]! + w5 * src[s5 + q]! + w6 * src[s6 + q]! + w7 * src[s7 + q]! + w8 * src[s8 + q]!;
      return;
    }
    default:
      for (let q = 0; q < count; q++) {
        let sum = init;
        for (let i = 0; i < terms; i++) sum += w[wAt + i * wStep]! * src[srcAt + i * stride + q]!;
        out[outAt + q] = sum;
      }
  }
}

/**
 * grads[gAt + i] += err[errAt + q]·src[row i][q] for every input i and
 * point q, point after point (as if each example were backpropagated alone):
 * the gradient of one neuron's incoming weights.
 */
export function accumulateWeightGradients(
  grads: Float64Array,
  gAt: number,
  inputs: number,
  err: Float64Array,
  errAt: number,
  src: Float64Array,
  srcAt: number,
  stride: number,
  count: number,
): void {
  switch (inputs) {
    case 0:
      return;
    case 1: {
      let g0 = grads[gAt]!;
      const s0 = srcAt;
      for (let q = 0; q < count; q++) {
        const e = err[errAt + q]!;
        g0 += e * src[s0 + q]!;
      }
      grads[gAt] = g0;
      return;
    }
    case 2: {
      let g0 = grads[gAt]!, g1 = grads[gAt + 1]!;
      const s0 = srcAt, s1 = srcAt + stride;
      for (let q = 0; q < count; q++) {
        const e = err[errAt + q]!;
        g0 += e * src[s0 + q]!; g1 += e * src[s1 + q]!;
      }
      grads[gAt] = g0; grads[gAt + 1] = g1;
      return;
    }
    case 3: {
      let g0 = grads[gAt]!, g1 = grads[gAt + 1]!, g2 = grads[gAt + 2]!;
      const s0 = srcAt, s1 = srcAt + stride, s2 = srcAt + 2 * stride;
      for (let q = 0; q < count; q++) {
        const e = err[errAt + q]!;
        g0 += e * src[s0 + q]!; g1 += e * src[s1 + q]!; g2 += e * src[s2 + q]!;
      }
      grads[gAt] = g0; grads[gAt + 1] = g1; grads[gAt + 2] = g2;
      return;
    }
    case 4: {
      let g0 = grads[gAt]!, g1 = grads[gAt + 1]!, g2 = grads[gAt + 2]!, g3 = grads[gAt + 3]!;
      const s0 = srcAt, s1 = srcAt + stride, s2 = srcAt + 2 * stride, s3 = srcAt + 3 * stride;
      for (let q = 0; q < count; q++) {
        const e = err[errAt + q]!;
        g0 += e * src[s0 + q]!; g1 += e * src[s1 + q]!; g2 += e * src[s2 + q]!; g3 += e * src[s3 + q]!;
      }
      grads[gAt] = g0; grads[gAt + 1] = g1; grads[gAt + 2] = g2; grads[gAt + 3] = g3;
      return;
    }
    case 5: {
      let g0 = grads[gAt]!, g1 = grads[gAt + 1]!, g2 = grads[gAt + 2]!, g3 = grads[gAt + 3]!, g4 = grads[gAt + 4]!;
      const s0 = srcAt, s1 = srcAt + stride, s2 = srcAt + 2 * stride, s3 = srcAt + 3 * stride, s4 = srcAt + 4 * stride;
      for (let q = 0; q < count; q++) {
        const e = err[errAt + q]!;
        g0 += e * src[s0 + q]!; g1 += e * src[s1 + q]!; g2 += e * src[s2 + q]!; g3 += e * src[s3 + q]!; g4 += e * src[s4 + q]!;
      }
      grads[gAt] = g0; grads[gAt + 1] = g1; grads[gAt + 2] = g2; grads[gAt + 3] = g3; grads[gAt + 4] = g4;
      return;
    }
    case 6: {
      let g0 = grads[gAt]!, g1 = grads[gAt + 1]!, g2 = grads[gAt + 2]!, g3 = grads[gAt + 3]!, g4 = grads[gAt + 4]!, g5 = grads[gAt + 5]!;
      const s0 = srcAt, s1 = srcAt + stride, s2 = srcAt + 2 * stride, s3 = srcAt + 3 * stride, s4 = srcAt + 4 * stride, s5 = srcAt + 5 * stride;
      for (let q = 0; q < count; q++) {
        const e = err[errAt + q]!;
        g0 += e * src[s0 + q]!; g1 += e * src[s1 + q]!; g2 += e * src[s2 + q]!; g3 += e * src[s3 + q]!; g4 += e * src[s4 + q]!; g5 += e * src[s5 + q]!;
      }
      grads[gAt] = g0; grads[gAt + 1] = g1; grads[gAt + 2] = g2; grads[gAt + 3] = g3; grads[gAt + 4] = g4; grads[gAt + 5] = g5;
      return;
    }
    case 7: {
      let g0 = grads[gAt]!, g1 = grads[gAt + 1]!, g2 = grads[gAt + 2]!, g3 = grads[gAt + 3]!, g4 = grads[gAt + 4]!, g5 = grads[gAt + 5]!, g6 = grads[gAt + 6]!;
      const s0 = srcAt, s1 = srcAt + stride, s2 = srcAt + 2 * stride, s3 = srcAt + 3 * stride, s4 = srcAt + 4 * stride, s5 = srcAt + 5 * stride, s6 = srcAt + 6 * stride;
      for (let q = 0; q < count; q++) {
        const e = err[errAt + q]!;
        g0 += e * src[s0 + q]!; g1 += e * src[s1 + q]!; g2 += e * src[s2 + q]!; g3 += e * src[s3 + q]!; g4 += e * src[s4 + q]!; g5 += e * src[s5 + q]!; g6 += e * src[s6 + q]!;
      }
      grads[gAt] = g0; grads[gAt + 1] = g1; grads[gAt + 2] = g2; grads[gAt + 3] = g3; grads[gAt + 4] = g4; grads[gAt + 5] = g5; grads[gAt + 6] = g6;
      return;
    }
    case 8: {
      let g0 = grads[gAt]!, g1 = grads[gAt + 1]!, g2 = grads[gAt + 2]!, g3 = grads[gAt + 3]!, g4 = grads[gAt + 4]!, g5 = grads[gAt + 5]!, g6 = grads[gAt + 6]!, g7 = grads[gAt + 7]!;
      const s0 = srcAt, s1 = srcAt + stride, s2 = srcAt + 2 * stride, s3 = srcAt + 3 * stride, s4 = srcAt + 4 * stride, s5 = srcAt + 5 * stride, s6 = srcAt + 6 * stride, s7 = srcAt + 7 * stride;
      for (let q = 0; q < count; q++) {
        const e = err[errAt + q]!;
        g0 += e * src[s0 + q]!; g1 += e * src[s1 + q]!; g2 += e * src[s2 + q]!; g3 += e * src[s3 + q]!; g4 += e * src[s4 + q]!; g5 += e * src[s5 + q]!; g6 += e * src[s6 + q]!; g7 += e * src[s7 + q]!;
      }
      grads[gAt] = g0; grads[gAt + 1] = g1; grads[gAt + 2] = g2; grads[gAt + 3] = g3; grads[gAt + 4] = g4; grads[gAt + 5] = g5; grads[gAt + 6] = g6; grads[gAt + 7] = g7;
      return;
    }
    case 9: {
      let g0 = grads[gAt]!, g1 = grads[gAt + 1]!, g2 = grads[gAt + 2]!, g3 = grads[gAt + 3]!, g4 = grads[gAt + 4]!, g5 = grads[gAt + 5]!, g6 = grads[gAt + 6]!, g7 = grads[gAt + 7]!, g8 = grads[gAt + 8]!;
      const s0 = srcAt, s1 = srcAt + stride, s2 = srcAt + 2 * stride, s3 = srcAt + 3 * stride, s4 = srcAt + 4 * stride, s5 = srcAt + 5 * stride, s6 = srcAt + 6 * stride, s7 = srcAt + 7 * stride, s8 = srcAt + 8 * stride;
      for (let q = 0; q < count; q++) {
        const e = err[errAt + q]!;
        g0 += e * src[s0 + q]!; g1 += e * src[s1 + q]!; g2 += e * src[s2 + q]!; g3 += e * src[s3 + q]!; g4 += e * src[s4 + q]!; g5 += e * src[s5 + q]!; g6 += e * src[s6 + q]!; g7 += e * src[s7 + q]!; g8 += e * src[s8 + q]!;
      }
      grads[gAt] = g0; grads[gAt + 1] = g1; grads[gAt + 2] = g2; grads[gAt + 3] = g3; grads[gAt + 4] = g4; grads[gAt + 5] = g5; grads[gAt + 6] = g6; grads[gAt + 7] = g7; grads[gAt + 8] = g8;
      return;
    }
    default:
      for (let i = 0; i < inputs; i++) {
        let g = grads[gAt + i]!;
        for (let q = 0; q < count; q++) g += err[errAt + q]! * src[srcAt + i * stride + q]!;
        grads[gAt + i] = g;
      }
  }
}
